package vn.lienthong.adapter.audit.boundary;

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import vn.lienthong.adapter.admin.boundary.AdminAuthentication;
import vn.lienthong.adapter.audit.control.AuditChainVerifier;
import vn.lienthong.adapter.audit.control.AuditLog;
import vn.lienthong.adapter.audit.entity.AuditEntry;
import vn.lienthong.adapter.platform.time.VietnamTime;

/**
 * Admin: read the audit trail (newest position and the entries after a given one, so an operator — or the
 * security regression suite — can see what a request left behind) and verify the chain. The verification is
 * audited with its verdict; reading is plain (admin calls are audited by the admin layer as a whole).
 */
@Stateless
@Path("audit")
@Produces(MediaType.APPLICATION_JSON)
public class AuditAdminResource {

    @PersistenceContext(unitName = "lienthong")
    EntityManager em;
    @Inject
    AuditLog audit;

    static final int MAX_ENTRIES = 1000;

    /**
     * {@code GET /admin/audit?after=<chainSeq>&limit=N}: {@code headSeq} (newest position) and up to N entries
     * (0…{@value #MAX_ENTRIES}, default 100) with a position above {@code after}, oldest first.
     */
    @GET
    public JsonObject entries(@QueryParam("after") @DefaultValue("0") long after,
            @QueryParam("limit") @DefaultValue("100") int limit) {
        Long head = em.createQuery("SELECT MAX(e.chainSeq) FROM AuditEntry e", Long.class).getSingleResult();
        JsonArrayBuilder entries = Json.createArrayBuilder();
        int max = Math.max(0, Math.min(limit, MAX_ENTRIES));
        if (max > 0) {
            em.createQuery("SELECT e FROM AuditEntry e WHERE e.chainSeq > :after ORDER BY e.chainSeq", AuditEntry.class)
                    .setParameter("after", after)
                    .setMaxResults(max)
                    .getResultList()
                    .forEach(e -> entries.add(describe(e)));
        }
        return Json.createObjectBuilder()
                .add("headSeq", head == null ? 0 : head)
                .add("entries", entries)
                .build();
    }

    private static JsonObject describe(AuditEntry e) {
        var b = Json.createObjectBuilder()
                .add("seq", e.getChainSeq())
                .add("time", VietnamTime.iso(e.getOccurredAt()))
                .add("action", e.getAction())
                .add("outcome", e.getOutcome());
        optional(b, "actor", e.getActor());
        optional(b, "organId", e.getOrganId());
        optional(b, "code", e.getCode());
        optional(b, "detail", e.getDetail());
        return b.build();
    }

    private static void optional(jakarta.json.JsonObjectBuilder b, String name, String value) {
        if (value != null) {
            b.add(name, value);
        }
    }

    @GET
    @Path("verify")
    public JsonObject verify() {
        AuditChainVerifier.Report report = new AuditChainVerifier(em).verify();
        JsonArrayBuilder problems = Json.createArrayBuilder();
        report.problems().forEach(problems::add);
        audit.record(AdminAuthentication.ADMIN, "ADMIN_AUDIT_VERIFY", null, report.intact() ? "INTACT" : "BROKEN",
                null, report.checked() + " entries checked, " + report.problems().size() + " problems");
        return Json.createObjectBuilder()
                .add("intact", report.intact())
                .add("checked", report.checked())
                .add("headSeq", report.headSeq())
                .add("unchainedBeforeChain", report.unchainedBefore())
                .add("problems", problems)
                .build();
    }
}
