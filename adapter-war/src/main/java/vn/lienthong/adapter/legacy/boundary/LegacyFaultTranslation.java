package vn.lienthong.adapter.legacy.boundary;

import java.util.UUID;
import java.util.logging.Level;
import java.util.logging.Logger;

import jakarta.ejb.EJBException;

import vn.lienthong.adapter.legacy.control.LegacyCodes;
import vn.lienthong.adapter.legacy.control.LegacyFault;
import vn.lienthong.adapter.security.control.OrganisationAuthority;
import vn.lienthong.adapter.vocabulary.Rejection;
import vn.lienthong.mappings.edoc.EdocMappings;
import vn.lienthong.mappings.edoc.MappingException;

/**
 * Turns whatever an old-protocol operation threw into the hub's fault: refusals keep their codes (rewritten to
 * the hub's element paths for the refused recall's scope), anything unexpected becomes {@code INTERNAL} with a
 * correlation id that is logged, never a stack trace to the client.
 */
final class LegacyFaultTranslation {

    private static final Logger LOG = Logger.getLogger(LegacyFaultTranslation.class.getName());

    private final EdocMappings mappings;

    LegacyFaultTranslation(EdocMappings mappings) {
        this.mappings = mappings;
    }

    LegacyFault unwrap(EJBException e, String scope) {
        Throwable cause = e.getCause() != null ? e.getCause() : e.getCausedByException();
        if (cause instanceof LegacyFault f) {
            return f;
        }
        if (cause instanceof RuntimeException r) {
            return translate(r, scope);
        }
        return internal(e, scope);
    }

    /** Validation and mapping refusals keep their codes, rewritten to the hub's element paths. */
    LegacyFault translate(RuntimeException e, String scope) {
        if (e instanceof Rejection r) {
            String code = OrganisationAuthority.CODE.equals(r.code()) ? r.code()
                    : r.code().startsWith("AUTH.") ? LegacyCodes.PERMISSION
                    : mappings.legacyErrorCode(r.code(), scope);
            return new LegacyFault(code, r.getMessage());
        }
        if (e instanceof MappingException m) {
            return new LegacyFault(m.code(), m.getMessage());
        }
        if (e instanceof LegacyFault f) {
            return f;
        }
        return internal(e, scope);
    }

    LegacyFault internal(Exception e, String scope) {
        if (e instanceof RuntimeException r && (r instanceof Rejection || r instanceof MappingException)) {
            return translate(r, scope);
        }
        String correlation = UUID.randomUUID().toString();
        LOG.log(Level.WARNING, "Old-protocol request failed, correlation id " + correlation, e);
        return new LegacyFault(LegacyCodes.INTERNAL, "The request could not be processed (correlation id "
                + correlation + ")");
    }
}
