package vn.lienthong.adapter.legacy.boundary;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import vn.lienthong.adapter.legacy.control.LegacyCodes;
import vn.lienthong.adapter.legacy.control.LegacyExchange;

/** GetPendingDocumentIds (spec §6.2): the numeric ids of received documents not yet confirmed. */
@ApplicationScoped
public class GetPendingDocumentIdsAction implements LegacyAction {

    @Inject
    LegacyAccess access;
    @Inject
    LegacyExchange exchange;

    @Override
    public String name() {
        return "GetPendingDocumentIds";
    }

    @Override
    public LegacyReply handle(LegacyCall call) {
        access.authenticate(call, call.envelope.bodyCredentials(), LegacyCodes.CHECK_PERMISSION);
        return LegacyReply.of(call.replies.pendingDocumentIds(exchange.pending(call.organId)));
    }
}
