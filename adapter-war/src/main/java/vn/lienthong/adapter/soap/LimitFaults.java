package vn.lienthong.adapter.soap;

import java.util.Locale;

import javax.xml.namespace.QName;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;

import org.apache.cxf.interceptor.Fault;
import org.apache.cxf.io.CacheSizeExceededException;
import org.apache.cxf.message.Message;
import org.apache.cxf.phase.AbstractPhaseInterceptor;
import org.apache.cxf.phase.Phase;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

import vn.lienthong.adapter.configuration.AdapterSettings;

/**
 * Gives the faults of CXF's own parser limits ({@link XmlLimits}) the stable codes of the other limits: a
 * request over the element, depth, attribute or text limits is {@code LIMIT.XML_STRUCTURE}, one over the MTOM part
 * size or count {@code LIMIT.ATTACHMENT}, each with the setting as {@code field} — instead of the parser's wording
 * and a Client fault without a code.
 */
final class LimitFaults extends AbstractPhaseInterceptor<Message> {

    static final String XML_STRUCTURE = "LIMIT.XML_STRUCTURE";
    static final String ATTACHMENT = "LIMIT.ATTACHMENT";
    /** The out-fault message property where the code of a rewritten fault is left for {@link RefusalFaults}. */
    static final String CODE = "lienthong.ws.limit-code";
    private static final String EXCHANGE_NS = "urn:lienthong:exchange:1";
    private static final QName CLIENT = new QName("http://schemas.xmlsoap.org/soap/envelope/", "Client");

    LimitFaults() {
        super(Phase.PRE_LOGICAL); // before the fault is marshalled (MARSHAL phase)
    }

    @Override
    public void handleMessage(Message message) {
        if (!(message.getContent(Exception.class) instanceof Fault fault)) {
            return;
        }
        for (Throwable t = fault.getCause(); t != null; t = t.getCause()) {
            String text = t.getMessage() == null ? "" : t.getMessage();
            String lower = text.toLowerCase(Locale.ROOT);
            if (t instanceof CacheSizeExceededException) {
                rewrite(message, fault, ATTACHMENT, AdapterSettings.MAX_ATTACHMENT_BYTES,
                        "An MTOM attachment is larger than the attachment limit");
                return;
            }
            if (lower.contains("more attachments than are permitted")) {
                rewrite(message, fault, ATTACHMENT, AdapterSettings.MAX_ATTACHMENTS,
                        "The request carries more attachments than the limit");
                return;
            }
            if (isParserLimit(lower)) {
                // Woodstox: "Maximum Element Count limit (50000) Exceeded" — the first line names limit and value.
                rewrite(message, fault, XML_STRUCTURE, lower.contains("element count")
                        ? AdapterSettings.MAX_XML_ELEMENTS : null,
                        "The request's XML is over a parser limit: " + text.lines().findFirst().orElse(""));
                return;
            }
        }
    }

    private static boolean isParserLimit(String lower) {
        return lower.contains("limit") && lower.contains("exceeded");
    }

    /** True for a fault this class rewrites: CXF's default logging (with a stack trace) is not wanted for it. */
    static boolean isLimit(Throwable fault) {
        for (Throwable t = fault; t != null; t = t.getCause() == t ? null : t.getCause()) {
            String lower = t.getMessage() == null ? "" : t.getMessage().toLowerCase(Locale.ROOT);
            if (t instanceof CacheSizeExceededException || lower.contains("more attachments than are permitted")
                    || isParserLimit(lower)) {
                return true;
            }
        }
        return false;
    }

    // Looked up once: a factory lookup scans the class path (service loader) every time.
    private static final DocumentBuilderFactory DOCUMENTS = DocumentBuilderFactory.newInstance();

    private static Document newDocument() throws ParserConfigurationException {
        synchronized (DOCUMENTS) { // a factory is not guaranteed thread-safe; the builder it makes is ours alone
            return DOCUMENTS.newDocumentBuilder().newDocument();
        }
    }

    private static void rewrite(Message message, Fault fault, String code, String field, String text) {
        message.put(CODE, code);
        fault.setMessage(code + ": " + text);
        fault.setFaultCode(CLIENT);
        try {
            Document d = newDocument();
            Element detail = d.createElement("detail");
            Element body = d.createElementNS(EXCHANGE_NS, "ExchangeFaultDetail");
            detail.appendChild(body);
            append(body, "code", code);
            if (field != null) {
                append(body, "field", field);
            }
            append(body, "message", text);
            fault.setDetail(detail);
        } catch (ParserConfigurationException e) {
            // The message already carries the code; the detail is a convenience for generated clients.
        }
    }

    private static void append(Element parent, String name, String value) {
        Element e = parent.getOwnerDocument().createElementNS(EXCHANGE_NS, name);
        e.setTextContent(value);
        parent.appendChild(e);
    }
}
