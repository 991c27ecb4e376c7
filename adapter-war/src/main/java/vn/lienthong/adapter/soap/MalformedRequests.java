package vn.lienthong.adapter.soap;

import java.util.Optional;

import javax.xml.stream.XMLStreamException;

import jakarta.xml.bind.JAXBException;
import jakarta.xml.soap.SOAPException;

import org.apache.cxf.binding.soap.SoapFault;
import org.apache.cxf.interceptor.Fault;
import org.apache.cxf.message.Message;

import vn.lienthong.adapter.security.entity.CallerIdentity;

/**
 * Names the requests CXF refuses before the endpoint — not XML, not a SOAP 1.1 envelope, no such operation, a Body
 * that does not bind to the operation, a wrong HTTP method — so that they get a stable code and an audit entry
 * like every other refusal ({@link RefusalFaults}), instead of CXF's wording and a WARNING with a stack trace.
 * CXF's messages are matched only to choose between these codes; any other fault keeps its default handling.
 */
final class MalformedRequests {

    private static final String EXCHANGE_NS = "urn:lienthong:exchange:1";

    private MalformedRequests() {
    }

    /** True when the fault already carries our {@code ExchangeFaultDetail} with a stable code. */
    private static boolean hasCode(Fault f) {
        return f.getDetail() != null && f.getDetail().getElementsByTagNameNS(EXCHANGE_NS, "code").getLength() > 0;
    }

    /** The stable code a fault of one of our interceptors already carries (e.g. {@code AUTH.TLS_REQUIRED}). */
    static Optional<String> carriedCode(Throwable fault) {
        for (Throwable t = fault; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof Fault f && hasCode(f)) {
                return Optional.of(f.getDetail().getElementsByTagNameNS(EXCHANGE_NS, "code").item(0)
                        .getTextContent());
            }
        }
        return Optional.empty();
    }

    /** A WS endpoint takes POST; GET only for {@code ?wsdl}/{@code ?xsd}, which CXF answers before any fault. */
    static boolean wrongMethod(Message in) {
        Object method = in == null ? null : in.get(Message.HTTP_REQUEST_METHOD);
        return method != null && !"POST".equals(method);
    }

    /** The code of a fault raised while CXF took the request apart, or empty once the endpoint was reached. */
    static Optional<String> code(Throwable fault, Message in) {
        if (in == null || in.get(CallerIdentity.CONTEXT_KEY) != null) {
            return Optional.empty(); // the endpoint's own refusals carry their code and are audited there
        }
        boolean client = false;
        for (Throwable t = fault; t != null; t = t.getCause() == t ? null : t.getCause()) {
            String text = t.getMessage() == null ? "" : t.getMessage();
            if (text.contains("is not a valid SOAP version")) {
                return Optional.of(WsRefusals.ENVELOPE); // not SOAP at all, as on the old protocol's face
            }
            if (text.contains("SOAP 1.2 message is not valid") || t instanceof SoapFault s
                    && s.getFaultCode() != null && "VersionMismatch".equals(s.getFaultCode().getLocalPart())) {
                return Optional.of(WsRefusals.SOAP_VERSION);
            }
            // DocLiteralInInterceptor: "Message part … was not recognized", "Unexpected element … found. Expected …"
            if (text.contains("was not recognized") || text.startsWith("Unexpected element")
                    || text.contains("No such operation")) {
                return Optional.of(WsRefusals.OPERATION);
            }
            if (t instanceof XMLStreamException || t instanceof SOAPException
                    || text.startsWith("Error reading XMLStreamReader")
                    || text.startsWith("Problems creating SAAJ object model")) {
                return Optional.of(WsRefusals.ENVELOPE);
            }
            // JAXB refusing the Body's content for the operation's types.
            if (t instanceof JAXBException || text.startsWith("Unmarshalling Error")) {
                return Optional.of(WsRefusals.BODY);
            }
            if (t instanceof Fault f && hasCode(f)) {
                return Optional.empty(); // an interceptor of ours already answered with its code and audited it
            }
            // CXF's own client faults use {http://cxf.apache.org/faultcode}client, SOAP's Client / Sender.
            client |= t instanceof Fault f && f.getFaultCode() != null
                    && ("client".equalsIgnoreCase(f.getFaultCode().getLocalPart())
                            || "Sender".equals(f.getFaultCode().getLocalPart()));
        }
        return client ? Optional.of(WsRefusals.ENVELOPE) : Optional.empty();
    }
}
