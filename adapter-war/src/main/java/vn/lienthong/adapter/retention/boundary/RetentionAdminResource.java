package vn.lienthong.adapter.retention.boundary;

import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import vn.lienthong.adapter.configuration.AdapterSettings;
import vn.lienthong.adapter.platform.time.VietnamTime;
import vn.lienthong.adapter.retention.control.RetentionJob;
import vn.lienthong.adapter.retention.control.RetentionService;
import vn.lienthong.adapter.retention.entity.ArchiveRecord;
import vn.lienthong.adapter.retention.entity.RetentionReport;

/**
 * Admin: {@code GET /admin/retention} — the policy and the archives written (newest first); {@code POST
 * /admin/retention} — run the job now on this node. Refusals: 409 {@code RETENTION.OFF} (policy off), 409
 * {@code RETENTION.BUSY} (running here or on another node); a run that stopped answers 500 {@code SYS.RETENTION}
 * with what it archived before (details in the server log, never in the answer). Authorised and audited like every
 * admin call ({@code admin.boundary.AdminAuthentication}, {@code AdminCallAudit}); each archive is audited as
 * {@code RETENTION} by the job.
 */
@Path("retention")
@Produces(MediaType.APPLICATION_JSON)
public class RetentionAdminResource {

    @Inject
    RetentionService retention;
    @Inject
    AdapterSettings settings;

    @GET
    public JsonObject list(@QueryParam("limit") @DefaultValue("100") int limit) {
        JsonArrayBuilder archives = Json.createArrayBuilder();
        retention.archives(Math.max(1, Math.min(limit, 1000))).forEach(a -> archives.add(json(a)));
        JsonObjectBuilder b = Json.createObjectBuilder().add("enabled", settings.retention().enabled())
                .add("months", settings.retention().months());
        if (settings.retention().enabled()) {
            b.add("cutoff", VietnamTime.iso(RetentionJob.cutoff(VietnamTime.now(), settings.retention().months())));
        }
        return b.add("archives", archives).build();
    }

    @POST
    public Response runNow() {
        RetentionReport r = retention.runNow();
        return switch (r.outcome()) {
            case "OFF" -> Response.status(409).entity(error("RETENTION.OFF",
                    "retention is off: set adapter.retention.months")).build();
            case "BUSY" -> Response.status(409).entity(error("RETENTION.BUSY",
                    "the retention job is already running")).build();
            case "FAILED" -> Response.status(500).entity(report(r).add("code", "SYS.RETENTION")
                    .add("message", "the run stopped; archives listed were completed, see the server log").build())
                    .build();
            default -> Response.ok(report(r).build()).build();
        };
    }

    private static JsonObjectBuilder report(RetentionReport r) {
        JsonArrayBuilder archives = Json.createArrayBuilder();
        r.archived().forEach(a -> archives.add(json(a)));
        return Json.createObjectBuilder().add("outcome", r.outcome()).add("cutoff", VietnamTime.iso(r.cutoff()))
                .add("documents", r.documents()).add("abandoned", r.abandoned()).add("filesRemoved", r.filesRemoved())
                .add("archives", archives);
    }

    private static JsonObject json(ArchiveRecord a) {
        JsonObjectBuilder b = Json.createObjectBuilder().add("id", a.id()).add("file", a.fileName())
                .add("period", a.period()).add("state", a.state()).add("documents", a.documents())
                .add("rows", a.dataRows()).add("files", a.files()).add("auditEntries", a.auditEntries())
                .add("filesPending", a.filesPending()).add("node", a.nodeId())
                .add("started", VietnamTime.iso(a.startedAt()));
        if (a.sha256() != null) {
            b.add("sha256", a.sha256());
        }
        if (a.sizeBytes() != null) {
            b.add("bytes", a.sizeBytes());
        }
        if (a.completedAt() != null) {
            b.add("completed", VietnamTime.iso(a.completedAt()));
        }
        return b.build();
    }

    private static JsonObject error(String code, String message) {
        return Json.createObjectBuilder().add("code", code).add("message", message).build();
    }
}
