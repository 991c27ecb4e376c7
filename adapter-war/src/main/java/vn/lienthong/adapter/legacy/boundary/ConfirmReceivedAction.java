package vn.lienthong.adapter.legacy.boundary;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import vn.lienthong.adapter.legacy.control.LegacyCodes;
import vn.lienthong.adapter.legacy.control.LegacyExchange;

/** ConfirmReceived (spec §6.4): takes a received document off the pending list. */
@ApplicationScoped
public class ConfirmReceivedAction implements LegacyAction {

    @Inject
    LegacyAccess access;
    @Inject
    LegacyExchange exchange;

    @Override
    public String name() {
        return "ConfirmReceived";
    }

    @Override
    public LegacyReply handle(LegacyCall call) {
        access.authenticate(call, call.envelope.bodyCredentials(), LegacyCodes.CHECK_PERMISSION);
        exchange.confirm(call.organId, call.documentNumber());
        return LegacyReply.of(call.replies.report("ConfirmReceivedResponse", List.of()));
    }
}
