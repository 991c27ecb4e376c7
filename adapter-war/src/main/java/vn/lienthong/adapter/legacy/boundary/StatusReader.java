package vn.lienthong.adapter.legacy.boundary;

import org.w3c.dom.Element;

import vn.lienthong.adapter.legacy.control.LegacyExchange.StatusUpdate;
import vn.lienthong.adapter.legacy.control.LegacyFault;
import vn.lienthong.mappings.edoc.XmlPath;

/** Reads the UpdateTraces body {@code Status} (unqualified; children in any namespace and order, spec §6.5). */
final class StatusReader {

    private StatusReader() {
    }

    static StatusUpdate read(LegacyEnvelope env) {
        Element status = XmlPath.first(env.body(), "Status");
        if (status == null) {
            throw new LegacyFault("N.Status", "The body must hold a Status");
        }
        String code = XmlPath.text(status, "StatusCode");
        if (code == null) {
            throw new LegacyFault("N.Status.StatusCode", "Status/StatusCode is required");
        }
        return new StatusUpdate(XmlPath.text(status, "From/OrganId"), XmlPath.text(status, "ResponseFor/OrganId"),
                XmlPath.text(status, "ResponseFor/DocumentId"), code, XmlPath.text(status, "Description"),
                XmlPath.text(status, "StaffInfo/Staff"));
    }
}
