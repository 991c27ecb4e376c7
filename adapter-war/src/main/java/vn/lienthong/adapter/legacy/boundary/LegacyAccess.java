package vn.lienthong.adapter.legacy.boundary;

import jakarta.ejb.EJBException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import vn.lienthong.adapter.legacy.control.LegacyCodes;
import vn.lienthong.adapter.legacy.control.LegacyFault;
import vn.lienthong.adapter.legacy.control.LegacyTokens;
import vn.lienthong.adapter.security.control.OrganisationAuthority;
import vn.lienthong.adapter.security.control.OrganisationAuthority.Named;
import vn.lienthong.adapter.security.entity.CallerIdentity;
import vn.lienthong.adapter.vocabulary.Rejection;

/**
 * Who may do what on the old face: the OrganId + Token pair (with the shared login throttle), then the adapter's
 * one authorisation rule ({@link OrganisationAuthority}) for every organisation the request names. Refusals are
 * the hub's Report codes; the endpoint audits them.
 */
@ApplicationScoped
public class LegacyAccess {

    @Inject
    LegacyTokens tokens;
    @Inject
    OrganisationAuthority authority;

    /** The token's caller; {@code missingCode} when OrganId or Token is absent (it differs per operation). */
    CallerIdentity authenticate(LegacyCall call, LegacyEnvelope.Credentials c, String missingCode) {
        call.organId = c.organId();
        if (!c.complete()) {
            throw new LegacyFault(missingCode, "OrganId or Token is required");
        }
        if (tokens.locked(c.organId(), call.clientAddress)) {
            throw new LegacyFault(LegacyCodes.LOCKED, "Too many failed logins; try again later");
        }
        CallerIdentity caller = tokens.authenticate(c.organId(), c.token(), call.clientAddress)
                .orElseThrow(() -> new LegacyFault(LegacyCodes.PERMISSION,
                        "The organization does not have permission to connect"))
                .from(call.clientAddress);
        call.caller = caller;
        // The token's own organisation too: a token whose grant exceeds its grantor's authority works for nothing.
        authorise(call, caller, OrganisationAuthority.named("OrganId", c.organId()));
        return caller;
    }

    /** The one authorisation rule; a refusal is the hub's Report with {@value OrganisationAuthority#CODE}. */
    void authorise(LegacyCall call, CallerIdentity caller, Named... organisations) {
        try {
            authority.require(caller, call.action, organisations);
        } catch (Rejection r) {
            throw new LegacyFault(r.code(), r.getMessage());
        } catch (EJBException e) {
            if (e.getCause() instanceof Rejection r) {
                throw new LegacyFault(r.code(), r.getMessage());
            }
            throw e;
        }
    }
}
