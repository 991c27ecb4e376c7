package vn.lienthong.adapter.security.control;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import vn.lienthong.adapter.audit.control.AuditLog;
import vn.lienthong.adapter.vocabulary.Rejection;
import vn.lienthong.adapter.security.entity.CallerIdentity;
import vn.lienthong.adapter.security.entity.ClientCredential;

/**
 * The adapter's one authorisation rule, called by every face (WS-Security service, old e-doc.vn protocol, token
 * issue) before it reads or stores anything: <em>a caller may act only for the organisations its credential
 * lists, and a delegated credential (an old-protocol token's) only while its whole grant stays within what its
 * grantor may act for</em> — the admin bearer may grant any organisation, a client credential only its own. The
 * grant is re-checked at every use, so a token granted too much (e.g. before the check at issue existed) does not
 * work at all. A refusal is {@value #CODE}, with one audit entry {@value #AUDIT_ACTION} naming who, the face, the
 * operation, the organisations, the reason and the client address.
 *
 * <p>A plain CDI bean, not an EJB (issue 11): it runs in its caller's transaction, reads the credential the
 * request's authentication already read ({@link CallerIdentity#credentialRead()}), and writes the refusal's audit
 * entry in a transaction of its own ({@link AuditLog#record}); a refusal ({@link Rejection}) rolls the caller's
 * transaction back as before. Up to three container calls per request fewer.
 */
@ApplicationScoped
public class OrganisationAuthority {

    public static final String CODE = "AUTH.ORGANISATION";
    public static final String AUDIT_ACTION = "AUTHORISATION";
    /** User-name prefix of the delegated credentials of old-protocol tokens ({@code LegacyTokens}). */
    public static final String LEGACY_PREFIX = "legacy:";

    /** The face a request came through, for the audit entry. */
    public enum Face { WS, LEGACY, TOKEN_ISSUE }

    /** An organisation a request names, and the request field that names it. */
    public record Named(String field, String organId) {
    }

    public static Named named(String field, String organId) {
        return new Named(field, organId);
    }

    @Inject
    CredentialStore credentials;
    @Inject
    AuditLog audit;

    /**
     * Refuses ({@value #CODE}) unless {@code caller} may act for every organisation named (null ids are skipped:
     * missing fields are the validator's business). The face is the caller's: old-protocol tokens act on the
     * legacy face, everything else on the WS face.
     */
    public void require(CallerIdentity caller, String operation, Named... organisations) {
        require(faceOf(caller), caller, operation, List.of(organisations));
    }

    /**
     * Token issue by a client credential: it may grant only organisations it may act for itself (the admin bearer
     * is not a credential and does not come here).
     */
    public void requireGrant(CallerIdentity issuer, String organId, Collection<String> actFor) {
        List<Named> names = new ArrayList<>();
        names.add(named("organId", organId));
        actFor.forEach(o -> names.add(named("actFor", o)));
        require(Face.TOKEN_ISSUE, issuer, "IssueToken", names);
    }

    /** Whether {@code caller} may act for {@code organId} (the same rule, without refusal or audit). */
    public boolean mayActFor(CallerIdentity caller, String organId) {
        return caller != null && credentialOf(caller).map(c -> refusal(c, organId).isEmpty()).orElse(false);
    }

    private void require(Face face, CallerIdentity caller, String operation, List<Named> organisations) {
        Optional<ClientCredential> credential = caller == null ? Optional.empty() : credentialOf(caller);
        for (Named n : organisations) {
            if (n.organId() == null) {
                continue;
            }
            Optional<String> reason = credential.isEmpty() ? Optional.of("unknown client")
                    : refusal(credential.get(), n.organId());
            if (reason.isPresent()) {
                Set<String> all = new LinkedHashSet<>();
                organisations.stream().map(Named::organId).filter(o -> o != null).forEach(all::add);
                audit.record(caller == null ? null : caller.username(), AUDIT_ACTION, n.organId(), "REFUSED", CODE,
                        "face=" + face + "; operation=" + operation + "; organisations=" + all + "; refused="
                                + n.organId() + " (" + n.field() + "); reason=" + reason.get() + "; client="
                                + (caller == null || caller.clientAddress() == null ? "unknown"
                                        : caller.clientAddress()));
                throw new Rejection(CODE, n.field(), "This client may not act for organisation " + n.organId());
            }
        }
    }

    /**
     * The caller's credential as this request's authentication read it, else read now (a caller built without one:
     * token issue, the receive loop's organisations).
     */
    private Optional<ClientCredential> credentialOf(CallerIdentity caller) {
        Optional<ClientCredential> read = caller.credentialRead();
        return read.isPresent() ? read : credentials.find(caller.username());
    }

    /** Why {@code credential} may not act for {@code organId}, or empty if it may. */
    private Optional<String> refusal(ClientCredential credential, String organId) {
        if (!credential.isEnabled()) {
            return Optional.of("credential disabled");
        }
        if (!credential.mayActFor(organId)) {
            return Optional.of("not among the credential's organisations");
        }
        return credential.isDelegated() ? grantRefusal(credential) : Optional.empty();
    }

    /** A delegated credential is void as a whole if its grantor may not act for every organisation it lists. */
    private Optional<String> grantRefusal(ClientCredential delegated) {
        String grantor = delegated.getGrantedBy();
        if (ClientCredential.ADMIN_GRANTOR.equals(grantor)) {
            return Optional.empty();
        }
        Optional<ClientCredential> issuer = grantor.startsWith(ClientCredential.CREDENTIAL_GRANTOR)
                ? credentials.find(grantor.substring(ClientCredential.CREDENTIAL_GRANTOR.length()))
                : Optional.empty();
        // A grantor must be a credential of its own: delegation does not chain.
        if (issuer.isEmpty() || !issuer.get().isEnabled() || issuer.get().isDelegated()) {
            return Optional.of("grant by " + grantor + ", who is no longer an enabled client");
        }
        List<String> exceeding = delegated.getOrganIds().stream().filter(o -> !issuer.get().mayActFor(o)).toList();
        return exceeding.isEmpty() ? Optional.empty()
                : Optional.of("the grant by " + grantor + " exceeds what it may act for: " + exceeding);
    }

    private static Face faceOf(CallerIdentity caller) {
        return caller != null && caller.username() != null && caller.username().startsWith(LEGACY_PREFIX)
                ? Face.LEGACY : Face.WS;
    }
}
