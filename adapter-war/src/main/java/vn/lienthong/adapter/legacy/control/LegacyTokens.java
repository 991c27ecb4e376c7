package vn.lienthong.adapter.legacy.control;

import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

import vn.lienthong.adapter.audit.control.AuditLog;
import vn.lienthong.adapter.legacy.entity.LegacyToken;
import vn.lienthong.adapter.platform.time.VietnamTime;
import vn.lienthong.adapter.security.control.OrganisationAuthority;
import vn.lienthong.adapter.security.control.LoginThrottle;
import vn.lienthong.adapter.security.entity.CallerIdentity;
import vn.lienthong.adapter.security.entity.ClientCredential;

/**
 * Old-protocol credentials: one token per organisation, stored hashed. Issuing a token also gives the
 * organisation a delegated client credential {@code legacy:<organId>} — with no usable password — that lists the
 * organisations it may act for and who granted them, so {@link OrganisationAuthority}'s one rule applies to old
 * clients too: the admin bearer may grant any organisation, a client credential only those it may act for itself,
 * and the grant is re-checked at every use.
 */
@Stateless
public class LegacyTokens {

    public static final String USER_PREFIX = OrganisationAuthority.LEGACY_PREFIX;
    /** Never a PBKDF2 hash: a legacy credential can never log in through the WS-Security service. */
    private static final String NO_PASSWORD = "legacy-token-only";
    private static final Pattern ORGAN_ID = Pattern.compile("[0-9A-Za-z._-]{1,35}");
    private static final SecureRandom RANDOM = new SecureRandom();

    @PersistenceContext(unitName = "lienthong")
    EntityManager em;
    @Inject
    AuditLog audit;
    @Inject
    LoginThrottle throttle;
    @Inject
    OrganisationAuthority authority;

    /** The caller for a correct, active OrganId + Token pair; empty otherwise (and the failure counts). */
    public Optional<CallerIdentity> authenticate(String organId, String token) {
        return authenticate(organId, token, null);
    }

    /**
     * As {@link #authenticate(String, String)}, counting failures also against the client's address (the shared
     * {@link LoginThrottle} of every face): while either is locked, even the right token is refused.
     */
    public Optional<CallerIdentity> authenticate(String organId, String token, String clientAddress) {
        String address = clientAddress == null ? null : LoginThrottle.address(clientAddress);
        if (organId == null || token == null || locked(organId, clientAddress)) {
            return Optional.empty();
        }
        boolean ok = em.createNamedQuery(LegacyToken.ACTIVE, LegacyToken.class).setParameter("organ", organId)
                .getResultList().stream().anyMatch(t -> t.matches(token));
        if (!ok) {
            throttle.failed(LoginThrottle.organ(organId), address);
            return Optional.empty();
        }
        throttle.succeeded(LoginThrottle.organ(organId));
        // The delegated credential, read once here: every authorisation step of the request decides on it.
        CallerIdentity caller = new CallerIdentity(USER_PREFIX + organId, null);
        ClientCredential credential = em.find(ClientCredential.class, USER_PREFIX + organId);
        return Optional.of(credential == null ? caller : caller.withCredential(credential));
    }

    /** True while too many wrong tokens were given for the organisation, or from the address, in the window. */
    public boolean locked(String organId, String clientAddress) {
        return throttle.locked(organId == null ? null : LoginThrottle.organ(organId),
                clientAddress == null ? null : LoginThrottle.address(clientAddress));
    }

    /**
     * Issued by the operator with the admin bearer token: any organisations. Returns the token — the only time it
     * is ever visible. {@code actFor}: further organisations the holder may send for (explicit allow-list, spec §4.4).
     */
    public String issueByAdmin(String organId, List<String> actFor, String importedToken) {
        return issue(ClientCredential.ADMIN_GRANTOR, ClientCredential.ADMIN_GRANTOR, organId, actFor, importedToken);
    }

    /**
     * Issued by a client credential (HTTP Basic): only for organisations it may act for itself — {@code organId}
     * and every {@code actFor} — else {@value OrganisationAuthority#CODE}, audited, nothing stored.
     */
    public String issueBy(CallerIdentity client, String organId, List<String> actFor, String importedToken) {
        requireOrganId(organId);
        actFor.forEach(LegacyTokens::requireOrganId);
        authority.requireGrant(client, organId, actFor);
        return issue(client.username(), ClientCredential.CREDENTIAL_GRANTOR + client.username(), organId, actFor,
                importedToken);
    }

    /** Issues (or imports) the token of {@code organId}, revoking earlier ones. */
    private String issue(String issuedBy, String grantedBy, String organId, List<String> actFor,
            String importedToken) {
        requireOrganId(organId);
        actFor.forEach(LegacyTokens::requireOrganId);
        if (importedToken != null && importedToken.length() < 16) {
            throw new LegacyFault("M.Token", "An imported token must have at least 16 characters");
        }
        var now = VietnamTime.now();
        em.createNamedQuery(LegacyToken.ACTIVE, LegacyToken.class).setParameter("organ", organId).getResultList()
                .forEach(t -> t.revoke(now));
        String token = importedToken != null ? importedToken : newToken();
        byte[] salt = new byte[16];
        RANDOM.nextBytes(salt);
        em.persist(new LegacyToken(organId, token, salt, issuedBy, now));

        LinkedHashSet<String> organs = new LinkedHashSet<>();
        organs.add(organId);
        organs.addAll(actFor);
        ClientCredential existing = em.find(ClientCredential.class, USER_PREFIX + organId);
        if (existing != null) {
            em.remove(existing);
            em.flush();
        }
        em.persist(ClientCredential.delegated(USER_PREFIX + organId, NO_PASSWORD, new ArrayList<>(organs), grantedBy,
                now));
        audit.recordWithCaller(issuedBy, "LEGACY_TOKEN_ISSUE", organId, "ACCEPTED", null,
                (importedToken != null ? "imported" : "generated") + "; may act for " + organs + "; granted by "
                        + grantedBy);
        return token;
    }

    private static String newToken() {
        byte[] b = new byte[32];
        RANDOM.nextBytes(b);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(b);
    }

    private static void requireOrganId(String organId) {
        if (organId == null || !ORGAN_ID.matcher(organId).matches()) {
            throw new LegacyFault(LegacyCodes.ORGAN_ID, "Not an organisation id: " + organId);
        }
    }
}
