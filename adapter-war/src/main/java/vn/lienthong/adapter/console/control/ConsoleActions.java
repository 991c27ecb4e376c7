package vn.lienthong.adapter.console.control;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.TypedQuery;

import vn.lienthong.adapter.audit.control.AuditChainVerifier;
import vn.lienthong.adapter.audit.control.AuditKey;
import vn.lienthong.adapter.audit.control.AuditLog;
import vn.lienthong.adapter.audit.entity.AuditEntry;
import vn.lienthong.adapter.console.entity.ConsoleRole;
import vn.lienthong.adapter.console.entity.ConsoleUser;
import vn.lienthong.adapter.delivery.control.DeadLetters;
import vn.lienthong.adapter.legacy.control.LegacyFault;
import vn.lienthong.adapter.legacy.control.LegacyTokens;
import vn.lienthong.adapter.legacy.entity.LegacyToken;
import vn.lienthong.adapter.platform.time.VietnamTime;
import vn.lienthong.adapter.recall.control.RecallService;
import vn.lienthong.adapter.security.control.CredentialStore;
import vn.lienthong.adapter.security.control.PasswordHasher;
import vn.lienthong.adapter.security.entity.ClientCredential;
import vn.lienthong.adapter.tracking.entity.Document;
import vn.lienthong.adapter.tracking.entity.DocumentState;

/**
 * What a console user may change, each through the capability's own service, each checked against the user's
 * role and organisations first and written to the audit trail with the user's name ({@code console:<user>}),
 * refusals included (with their code). Administrators only: client credentials, old-protocol tokens, console
 * users. Operators and administrators: re-queue, recall.
 */
@Stateless
public class ConsoleActions {

    @PersistenceContext(unitName = "lienthong")
    EntityManager em;
    @Inject
    AuditLog audit;
    @Inject
    AuditKey auditKey;
    @Inject
    DeadLetters deadLetters;
    @Inject
    RecallService recalls;
    @Inject
    LegacyTokens legacyTokens;
    @Inject
    CredentialStore credentials;
    @Inject
    ConsoleUsers users;

    /** Writes a refusal to the audit trail (own transaction: kept although the action rolls back). */
    public void refused(ConsoleCaller caller, String action, String organId, ConsoleRefusal r, String detail) {
        audit.record(caller == null ? null : caller.actor(), action, organId, "REFUSED", r.code(),
                (detail == null ? "" : detail + "; ") + r.getMessage()
                        + (caller == null || caller.address() == null ? "" : "; client=" + caller.address()));
    }

    public void record(ConsoleCaller caller, String action, String organId, String outcome, String detail) {
        audit.record(caller.actor(), action, organId, outcome, null, detail);
    }

    // ------------------------------------------------------------- documents

    public Document requeue(ConsoleCaller caller, String id) {
        Document d = visibleDocument(caller, id);
        requireActor(caller);
        if (d.getState() != DocumentState.DEAD) {
            throw new ConsoleRefusal(ConsoleRefusal.STATE, 409, "Only a dead document can be re-queued");
        }
        Document requeued = deadLetters.requeue(id).orElseThrow(
                () -> new ConsoleRefusal(ConsoleRefusal.STATE, 409, "Only a dead document can be re-queued"));
        record(caller, "CONSOLE_REQUEUE", d.getSenderOrganId(), "ACCEPTED", d.getDocumentId() + " (" + id + ")");
        return requeued;
    }

    public RecallService.Outcome recall(ConsoleCaller caller, String id, String reason) {
        Document d = visibleDocument(caller, id);
        requireActor(caller);
        if (!caller.maySee(d.getSenderOrganId())) {
            throw new ConsoleRefusal(ConsoleRefusal.ORGANISATION, 403,
                    "Only the sender's users may recall a document");
        }
        if (!recallable(d)) {
            throw new ConsoleRefusal(ConsoleRefusal.STATE, 409, "This document cannot be recalled");
        }
        if (reason == null || reason.isBlank()) {
            throw new ConsoleRefusal(ConsoleRefusal.INPUT, 400, "reason: required");
        }
        RecallService.Outcome outcome = recalls.decide(d.getId(),
                reason.length() > 1000 ? reason.substring(0, 1000) : reason.trim());
        record(caller, "CONSOLE_RECALL", d.getSenderOrganId(), outcome.name(), d.getDocumentId() + " (" + id + ")");
        return outcome;
    }

