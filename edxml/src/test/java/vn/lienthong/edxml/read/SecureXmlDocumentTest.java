package vn.lienthong.edxml.read;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.xml.sax.SAXException;

/** The per-thread DOM builder of {@link SecureXml#document}: every use has the same shut doors, whatever came before. */
class SecureXmlDocumentTest {

    private static Document parse(String xml) throws Exception {
        return SecureXml.document(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void aReusedBuilderStillRefusesDoctypesAndMalformedInputAfterGoodDocuments() throws Exception {
        for (int round = 0; round < 3; round++) {
            Document d = parse("<a xmlns='urn:x'><b>" + round + "</b></a>");
            assertEquals("urn:x", d.getDocumentElement().getNamespaceURI(), "namespace aware on every use");
            assertEquals(String.valueOf(round), d.getDocumentElement().getTextContent());
            assertThrows(SAXException.class, () -> parse("<!DOCTYPE a [<!ENTITY e 'x'>]><a>&e;</a>"),
                    "a DOCTYPE is refused on every use");
            assertThrows(SAXException.class, () -> parse("<a><b></a>"), "malformed input is an error, not a warning");
            assertThrows(SAXException.class,
                    () -> parse("<!DOCTYPE a SYSTEM 'http://127.0.0.1:1/x.dtd'><a/>"), "no external DTD either");
        }
    }

    @Test
    void eachThreadParsesWithItsOwnBuilder() throws Exception {
        Thread other = new Thread(() -> {
            try {
                parse("<c/>");
            } catch (Exception e) {
                throw new AssertionError(e);
            }
        });
        other.start();
        assertEquals("a", parse("<a/>").getDocumentElement().getLocalName());
        other.join();
    }
}
