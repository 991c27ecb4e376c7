package vn.lienthong.adapter.legacy.boundary;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import vn.lienthong.adapter.legacy.control.LegacyCodes;
import vn.lienthong.adapter.legacy.control.LegacyExchange;
import vn.lienthong.adapter.legacy.control.LegacyFault;
import vn.lienthong.mappings.edoc.LegacyDates;

/** GetTraces (spec §6.6): statuses of the caller's sent documents, consumed once, or all since TimeStamp. */
@ApplicationScoped
public class GetTracesAction implements LegacyAction {

    @Inject
    LegacyAccess access;
    @Inject
    LegacyExchange exchange;

    @Override
    public String name() {
        return "GetTraces";
    }

    @Override
    public LegacyReply handle(LegacyCall call) {
        access.authenticate(call, call.envelope.bodyCredentials(), LegacyCodes.CHECK_PERMISSION);
        String since = call.envelope.bodyValue("TimeStamp");
        var from = since == null ? null : LegacyDates.dateTime(since).orElseThrow(() ->
                new LegacyFault("T.GetTraces.TimeStamp", "TimeStamp must be yyyy/MM/dd HH:mm:ss"));
        return LegacyReply.of(call.replies.traces(exchange.traces(call.organId, from)));
    }
}
