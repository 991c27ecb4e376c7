package vn.lienthong.edxml.read;

import java.io.IOException;
import java.io.InputStream;

import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

import org.w3c.dom.Document;
import org.xml.sax.ErrorHandler;
import org.xml.sax.SAXException;
import org.xml.sax.SAXParseException;

/**
 * The one place that creates XML parsers for untrusted input (packages here, SOAP envelopes of the adapter's
 * old-protocol face through {@link #document}): no DTDs, no external entities, no entity
 * expansion beyond the five predefined ones, bounded depth and attribute counts (spec §15.3). Uses the JDK's
 * built-in StAX parser on purpose: Woodstox arrives transitively with Santuario and would otherwise be chosen by
 * service lookup, with different limits and chunking.
 */
public final class SecureXml {

    /** Per thread: the JDK factory keeps mutable state between createXMLStreamReader calls. */
    private static final ThreadLocal<XMLInputFactory> FACTORY = ThreadLocal.withInitial(SecureXml::create);

    /** DOM for small, already size-bounded documents; the same doors shut. Shared: builders are made per thread. */
    private static final DocumentBuilderFactory DOM = domFactory();

    /**
     * Per thread, reset before each use: creating a builder sets up a whole Xerces parser configuration, most of the
     * cost of parsing a small envelope (issue 11: 1 % of the adapter's samples under old-protocol load). A builder
     * is not thread-safe, hence one per thread; {@code reset()} returns it to the factory's configuration.
     */
    private static final ThreadLocal<DocumentBuilder> BUILDER = ThreadLocal.withInitial(SecureXml::newBuilder);

    /** Parse errors are thrown, warnings ignored. */
    private static final ErrorHandler STRICT = new ErrorHandler() {
        @Override
        public void warning(SAXParseException e) {
            // warnings do not make a document invalid
        }

        @Override
        public void error(SAXParseException e) throws SAXException {
            throw e;
        }

        @Override
        public void fatalError(SAXParseException e) throws SAXException {
            throw e;
        }
    };

    private SecureXml() {
    }

    /**
     * A DOM of a small, already size-bounded document (e.g. a SOAP envelope): no DOCTYPE at all (so no external
     * entities and no entity expansion), no external DTD or schema access, no XInclude; parse errors are thrown,
     * warnings ignored, any entity lookup refused.
     */
    public static Document document(InputStream in) throws SAXException, IOException {
        DocumentBuilder builder = BUILDER.get();
        builder.reset(); // the factory's configuration again, whatever the last parse left behind
        builder.setErrorHandler(STRICT);
        builder.setEntityResolver((publicId, systemId) -> {
            throw new SAXException("External entities are not allowed");
        });
        return builder.parse(in);
    }

    private static DocumentBuilder newBuilder() {
        try {
            return DOM.newDocumentBuilder();
        } catch (ParserConfigurationException e) {
            throw new IllegalStateException("The JDK XML parser lacks a security feature", e);
        }
    }

    private static DocumentBuilderFactory domFactory() {
        try {
            DocumentBuilderFactory f = DocumentBuilderFactory.newDefaultInstance();
            f.setNamespaceAware(true);
            f.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            f.setFeature("http://xml.org/sax/features/external-general-entities", false);
            f.setFeature("http://xml.org/sax/features/external-parameter-entities", false);
            f.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
            f.setAttribute(XMLConstants.ACCESS_EXTERNAL_DTD, "");
            f.setAttribute(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
            f.setXIncludeAware(false);
            f.setExpandEntityReferences(false);
            return f;
        } catch (ParserConfigurationException e) {
            throw new IllegalStateException("The JDK XML parser lacks a security feature", e);
        }
    }

    private static XMLInputFactory create() {
        XMLInputFactory f = XMLInputFactory.newDefaultFactory();
        f.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        f.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        f.setProperty(XMLInputFactory.IS_NAMESPACE_AWARE, true);
        // Large base64 values must arrive in chunks, never as one multi-gigabyte string.
        f.setProperty(XMLInputFactory.IS_COALESCING, false);
        f.setXMLResolver((publicId, systemId, baseUri, ns) -> {
            throw new XMLStreamException("external resources are not allowed: " + systemId);
        });
        setIfSupported(f, "jdk.xml.maxElementDepth", 64);
        setIfSupported(f, "jdk.xml.elementAttributeLimit", 64);
        return f;
    }

    private static void setIfSupported(XMLInputFactory f, String name, int value) {
        try {
            f.setProperty(name, value);
        } catch (IllegalArgumentException notSupported) {
            // Older JDKs lack some limit properties; DTDs are off anyway, which removes the expansion risk.
        }
    }

    /**
     * A reader over the stream; the encoding is taken from the XML declaration (UTF-8 by default). The stream is
     * shielded from close: the JDK parser closes its input at the end of the document, which would break callers
     * that go on reading (the signer's spool copy) or own the stream.
     */
    public static XMLStreamReader reader(java.io.InputStream in) throws EdxmlParseException {
        try {
            return FACTORY.get().createXMLStreamReader(new java.io.FilterInputStream(in) {
                @Override
                public void close() {
                    // the caller closes the stream it opened
                }
            });
        } catch (XMLStreamException e) {
            throw EdxmlParseException.from(e);
        }
    }
}
