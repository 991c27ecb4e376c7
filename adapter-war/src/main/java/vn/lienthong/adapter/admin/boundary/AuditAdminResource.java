package vn.lienthong.adapter.admin.boundary;

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.TypedQuery;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import vn.lienthong.adapter.admin.boundary.AdminAuthentication;
import vn.lienthong.adapter.audit.control.AuditChainVerifier;
import vn.lienthong.adapter.audit.control.AuditChainer;
import vn.lienthong.adapter.audit.control.AuditKey;
import vn.lienthong.adapter.audit.control.AuditLog;
import vn.lienthong.adapter.audit.entity.AuditEntry;
import vn.lienthong.adapter.platform.time.VietnamTime;

/**
 * Admin: read the audit trail and verify its chain. One read operation serves the operator (newest entries,
 * optionally of one code) and the security regression suite (the entries after a known position, to see what a
 * request left behind). Every call is audited by {@code AdminCallAudit}; the verification also with its verdict.
 */
@Stateless
@Path("audit")
@Produces(MediaType.APPLICATION_JSON)
public class AuditAdminResource {

    static final int MAX_ENTRIES = 1000;

    @PersistenceContext(unitName = "lienthong")
    EntityManager em;
    @Inject
    AuditLog audit;
    @Inject
    AuditKey key;
    @Inject
    AuditChainer chainer;

    /**
     * {@code GET /admin/audit?after=<chainSeq>&code=<code>&limit=N}: {@code headSeq} (the newest position) and up to
     * N entries (0…{@value #MAX_ENTRIES}, default 100; 0: the head alone), only those with {@code code} if given. With {@code after}:
     * the entries above that position, oldest first; without: the newest, newest first.
     */
    @GET
    public JsonObject entries(@QueryParam("after") Long after, @QueryParam("code") String code,
            @QueryParam("limit") @DefaultValue("100") int limit) {
        if (chainer != null) {
            chainer.linkAll(); // entries are linked moments after they are written: show everything written so far
        }
        Long head = em.createQuery("SELECT MAX(e.chainSeq) FROM AuditEntry e", Long.class).getSingleResult();
        String where = "e.chainSeq IS NOT NULL" + (after == null ? "" : " AND e.chainSeq > :after")
                + (code == null ? "" : " AND e.code = :code");
        int max = Math.max(0, Math.min(limit, MAX_ENTRIES));
        JsonArrayBuilder entries = Json.createArrayBuilder();
        if (max > 0) {
            TypedQuery<AuditEntry> query = em.createQuery("SELECT e FROM AuditEntry e WHERE " + where
                    + " ORDER BY e.chainSeq " + (after == null ? "DESC" : "ASC"), AuditEntry.class)
                    .setMaxResults(max);
            if (after != null) {
                query.setParameter("after", after);
            }
            if (code != null) {
                query.setParameter("code", code);
            }
            query.getResultList().forEach(e -> entries.add(describe(e)));
        }
        return Json.createObjectBuilder()
                .add("headSeq", head == null ? 0 : head)
                .add("entries", entries)
                .build();
    }

    private static JsonObject describe(AuditEntry e) {
        JsonObjectBuilder b = Json.createObjectBuilder()
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

    private static void optional(JsonObjectBuilder b, String name, String value) {
        if (value != null) {
            b.add(name, value);
        }
    }

    @GET
    @Path("verify")
    public JsonObject verify() {
        if (chainer != null) {
            chainer.linkAll();
        }
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
                .add("pending", report.pending())
                .add("keyId", key.get().id())
                .add("keyedFromSeq", report.keyedFromSeq() == null ? -1 : report.keyedFromSeq())
                .add("problems", problems)
                .build();
    }
}
