package vn.lienthong.edxml.sign;

import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import org.apache.xml.security.Init;
import org.w3c.dom.Document;

/** Santuario start-up and empty DOM documents for the small Signature trees (no parsing of untrusted text). */
final class XmlSecurity {

    static final String ENVELOPED = "http://www.w3.org/2000/09/xmldsig#enveloped-signature";
    static final String EXC_C14N = "http://www.w3.org/2001/10/xml-exc-c14n#";
    static final String EXC_C14N_WITH_COMMENTS = "http://www.w3.org/2001/10/xml-exc-c14n#WithComments";
    static final String C14N = "http://www.w3.org/TR/2001/REC-xml-c14n-20010315";
    static final String C14N_WITH_COMMENTS = "http://www.w3.org/TR/2001/REC-xml-c14n-20010315#WithComments";
    static final String XMLNS_NS = "http://www.w3.org/2000/xmlns/";

    private static final DocumentBuilderFactory DOCUMENTS = DocumentBuilderFactory.newInstance();
    /** Creating a DocumentBuilder costs more than signing-side DOM work itself; one per thread is reused. */
    private static final ThreadLocal<javax.xml.parsers.DocumentBuilder> BUILDER = ThreadLocal.withInitial(() -> {
        try {
            synchronized (DOCUMENTS) {
                return DOCUMENTS.newDocumentBuilder();
            }
        } catch (ParserConfigurationException e) {
            throw new IllegalStateException("no DOM implementation", e);
        }
    });

    static {
        Init.init();
        DOCUMENTS.setNamespaceAware(true);
    }

    private XmlSecurity() {
    }

    /** An empty document; only ever filled programmatically, never by parsing. */
    static Document newDocument() {
        return BUILDER.get().newDocument();
    }
}
