package vn.lienthong.adapter.soap;

import java.util.List;
import java.util.Optional;

import org.apache.wss4j.dom.WSDataRef;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

/**
 * The defence against XML signature wrapping (XSW): a request is acted on only if its envelope is exactly
 * {@code Envelope/(Header?)/Body} with one Body in the whole document (WS-I Basic Profile R1011: nothing after the
 * Body), and the Body the signature covers is that envelope's own Body. Otherwise an attacker can move the signed
 * Body into a header wrapper, put a forged Body in its place and let the two parts of the stack disagree on which
 * one counts (scenario WS-10 of the hostile-request suite).
 */
final class EnvelopeShape {

    private EnvelopeShape() {
    }

    /** What is wrong with the envelope's structure, or empty when it is Envelope/(Header?)/Body. */
    static Optional<String> problem(Document doc, String soapNs) {
        Element envelope = doc.getDocumentElement();
        if (envelope == null || !is(envelope, soapNs, "Envelope")) {
            return Optional.of("the document element is not a SOAP Envelope");
        }
        int bodies = doc.getElementsByTagNameNS(soapNs, "Body").getLength();
        if (bodies != 1) {
            return Optional.of("the document holds " + bodies + " soap:Body elements");
        }
        int headers = doc.getElementsByTagNameNS(soapNs, "Header").getLength();
        if (headers > 1) {
            return Optional.of("the document holds " + headers + " soap:Header elements");
        }
        if (doc.getElementsByTagNameNS(soapNs, "Envelope").getLength() != 1) {
            return Optional.of("an Envelope is nested in the envelope");
        }
        List<Element> children = childElements(envelope);
        int i = 0;
        if (i < children.size() && is(children.get(i), soapNs, "Header")) {
            i++;
        }
        if (i >= children.size() || !is(children.get(i), soapNs, "Body")) {
            return Optional.of("the Envelope's children are not (Header?, Body)");
        }
        if (i + 1 != children.size()) {
            return Optional.of("elements follow the Body in the Envelope");
        }
        return Optional.empty();
    }

    /** The envelope's own Body (the only child Body of the document element), or null. */
    static Element ownBody(Document doc, String soapNs) {
        Element envelope = doc.getDocumentElement();
        if (envelope == null) {
            return null;
        }
        for (Element child : childElements(envelope)) {
            if (is(child, soapNs, "Body")) {
                return child;
            }
        }
        return null;
    }

    /**
     * What is wrong with the signature's references to a Body: one that is not the envelope's own Body, or none
     * to it at all; empty when the signature covers exactly the envelope's own Body.
     */
    static Optional<String> signedBodyProblem(List<WSDataRef> refs, Element ownBody, String soapNs) {
        boolean coversOwnBody = false;
        for (WSDataRef ref : refs) {
            Element signed = ref.getProtectedElement();
            if (signed == null || !is(signed, soapNs, "Body")) {
                continue;
            }
            if (signed != ownBody && (ownBody == null || !ownBody.isSameNode(signed))) {
                return Optional.of("the signed soap:Body is not the envelope's own Body");
            }
            coversOwnBody = true;
        }
        return coversOwnBody ? Optional.empty() : Optional.of("the signature does not cover the envelope's Body");
    }

    /**
     * What is wrong with the signature's coverage of the Timestamp WSS4J processed: none, or a signature that does
     * not reference that very element (a signed copy elsewhere does not count); empty when it is signed.
     */
    static Optional<String> signedTimestampProblem(List<WSDataRef> refs, Element timestamp) {
        if (timestamp == null) {
            return Optional.of("the Security header holds no Timestamp");
        }
        for (WSDataRef ref : refs) {
            Element signed = ref.getProtectedElement();
            if (signed != null && (signed == timestamp || timestamp.isSameNode(signed))) {
                return Optional.empty();
            }
        }
        return Optional.of("the signature does not cover the Security header's Timestamp");
    }

    private static boolean is(Element e, String ns, String localName) {
        return ns.equals(e.getNamespaceURI()) && localName.equals(e.getLocalName());
    }

    private static List<Element> childElements(Element parent) {
        List<Element> children = new java.util.ArrayList<>();
        for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element e) {
                children.add(e);
            }
        }
        return children;
    }
}
