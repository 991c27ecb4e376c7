package vn.lienthong.adapter.audit.boundary;

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import vn.lienthong.adapter.admin.boundary.AdminAuthentication;
import vn.lienthong.adapter.audit.control.AuditChainVerifier;
import vn.lienthong.adapter.audit.control.AuditKey;
import vn.lienthong.adapter.audit.control.AuditLog;
import vn.lienthong.adapter.audit.entity.AuditEntry;

/**
 * Admin: verify the audit chain, read the newest entries. The verification itself is audited with its verdict;
 * every call, reads included, is audited by {@code AdminCallAudit}.
 */
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

    /** The newest entries, newest first (at most 500). */
    @GET
    @Path("recent")
    public JsonArray recent(@QueryParam("max") @DefaultValue("50") int max) {
        JsonArrayBuilder entries = Json.createArrayBuilder();
        for (AuditEntry e : em.createQuery("SELECT e FROM AuditEntry e WHERE e.chainSeq IS NOT NULL"
                        + " ORDER BY e.chainSeq DESC", AuditEntry.class)
                .setMaxResults(Math.max(1, Math.min(max, 500))).getResultList()) {
            JsonObjectBuilder o = Json.createObjectBuilder()
                    .add("seq", e.getChainSeq())
                    .add("occurredAt", e.getOccurredAt().toString())
                    .add("action", e.getAction())
                    .add("outcome", e.getOutcome());
            addIfPresent(o, "actor", e.getActor());
            addIfPresent(o, "organId", e.getOrganId());
            addIfPresent(o, "code", e.getCode());
            addIfPresent(o, "detail", e.getDetail());
            entries.add(o);
        }
        return entries.build();
    }

    private static void addIfPresent(JsonObjectBuilder o, String name, String value) {
        if (value != null) {
            o.add(name, value);
        }
    }

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

    /** The latest entries, newest first, optionally only those with one code (e.g. {@code AUTH.REPLAY}); at most 200. */
    @GET
    @Path("entries")
    public JsonObject entries(@QueryParam("code") String code, @QueryParam("limit") Integer limit) {
        int max = limit == null ? 50 : Math.max(1, Math.min(limit, 200));
        var query = em.createQuery("SELECT e FROM AuditEntry e" + (code == null ? "" : " WHERE e.code = :code")
                + " ORDER BY e.occurredAt DESC, e.chainSeq DESC", AuditEntry.class).setMaxResults(max);
        if (code != null) {
            query.setParameter("code", code);
        }
        JsonArrayBuilder list = Json.createArrayBuilder();
        for (AuditEntry e : query.getResultList()) {
            list.add(Json.createObjectBuilder().add("at", e.getOccurredAt().toString())
                    .add("actor", String.valueOf(e.getActor())).add("action", String.valueOf(e.getAction()))
                    .add("outcome", String.valueOf(e.getOutcome())).add("code", String.valueOf(e.getCode()))
                    .add("detail", String.valueOf(e.getDetail())));
        }
        audit.record(AdminAuthentication.ADMIN, "ADMIN_AUDIT_READ", null, "ACCEPTED", null,
                "code=" + code + ", limit=" + max);
        return Json.createObjectBuilder().add("entries", list).build();
    }
}
