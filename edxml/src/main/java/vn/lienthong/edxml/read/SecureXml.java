package vn.lienthong.edxml.read;

import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/**
 * The one place that creates XML parsers for untrusted packages: no DTDs, no external entities, no entity
 * expansion beyond the five predefined ones, bounded depth and attribute counts (spec §15.3). Uses the JDK's
 * built-in StAX parser on purpose: Woodstox arrives transitively with Santuario and would otherwise be chosen by
 * service lookup, with different limits and chunking.
 */
public final class SecureXml {

    /** Per thread: the JDK factory keeps mutable state between createXMLStreamReader calls. */
    private static final ThreadLocal<XMLInputFactory> FACTORY = ThreadLocal.withInitial(SecureXml::create);

    private SecureXml() {
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
