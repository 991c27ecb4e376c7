package vn.lienthong.edxml.sign;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.w3c.dom.Attr;
import org.w3c.dom.Element;
import org.w3c.dom.NamedNodeMap;
import org.w3c.dom.Node;
import vn.lienthong.edxml.EdxmlConstants;

/**
 * Exclusive canonical form (no comments) of the Signature trees {@link SignatureElementBuilder} builds itself:
 * every element in the XMLDSig namespace as the default namespace, attributes without namespace, text only. For
 * that shape exclusive C14N reduces to: the default namespace declared once on the apex, attributes sorted by name,
 * start and end tags always written, and the C14N escapes for text and attribute values — which is all this class
 * does, about ten times cheaper than the general canonicalizer that walked the tree before (a fifth of the signing
 * work besides the RSA operation). {@code SignatureCanonicalFormTest} checks it byte for byte against Santuario's
 * canonicalizer, and the signed packages against xmlsec1. Anything outside that shape is refused, not guessed at.
 */
final class SignatureCanonicalForm {

    private SignatureCanonicalForm() {
    }

    static byte[] of(Element apex) {
        StringBuilder out = new StringBuilder(2048);
        element(apex, true, out);
        return out.toString().getBytes(StandardCharsets.UTF_8);
    }

    private static void element(Element e, boolean apex, StringBuilder out) {
        if (!EdxmlConstants.XMLDSIG_NS.equals(e.getNamespaceURI()) || e.getPrefix() != null) {
            throw new IllegalArgumentException("not an unprefixed XMLDSig element: " + e.getNodeName());
        }
        String name = e.getLocalName();
        out.append('<').append(name);
        if (apex) {
            out.append(" xmlns=\"").append(EdxmlConstants.XMLDSIG_NS).append('"');
        }
        for (Attr a : attributes(e)) {
            out.append(' ').append(a.getName()).append("=\"");
            escapeAttribute(a.getValue(), out);
            out.append('"');
        }
        out.append('>');
        for (Node n = e.getFirstChild(); n != null; n = n.getNextSibling()) {
            switch (n.getNodeType()) {
                case Node.ELEMENT_NODE -> element((Element) n, false, out);
                case Node.TEXT_NODE -> escapeText(n.getNodeValue(), out);
                default -> throw new IllegalArgumentException("unexpected node in a Signature: " + n.getNodeName());
            }
        }
        out.append("</").append(name).append('>');
    }

    /** Attributes without namespace, in C14N order (by name); the xmlns declaration of the apex is written above. */
    private static List<Attr> attributes(Element e) {
        NamedNodeMap map = e.getAttributes();
        List<Attr> list = new ArrayList<>(map.getLength());
        for (int i = 0; i < map.getLength(); i++) {
            Attr a = (Attr) map.item(i);
            if (XmlSecurity.XMLNS_NS.equals(a.getNamespaceURI())) {
                if (!"xmlns".equals(a.getName()) || !EdxmlConstants.XMLDSIG_NS.equals(a.getValue())) {
                    throw new IllegalArgumentException("unexpected namespace declaration " + a.getName());
                }
                continue;
            }
            if (a.getNamespaceURI() != null) {
                throw new IllegalArgumentException("unexpected namespaced attribute " + a.getName());
            }
            list.add(a);
        }
        if (list.size() > 1) {
            list.sort(Comparator.comparing(Attr::getName));
        }
        return list;
    }

    private static void escapeText(String s, StringBuilder out) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '\r' -> out.append("&#xD;");
                default -> out.append(c);
            }
        }
    }

    private static void escapeAttribute(String s, StringBuilder out) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '"' -> out.append("&quot;");
                case '\t' -> out.append("&#x9;");
                case '\n' -> out.append("&#xA;");
                case '\r' -> out.append("&#xD;");
                default -> out.append(c);
            }
        }
    }
}
