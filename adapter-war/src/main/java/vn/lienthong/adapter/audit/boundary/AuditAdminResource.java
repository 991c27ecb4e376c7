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
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import vn.lienthong.adapter.admin.boundary.AdminAuthentication;
import vn.lienthong.adapter.audit.control.AuditChainVerifier;
import vn.lienthong.adapter.audit.control.AuditLog;
import vn.lienthong.adapter.audit.entity.AuditEntry;

/**
 * Admin: verify the audit chain, read the latest entries. Both reads are themselves audited (the verification with
 * its verdict).
 */
@Stateless
@Path("audit")
@Produces(MediaType.APPLICATION_JSON)
public class AuditAdminResource {

    @PersistenceContext(unitName = "lienthong")
    EntityManager em;
    @Inject
    AuditLog audit;

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
