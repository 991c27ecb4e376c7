package vn.lienthong.adapter.legacy.boundary;

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;

import vn.lienthong.adapter.audit.control.AuditLog;

/**
 * One old-protocol operation as one transaction: authentication, authorisation, the store's work and the request's
 * "accepted" audit entry commit together (issue 11: before, each step was a transaction of its own, and the two
 * audit entries of a SendDocument two more commits). Reads of the same rows (the caller's credential, checked by
 * every authorisation step) come from the one persistence context. A refusal rolls everything back; the endpoint
 * then audits it in a transaction of its own, as before.
 */
@Stateless
public class LegacyUnitOfWork {

    @Inject
    AuditLog audit;

    /** Runs {@code action} and stages its accepted audit entry in the same transaction. */
    public LegacyReply handle(LegacyAction action, LegacyCall call) {
        LegacyReply reply = action.handle(call);
        audit.recordWithCaller(call.actor(), "LEGACY_" + call.auditAction(), call.organId, "ACCEPTED", null,
                call.detail);
        call.audited = true;
        return reply;
    }
}
