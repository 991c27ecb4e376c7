package vn.lienthong.adapter.admin.boundary;

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import vn.lienthong.adapter.admin.boundary.AdminAuthentication;
import vn.lienthong.adapter.audit.control.AuditLog;
import vn.lienthong.adapter.delivery.control.DeadLetters;
import vn.lienthong.adapter.platform.time.VietnamTime;
import vn.lienthong.adapter.tracking.entity.Document;

/** Admin: list dead outbox documents and re-queue one. Every re-queue is audited. */
@Stateless
@Path("outbox")
@Produces(MediaType.APPLICATION_JSON)
public class OutboxAdminResource {

    @Inject
    DeadLetters deadLetters;
    @Inject
    AuditLog audit;

    @GET
    @Path("dead")
    public JsonObject dead(@QueryParam("max") @DefaultValue("100") int max) {
        JsonArrayBuilder items = Json.createArrayBuilder();
        deadLetters.list(Math.max(1, Math.min(max, 1000))).forEach(d -> items.add(describe(d)));
        return Json.createObjectBuilder().add("dead", items).build();
    }

    @POST
    @Path("{id}/requeue")
    public Response requeue(@PathParam("id") String id) {
        return deadLetters.requeue(id)
                .map(d -> {
                    audit.record(AdminAuthentication.ADMIN, "ADMIN_REQUEUE", d.getSenderOrganId(), "ACCEPTED", null,
                            d.getDocumentId() + " (" + id + ")");
                    return Response.ok(describe(d).build()).build();
                })
                .orElseGet(() -> {
                    audit.record(AdminAuthentication.ADMIN, "ADMIN_REQUEUE", null, "REFUSED", "NOT_DEAD", id);
                    return Response.status(Response.Status.NOT_FOUND)
                            .entity(Json.createObjectBuilder().add("error", "no dead document " + id).build()).build();
                });
    }

    private static JsonObjectBuilder describe(Document d) {
        JsonObjectBuilder b = Json.createObjectBuilder()
                .add("id", d.getId())
                .add("documentId", d.getDocumentId())
                .add("sender", d.getSenderOrganId())
                .add("state", d.getState().name())
                .add("attempts", d.getAttempts())
                .add("updatedAt", VietnamTime.iso(d.getUpdatedAt()));
        if (d.getLastError() != null) {
            b.add("lastError", d.getLastError());
        }
        return b;
    }
}
