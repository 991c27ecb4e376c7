package vn.lienthong.adapter.audit.boundary;

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import vn.lienthong.adapter.admin.boundary.AdminAuthentication;
import vn.lienthong.adapter.audit.control.AuditChainVerifier;
import vn.lienthong.adapter.audit.control.AuditKey;
import vn.lienthong.adapter.audit.control.AuditLog;

/** Admin: verify the audit chain. The verification itself is audited with its verdict. */
@Stateless
@Path("audit")
@Produces(MediaType.APPLICATION_JSON)
public class AuditAdminResource {

    @PersistenceContext(unitName = "lienthong")
    EntityManager em;
    @Inject
    AuditLog audit;
    @Inject
    AuditKey key;

    @GET
    @Path("verify")
    public JsonObject verify() {
        AuditChainVerifier.Report report = new AuditChainVerifier(em, key.get()).verify();
        JsonArrayBuilder problems = Json.createArrayBuilder();
        report.problems().forEach(problems::add);
        audit.record(AdminAuthentication.ADMIN, "ADMIN_AUDIT_VERIFY", null, report.intact() ? "INTACT" : "BROKEN",
                null, report.checked() + " entries checked, " + report.problems().size() + " problems");
        return Json.createObjectBuilder()
                .add("intact", report.intact())
                .add("checked", report.checked())
                .add("headSeq", report.headSeq())
                .add("unchainedBeforeChain", report.unchainedBefore())
                .add("unkeyedLegacy", report.unkeyedLegacy())
                .add("keyId", key.get().id())
                .add("keyedFromSeq", report.keyedFromSeq() == null ? -1 : report.keyedFromSeq())
                .add("problems", problems)
                .build();
    }
}
