package vn.lienthong.edxml.sign;

import java.io.IOException;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Map;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

/**
 * Builds a small DOM of the Signature element from parse events, so Santuario can canonicalise and check its
 * SignedInfo. The namespaces in scope at the Signature are re-declared on the captured root: inclusive C14N of
 * SignedInfo renders them, so leaving them out would change the signed bytes. Bounded in size.
 */
final class SignatureCapture implements XmlEventSink {

    private static final int MAX_CHARS = 1 << 20;

    private final Document doc = XmlSecurity.newDocument();
    private final Deque<Element> open = new ArrayDeque<>();
    private final Map<String, String> inheritedNamespaces;
    private Element root;
    private int chars;

    SignatureCapture(Map<String, String> inheritedNamespaces) {
        this.inheritedNamespaces = inheritedNamespaces;
    }

    boolean finished() {
        return root != null && open.isEmpty();
    }

    Element signature() {
        return root;
    }

    @Override
    public void startElement(ElementStart e) throws IOException {
        count(64);
        Element el = doc.createElementNS(e.namespaceUri().isEmpty() ? null : e.namespaceUri(), e.qualifiedName());
        if (root == null) {
            root = el;
            doc.appendChild(el);
            for (Map.Entry<String, String> ns : inheritedNamespaces.entrySet()) {
                declare(el, ns.getKey(), ns.getValue());
            }
        } else {
            open.peek().appendChild(el);
        }
        for (ElementStart.NamespaceDecl d : e.declarations()) {
            declare(el, d.prefix(), d.uri());
        }
        for (ElementStart.Attribute a : e.attributes()) {
            count(a.value().length());
            String qname = a.prefix().isEmpty() ? a.localName() : a.prefix() + ":" + a.localName();
            el.setAttributeNS(a.namespaceUri().isEmpty() ? null : a.namespaceUri(), qname, a.value());
        }
        open.push(el);
    }

    private static void declare(Element el, String prefix, String uri) {
        if (prefix.isEmpty() && uri.isEmpty() && el.getParentNode() instanceof Document) {
            return;
        }
        el.setAttributeNS(XmlSecurity.XMLNS_NS, prefix.isEmpty() ? "xmlns" : "xmlns:" + prefix, uri);
    }

    @Override
    public void endElement() {
        open.pop();
    }

    @Override
    public void text(char[] c, int offset, int length) throws IOException {
        count(length);
        open.peek().appendChild(doc.createTextNode(new String(c, offset, length)));
    }

    @Override
    public void processingInstruction(String target, String data) {
        open.peek().appendChild(doc.createProcessingInstruction(target, data == null ? "" : data));
    }

    private void count(int n) throws IOException {
        chars += n;
        if (chars > MAX_CHARS) {
            throw new IOException("Signature element larger than " + MAX_CHARS + " characters");
        }
    }
}
