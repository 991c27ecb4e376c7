package vn.lienthong.adapter.legacy.boundary;

import java.util.Locale;

import vn.lienthong.adapter.legacy.control.LegacyCodes;
import vn.lienthong.adapter.legacy.control.LegacyFault;
import vn.lienthong.adapter.security.entity.CallerIdentity;

/**
 * One old-protocol request on its way through: what was read (envelope, attachment parts), the replies in the
 * request's SOAP version, and what is known so far for the audit entry (who, which organisation, what was done).
 */
public final class LegacyCall {
    final String action;
    /** The HTTP peer; null when a test calls {@link EdocEndpoint#answer} directly. */
    final String clientAddress;
    LegacyEnvelope envelope;
    SwaMessage message;
    LegacyReplies replies;
    /** Which legacy elements a refused recall names (error-paths.properties); null: the plain paths. */
    String scope;
    String organId;
    CallerIdentity caller;
    String detail;
    /** True once the accepted entry was staged with the operation's own work ({@link LegacyUnitOfWork}). */
    boolean audited;

    LegacyCall(String action, String clientAddress, LegacyReplies replies) {
        this.action = action;
        this.clientAddress = clientAddress;
        this.replies = replies; // SOAP 1.1 until the envelope says otherwise
    }

    /** The request has been read: replies from now on in its SOAP version. */
    LegacyCall received(LegacyEnvelope env, SwaMessage parts) {
        this.envelope = env;
        this.message = parts;
        this.replies = replies.inVersionOf(env.soapNs());
        return this;
    }

    /** The numeric DocumentId of GetDocument / ConfirmReceived (the id GetPendingDocumentIds gave). */
    long documentNumber() {
        String id = envelope.bodyValue("DocumentId");
        if (id == null) {
            throw new LegacyFault("N.DocumentId", "DocumentId is required");
        }
        try {
            detail = "number=" + id;
            return Long.parseLong(id);
        } catch (NumberFormatException e) {
            throw new LegacyFault(LegacyCodes.DOCUMENT_ID, "DocumentId must be the numeric id from GetPendingDocumentIds");
        }
    }

    String actor() {
        return caller != null ? caller.username() : "legacy-anonymous";
    }

    String auditAction() {
        return EdocEndpoint.ACTIONS.contains(action) ? action.toUpperCase(Locale.ROOT) : "UNKNOWN_ACTION";
    }
}
