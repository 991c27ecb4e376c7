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

    WsRefusal(String code, String text, QName faultCode) {
        super(text, faultCode);
        this.code = code;
    }

    String code() {
        return code;
    }

    @Override
    public synchronized Throwable fillInStackTrace() {
        return this; // an expected outcome, never logged with a stack
    }
}
