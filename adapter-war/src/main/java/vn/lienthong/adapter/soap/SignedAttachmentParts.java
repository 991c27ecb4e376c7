package vn.lienthong.adapter.soap;

import jakarta.xml.soap.SOAPException;
import jakarta.xml.soap.SOAPMessage;

import org.apache.cxf.binding.soap.SoapMessage;
import org.apache.cxf.binding.soap.interceptor.AbstractSoapInterceptor;
import org.apache.cxf.interceptor.Fault;
import org.apache.cxf.phase.Phase;
import org.apache.cxf.ws.security.wss4j.DefaultCryptoCoverageChecker;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;

/**
 * On the signed profile, binds every MTOM part to the signature. WS-Security verifies the Body as it was sent,
 * without expanding XOP (expanding would read each part into memory, a 2 GB file included): the signature covers
 * each {@code xop:Include} reference, not the part's bytes. So every {@code content} sent as an MTOM part must be
 * followed by its {@code sha256}, inside the signed Body; the adapter checks the part's bytes against it while
 * storing them ({@code AUTH.ATTACHMENT_DIGEST}). A part without one is refused here, before anything is read or
 * stored ({@value #CODE}). docs/large-attachments.md explains the choice.
 */
final class SignedAttachmentParts extends AbstractSoapInterceptor {

    static final String CODE = "AUTH.ATTACHMENT_UNSIGNED";
    private static final String XOP_NS = "http://www.w3.org/2004/08/xop/include";
    private static final String NS = "urn:lienthong:exchange:1";

    SignedAttachmentParts() {
        super(Phase.PRE_PROTOCOL);
        addAfter(DefaultCryptoCoverageChecker.class.getName());
    }

    @Override
    public void handleMessage(SoapMessage message) throws Fault {
        SOAPMessage soap = message.getContent(SOAPMessage.class);
        if (soap == null) {
            return; // no DOM: WS-Security did not run, and its own refusal comes first
        }
        NodeList includes;
        try {
            includes = soap.getSOAPBody().getElementsByTagNameNS(XOP_NS, "Include");
        } catch (SOAPException e) {
            return; // no Body: refused as malformed elsewhere
        }
        for (int i = 0; i < includes.getLength(); i++) {
            Node content = includes.item(i).getParentNode();
            if (!hasDigestAfter(content)) {
                throw new WsRefusal(CODE, WsRefusals.of(CODE).text(), WsRefusals.of(CODE).faultCode(),
                        "MTOM part " + ((Element) includes.item(i)).getAttribute("href")
                                + " without a sha256 in the signed Body");
            }
        }
    }

    /** The element after {@code content} is this namespace's {@code sha256} with 64 hexadecimal digits. */
    private static boolean hasDigestAfter(Node content) {
        Node next = content == null ? null : content.getNextSibling();
        while (next != null && next.getNodeType() != Node.ELEMENT_NODE) {
            next = next.getNextSibling();
        }
        return next instanceof Element e && NS.equals(e.getNamespaceURI()) && "sha256".equals(e.getLocalName())
                && e.getTextContent().trim().matches("[0-9a-fA-F]{64}");
    }
}
