package vn.lienthong.adapter.signatures.boundary;

import java.util.Optional;

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import vn.lienthong.adapter.platform.time.VietnamTime;
import vn.lienthong.adapter.signatures.control.SignatureRecords;
import vn.lienthong.adapter.signatures.entity.AttachmentSignature;
import vn.lienthong.adapter.signatures.entity.SignatureView;
import vn.lienthong.adapter.tracking.control.DocumentQuery;
import vn.lienthong.adapter.tracking.entity.Document;

/**
 * Admin: {@code GET /admin/signatures?sender=…&documentId=…[&direction=IN]} — a document's signature verdict and
 * each attachment's signer, for any face (the old protocol's replies have no room for it). 404 when the document
 * is unknown, {@code "verdict":"NONE"} when it was never queued (stored before issue 14, or checks switched off).
 */
@Stateless
@Path("signatures")
@Produces(MediaType.APPLICATION_JSON)
public class SignaturesAdminResource {

    @Inject
    DocumentQuery documents;
    @Inject
    SignatureRecords signatures;

    @GET
    public Response document(@QueryParam("sender") String sender, @QueryParam("documentId") String documentId,
            @QueryParam("direction") String direction) {
        if (sender == null || sender.isBlank() || documentId == null || documentId.isBlank()) {
            return Response.status(Response.Status.BAD_REQUEST).entity(error("sender and documentId are required"))
                    .build();
        }
        Optional<Document> d = "IN".equalsIgnoreCase(direction) ? documents.incoming(sender, documentId)
                : documents.outgoing(sender, documentId);
        if (d.isEmpty()) {
            return Response.status(Response.Status.NOT_FOUND).entity(error("no such document")).build();
        }
        JsonObjectBuilder b = Json.createObjectBuilder().add("documentId", d.get().getDocumentId())
                .add("sender", d.get().getSenderOrganId()).add("direction", d.get().getDirection().name());
        Optional<SignatureView> v = signatures.find(d.get().getId());
        if (v.isEmpty()) {
            return Response.ok(b.add("verdict", "NONE").build()).build();
        }
        return Response.ok(json(b, v.get()).build()).build();
    }

    static JsonObjectBuilder json(JsonObjectBuilder b, SignatureView v) {
        b.add("verdict", v.document().getVerdict().name());
        add(b, "reason", v.document().getReason());
        add(b, "verifiedAt", VietnamTime.iso(v.document().getVerifiedAt()));
        add(b, "policyNote", v.document().getPolicyNote());
        b.add("scope", v.document().getScope().name());
        JsonArrayBuilder list = Json.createArrayBuilder();
        for (AttachmentSignature a : v.attachments()) {
            JsonObjectBuilder x = Json.createObjectBuilder().add("position", a.getPosition()).add("name", a.getName())
                    .add("format", a.getFormat()).add("status", a.getStatus()).add("legalValue", a.getLegalValue())
                    .add("signatures", a.getSignatures());
            add(x, "reason", a.getReason());
            add(x, "signerName", a.getSignerName());
            add(x, "signerOrganisation", a.getSignerOrganisation());
            add(x, "issuer", a.getIssuer());
            add(x, "signingTime", VietnamTime.iso(a.getSigningTime()));
            add(x, "signingTimeSource", a.getSigningTimeSource());
            list.add(x);
        }
        return b.add("attachments", list);
    }

    private static void add(JsonObjectBuilder b, String name, String value) {
        if (value != null) {
            b.add(name, value);
        }
    }

    private static JsonObject error(String message) {
        return Json.createObjectBuilder().add("error", message).build();
    }
}
