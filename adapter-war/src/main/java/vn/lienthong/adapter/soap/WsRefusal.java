package vn.lienthong.adapter.soap;

import javax.xml.namespace.QName;

import org.apache.cxf.binding.soap.SoapFault;

/**
 * A WS-Security refusal with its stable code, thrown by our own checks after WSS4J (algorithm, replay). Carries
 * no cause, so nothing of the server's internals can reach the client or the log.
 */
final class WsRefusal extends SoapFault {

    private static final long serialVersionUID = 1L;

    private final String code;
    private final String reason;

    WsRefusal(String code, String text, QName faultCode) {
        this(code, text, faultCode, null);
    }

    /** {@code reason}: what exactly was wrong, for the audit entry and the log line only (never the client). */
    WsRefusal(String code, String text, QName faultCode, String reason) {
        super(text, faultCode);
        this.code = code;
        this.reason = reason;
    }

    String code() {
        return code;
    }

    String reason() {
        return reason;
    }

    @Override
    public synchronized Throwable fillInStackTrace() {
        return this; // an expected outcome, never logged with a stack
    }
}
