package vn.lienthong.adapter.soap;

import javax.xml.namespace.QName;

import jakarta.servlet.http.HttpServletRequest;

import org.apache.cxf.binding.soap.SoapFault;
import org.apache.cxf.binding.soap.SoapMessage;
import org.apache.cxf.binding.soap.interceptor.AbstractSoapInterceptor;
import org.apache.cxf.headers.Header;
import org.apache.cxf.interceptor.Fault;
import org.apache.cxf.phase.Phase;
import org.apache.cxf.transport.http.AbstractHTTPDestination;
import org.apache.cxf.ws.security.wss4j.WSS4JInInterceptor;
import org.apache.wss4j.dom.WSConstants;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

import vn.lienthong.adapter.audit.control.AuditLog;

/**
 * Refuses requests of the UsernameToken profile that did not arrive over TLS, before WS-Security looks at the
 * password (a clear-text password is never checked, so a plain HTTP request cannot even confirm a guess). The
 * refusal is a SOAP fault with the stable code {@value #CODE}, audited with the user name the request named,
 * because that password travelled in clear and must be changed. Nothing is stored.
 */
final class TlsRequiredInterceptor extends AbstractSoapInterceptor {

    static final String CODE = "AUTH.TLS_REQUIRED";
    private static final String NS = "urn:lienthong:exchange:1";

    private final TransportSecurity transport;
    private final AuditLog audit;

    TlsRequiredInterceptor(TransportSecurity transport, AuditLog audit) {
        super(Phase.PRE_PROTOCOL);
        addBefore(WSS4JInInterceptor.class.getName());
        this.transport = transport;
        this.audit = audit;
    }

    @Override
    public void handleMessage(SoapMessage message) throws Fault {
        HttpServletRequest request = (HttpServletRequest) message.get(AbstractHTTPDestination.HTTP_REQUEST);
        if (request == null || transport.overTls(request)) {
            return;
        }
        audit.record(claimedUser(message), "WS_TLS_PROFILE", null, "REFUSED", CODE,
                "UsernameToken profile called over plain HTTP from " + request.getRemoteAddr()
                        + "; the password it carried travelled in clear");
        throw refusal();
    }

    private static SoapFault refusal() {
        String text = "The UsernameToken profile (DocumentExchangeTls) is served over HTTPS only; the request was "
                + "not processed. Change the password it carried.";
        SoapFault fault = new SoapFault(CODE + ": " + text, new QName("http://schemas.xmlsoap.org/soap/envelope/",
                "Client"));
        Element detail = fault.getOrCreateDetail();
        Element body = detail.getOwnerDocument().createElementNS(NS, "ExchangeFaultDetail");
        Element code = detail.getOwnerDocument().createElementNS(NS, "code");
        code.setTextContent(CODE);
        Element message = detail.getOwnerDocument().createElementNS(NS, "message");
        message.setTextContent(text);
        body.appendChild(code);
        body.appendChild(message);
        detail.appendChild(body);
        return fault;
    }

    /** The user name in the request's UsernameToken, unverified (for the operator), or null. */
    private static String claimedUser(SoapMessage message) {
        for (Header header : message.getHeaders()) {
            if (header.getObject() instanceof Element e && WSConstants.WSSE_NS.equals(e.getNamespaceURI())) {
                NodeList names = e.getElementsByTagNameNS(WSConstants.WSSE_NS, "Username");
                if (names.getLength() > 0) {
                    return "unverified:" + names.item(0).getTextContent().trim();
                }
            }
        }
        return null;
    }
}
