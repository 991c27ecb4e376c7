package vn.lienthong.adapter.backup.boundary;

import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import vn.lienthong.adapter.backup.control.BackupService;
import vn.lienthong.adapter.backup.entity.BackupResult;

/**
 * Admin: {@code POST /admin/backup} writes a consistent backup of this adapter into the backup folder and answers
 * where ({@code scripts/backup.sh} calls it). The target is never taken from the request. 409 {@code BACKUP.BUSY}
 * while another backup runs on this node; 500 {@code SYS.BACKUP} when it failed (the partial folder stays as
 * {@code .partial-<name>}).
 */
@Path("backup")
@Produces(MediaType.APPLICATION_JSON)
public class BackupAdminResource {

    @Inject
    BackupService backups;

    @POST
    public Response backup() {
        try {
            BackupResult r = backups.backup();
            JsonObject body = Json.createObjectBuilder().add("name", r.name()).add("folder", r.folder())
                    .add("database", r.database()).add("files", r.files()).add("bytes", r.bytes()).build();
            return Response.ok(body).build();
        } catch (BackupService.Busy e) {
            return Response.status(409).entity(error("BACKUP.BUSY", e.getMessage())).build();
        } catch (RuntimeException e) {
            return Response.status(500).entity(error("SYS.BACKUP", "the backup failed; see the server log"))
                    .build();
        }
    }

    private static JsonObject error(String code, String message) {
        return Json.createObjectBuilder().add("code", code).add("message", message).build();
    }
}
