package vn.lienthong.adapter.tracking.boundary;

import java.util.LinkedHashMap;
import java.util.Map;

import jakarta.ejb.Stateless;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

/**
 * Admin: {@code GET /admin/store/counts}, how many rows each kind of stored thing has. Read-only and without any
 * content, so an operator (or the security regression suite) can tell from outside that a refused request left
 * nothing behind.
 */
@Stateless
@Path("store")
@Produces(MediaType.APPLICATION_JSON)
public class StoreAdminResource {

    /** JSON name → entity name (JPQL, so no other capability's classes are needed here). */
    private static final Map<String, String> COUNTED = new LinkedHashMap<>();

    static {
        COUNTED.put("documents", "Document");
        COUNTED.put("recipients", "Recipient");
        COUNTED.put("attachments", "StoredAttachment");
        COUNTED.put("statusEvents", "StatusEvent");
        COUNTED.put("transportAttempts", "TransportAttempt");
        COUNTED.put("inboxItems", "InboxItem");
        COUNTED.put("receivedPackages", "ReceivedPackage");
        COUNTED.put("legacyTokens", "LegacyToken");
        COUNTED.put("legacyNumbers", "LegacyNumber");
        COUNTED.put("clientCredentials", "ClientCredential");
    }

    @PersistenceContext(unitName = "lienthong")
    EntityManager em;

    @GET
    @Path("counts")
    public JsonObject counts() {
        JsonObjectBuilder b = Json.createObjectBuilder();
        COUNTED.forEach((name, entity) -> b.add(name,
                em.createQuery("SELECT COUNT(x) FROM " + entity + " x", Long.class).getSingleResult()));
        return b.build();
    }
}