    /** The same rule as {@code RecallService}: an original we sent, not recalled yet, not recalled before. */
    public static boolean recallable(Document d) {
        return d.getDirection() == Document.Direction.OUT && "EDOC".equals(d.getMessageType())
                && d.getBusinessType() == 0 && d.getRecallState() == null
                && (d.getState() == DocumentState.QUEUED || d.getState() == DocumentState.SENT);
    }

    private Document visibleDocument(ConsoleCaller caller, String id) {
        Document d = id == null ? null : em.find(Document.class, id);
        if (d == null) {
            throw new ConsoleRefusal(ConsoleRefusal.NOT_FOUND, 404, "No such document");
        }
        d.getRecipients().size();
        if (!ConsoleQueries.visible(caller, d)) {
            throw new ConsoleRefusal(ConsoleRefusal.ORGANISATION, 403,
                    "This document belongs to organisations you may not see");
        }
        return d;
    }

    private static void requireActor(ConsoleCaller caller) {
        if (!caller.mayAct()) {
            throw new ConsoleRefusal(ConsoleRefusal.ROLE, 403, "Your role may look, not act");
        }
    }

    public static void requireAdministrator(ConsoleCaller caller) {
        if (!caller.isAdministrator()) {
            throw new ConsoleRefusal(ConsoleRefusal.ROLE, 403, "Only an administrator may do this");
        }
    }

    // ------------------------------------------------------------- credentials and tokens (administrators)

    public List<ClientCredential> clientCredentials() {
        return em.createQuery("SELECT c FROM ClientCredential c ORDER BY c.username", ClientCredential.class)
                .getResultList();
    }

    public List<LegacyToken> legacyTokens() {
        return em.createQuery("SELECT t FROM LegacyToken t ORDER BY t.organId, t.issuedAt DESC", LegacyToken.class)
                .setMaxResults(500).getResultList();
    }

    /** A new client credential (WS-Security UsernameToken login); returns its generated password, shown once. */
    public String issueCredential(ConsoleCaller caller, String username, List<String> organIds) {
        requireAdministrator(caller);
        if (username == null || !ConsoleUsers.USERNAME.matcher(username).matches()
                || username.startsWith(LegacyTokens.USER_PREFIX)) {
            throw new ConsoleRefusal(ConsoleRefusal.INPUT, 400, "username: 3–60 letters, digits, . _ -");
        }
        if (organIds.isEmpty()) {
            throw new ConsoleRefusal(ConsoleRefusal.INPUT, 400, "organisations: at least one");
        }
        organIds.forEach(ConsoleUsers::requireOrganId);
        if (credentials.exists(username)) {
            throw new ConsoleRefusal(ConsoleRefusal.INPUT, 409, "username: already taken");
        }
        String password = PasswordHasher.randomPassword();
        credentials.create(username, password.toCharArray(), organIds, null);
        record(caller, "CONSOLE_CREDENTIAL_ISSUE", organIds.get(0), "ACCEPTED",
                username + " may act for " + organIds);
        return password;
    }

    /** Disables a client credential: it no longer logs in, and the tokens it granted stop working with it. */
    public void revokeCredential(ConsoleCaller caller, String username) {
        requireAdministrator(caller);
        int changed = em.createQuery("UPDATE ClientCredential c SET c.enabled = FALSE WHERE c.username = :u"
                + " AND c.enabled = TRUE").setParameter("u", username == null ? "" : username).executeUpdate();
        if (changed == 0) {
            throw new ConsoleRefusal(ConsoleRefusal.NOT_FOUND, 404, "No enabled credential " + username);
        }
        record(caller, "CONSOLE_CREDENTIAL_REVOKE", null, "ACCEPTED", username);
    }

    /** Issues the organisation's old-protocol token (revoking earlier ones); returns it, shown once. */
    public String issueToken(ConsoleCaller caller, String organId, List<String> actFor) {
        requireAdministrator(caller);
        ConsoleUsers.requireOrganId(organId);
        actFor.forEach(ConsoleUsers::requireOrganId);
        try {
            String token = legacyTokens.issueByAdmin(organId, actFor, null);
            record(caller, "CONSOLE_TOKEN_ISSUE", organId, "ACCEPTED", "may act for " + actFor);
            return token;
        } catch (LegacyFault f) {
            throw new ConsoleRefusal(ConsoleRefusal.INPUT, 400, f.getMessage());
        }
    }

