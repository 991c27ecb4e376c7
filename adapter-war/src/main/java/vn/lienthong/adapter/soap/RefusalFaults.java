package vn.lienthong.adapter.soap;

import org.apache.cxf.interceptor.Fault;
import org.apache.cxf.logging.FaultListener;
import org.apache.cxf.message.Message;
import org.apache.cxf.message.MessageUtils;
import org.apache.cxf.phase.AbstractPhaseInterceptor;
import org.apache.cxf.phase.Phase;

/**
 * On the fault path of both WS-Security endpoints: a WS-Security refusal (whatever interceptor threw it) is
 * audited, logged as one line, and answered with a clean fault carrying its stable code — the original exception,
 * its cause and its stack never leave the server. As the endpoints' {@link FaultListener}, it also keeps CXF from
 * logging these expected refusals as WARNING with a stack trace; other faults keep CXF's default logging.
 */
final class RefusalFaults extends AbstractPhaseInterceptor<Message> implements FaultListener {

    private final WsRefusals refusals;

    RefusalFaults(WsRefusals refusals) {
        super(Phase.PRE_LOGICAL);
        addAfter(LimitFaults.class.getName()); // a parser limit keeps the LIMIT.* fault LimitFaults wrote
        this.refusals = refusals;
    }

    @Override
    public void handleMessage(Message message) throws Fault {
        if (message.getExchange() != null && message.getExchange().getOutMessage() != null) {
            return; // failed while answering, after the request was accepted: not a refusal
        }
        Exception fault = message.getContent(Exception.class);
        Message in = message.getExchange() == null ? null : message.getExchange().getInMessage();
        Object limit = message.get(LimitFaults.CODE);
        if (limit instanceof String code) {
            // Already answered with its LIMIT.* code and field: audited and logged here like the others.
            refusals.record(new WsRefusals.Refusal(code, code, null), in, reason(fault));
            return;
        }
        WsRefusals.classify(fault, in).ifPresent(r -> {
            String reason = reason(fault);
            refusals.record(r, in, reason == null ? r.text() : reason);
            message.setContent(Exception.class, WsRefusals.fault(r));
        });
    }

    @Override
    public boolean faultOccurred(Exception exception, String description, Message message) {
        if (MessageUtils.isOutbound(message)) {
            return true;
        }
        Message in = message.getExchange() != null && message.getExchange().getInMessage() != null
                ? message.getExchange().getInMessage() : message;
        if (WsRefusals.classify(exception, in).isPresent() || LimitFaults.isLimit(exception)) {
            return false; // logged as one line by WsRefusals.record
        }
        java.util.Optional<String> carried = MalformedRequests.carriedCode(exception);
        // Refused and audited by its own interceptor (TlsRequiredInterceptor): one line here, no stack trace.
        carried.ifPresent(code -> WsRefusals.logAnswered(code, in));
        return carried.isEmpty();
    }

    /** The innermost message: what WSS4J or the parser said, for the audit entry and the log line only. */
    private static String reason(Throwable fault) {
        String reason = null;
        for (Throwable t = fault; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof WsRefusal w) {
                return w.reason(); // our own decision: the code's text says it all, unless a reason was given
            }
            if (t instanceof CodedSecurityException) {
                return null; // our own decision: the code's text says it all
            }
            if (t.getMessage() != null) {
                reason = t.getMessage();
            }
        }
        return reason;
    }
}
