package vn.lienthong.edxml.sign;

import java.util.ArrayList;
import java.util.List;
import javax.xml.stream.XMLStreamReader;

/** One start tag as the parser reported it: the canonicaliser needs declarations and attributes, not the DOM. */
record ElementStart(String prefix, String localName, String namespaceUri, List<NamespaceDecl> declarations,
                    List<Attribute> attributes) {

    record NamespaceDecl(String prefix, String uri) {
    }

    record Attribute(String prefix, String localName, String namespaceUri, String value) {
    }

    static ElementStart from(XMLStreamReader r) {
        List<NamespaceDecl> decls = new ArrayList<>(r.getNamespaceCount());
        for (int i = 0; i < r.getNamespaceCount(); i++) {
            decls.add(new NamespaceDecl(nullToEmpty(r.getNamespacePrefix(i)), nullToEmpty(r.getNamespaceURI(i))));
        }
        List<Attribute> attrs = new ArrayList<>(r.getAttributeCount());
        for (int i = 0; i < r.getAttributeCount(); i++) {
            attrs.add(new Attribute(nullToEmpty(r.getAttributePrefix(i)), r.getAttributeLocalName(i),
                    nullToEmpty(r.getAttributeNamespace(i)), r.getAttributeValue(i)));
        }
        return new ElementStart(nullToEmpty(r.getPrefix()), r.getLocalName(), nullToEmpty(r.getNamespaceURI()),
                decls, attrs);
    }

    String qualifiedName() {
        return prefix.isEmpty() ? localName : prefix + ":" + localName;
    }

    private static String nullToEmpty(String s) {
        return s == null ? "" : s;
    }
}