    /** Revokes every active token of the organisation and its delegated credential. */
    public int revokeToken(ConsoleCaller caller, String organId) {
        requireAdministrator(caller);
        ConsoleUsers.requireOrganId(organId);
        var now = VietnamTime.now();
        List<LegacyToken> active = em.createNamedQuery(LegacyToken.ACTIVE, LegacyToken.class)
                .setParameter("organ", organId).getResultList();
        if (active.isEmpty()) {
            throw new ConsoleRefusal(ConsoleRefusal.NOT_FOUND, 404, "No active token of " + organId);
        }
        active.forEach(t -> t.revoke(now));
        em.createQuery("UPDATE ClientCredential c SET c.enabled = FALSE WHERE c.username = :u")
                .setParameter("u", LegacyTokens.USER_PREFIX + organId).executeUpdate();
        record(caller, "CONSOLE_TOKEN_REVOKE", organId, "ACCEPTED", active.size() + " token(s)");
        return active.size();
    }

    // ------------------------------------------------------------- console users (administrators)

    public String createUser(ConsoleCaller caller, String username, String role, List<String> organIds) {
        requireAdministrator(caller);
        ConsoleRole r = ConsoleRole.of(role == null ? "" : role.toLowerCase(Locale.ROOT))
                .orElseThrow(() -> new ConsoleRefusal(ConsoleRefusal.INPUT, 400, "role: unknown"));
        String password = users.create(username, r, organIds, caller.username());
        record(caller, "CONSOLE_USER_CREATE", organIds.isEmpty() ? null : organIds.get(0), "ACCEPTED",
                username + " (" + r.roleName() + ", " + (r == ConsoleRole.ADMINISTRATOR ? "*" : organIds) + ")");
        return password;
    }

    public void disableUser(ConsoleCaller caller, String username) {
        requireAdministrator(caller);
        if (caller.username().equals(username)) {
            throw new ConsoleRefusal(ConsoleRefusal.INPUT, 400, "You cannot disable yourself");
        }
        if (!users.disable(username)) {
            throw new ConsoleRefusal(ConsoleRefusal.NOT_FOUND, 404, "No enabled user " + username);
        }
        record(caller, "CONSOLE_USER_DISABLE", null, "ACCEPTED", username);
    }

    public List<ConsoleUser> users() {
        return users.list();
    }

    // ------------------------------------------------------------- audit

    /** The newest entries (optionally of one code or actor); non-administrators see their organisations' only. */
    public List<AuditEntry> auditEntries(ConsoleCaller caller, String code, String actor, int max) {
        StringBuilder where = new StringBuilder("e.chainSeq IS NOT NULL");
        if (code != null && !code.isBlank()) {
            where.append(" AND e.code = :code");
        }
        if (actor != null && !actor.isBlank()) {
            where.append(" AND e.actor = :actor");
        }
        if (!caller.all()) {
            where.append(" AND e.organId IN :organs");
        }
        TypedQuery<AuditEntry> q = em.createQuery("SELECT e FROM AuditEntry e WHERE " + where
                + " ORDER BY e.chainSeq DESC", AuditEntry.class).setMaxResults(max);
        if (code != null && !code.isBlank()) {
            q.setParameter("code", code.trim());
        }
        if (actor != null && !actor.isBlank()) {
            q.setParameter("actor", actor.trim());
        }
        if (!caller.all()) {
            q.setParameter("organs", caller.organIds().isEmpty() ? List.of("\u0000none") : caller.organIds());
        }
        return new ArrayList<>(q.getResultList());
    }

    public AuditChainVerifier.Report verifyAudit(ConsoleCaller caller) {
        AuditChainVerifier.Report report = new AuditChainVerifier(em, auditKey.get()).verify();
        record(caller, "CONSOLE_AUDIT_VERIFY", null, report.intact() ? "INTACT" : "BROKEN",
                report.checked() + " entries checked, " + report.problems().size() + " problems");
        return report;
    }
}
