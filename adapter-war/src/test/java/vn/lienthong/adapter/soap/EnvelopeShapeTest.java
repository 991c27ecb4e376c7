package vn.lienthong.adapter.soap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;

import javax.xml.parsers.DocumentBuilderFactory;

import org.apache.wss4j.dom.WSDataRef;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

class EnvelopeShapeTest {

    private static final String SOAP = "http://schemas.xmlsoap.org/soap/envelope/";
    private static final String ENV = "<s:Envelope xmlns:s=\"" + SOAP + "\">";
    private static final String HEADER = "<s:Header><w:Security xmlns:w=\"urn:wsse\"/></s:Header>";
    private static final String BODY = "<s:Body Id=\"b\"><x:Op xmlns:x=\"urn:x\">real</x:Op></s:Body>";

    @Test
    void envelopeWithOptionalHeaderAndOneBodyPasses() throws Exception {
        assertEquals(Optional.empty(), EnvelopeShape.problem(parse(ENV + HEADER + BODY + "</s:Envelope>"), SOAP));
        assertEquals(Optional.empty(), EnvelopeShape.problem(parse(ENV + BODY + "</s:Envelope>"), SOAP));
    }

    @Test
    void signedBodyMovedIntoAHeaderWrapperIsRefused() throws Exception {
        Document doc = parse(ENV + "<s:Header><w:Wrapper xmlns:w=\"urn:attacker\">" + BODY + "</w:Wrapper></s:Header>"
                + "<s:Body><x:Op xmlns:x=\"urn:x\">forged</x:Op></s:Body></s:Envelope>");
        assertEquals(Optional.of("the document holds 2 soap:Body elements"), EnvelopeShape.problem(doc, SOAP));
    }

    @Test
    void anythingButHeaderThenBodyIsRefused() throws Exception {
        assertTrue(EnvelopeShape.problem(parse(ENV + BODY + "<w:Wrapper xmlns:w=\"urn:a\"/></s:Envelope>"), SOAP)
                .isPresent(), "an element after the Body");
        assertTrue(EnvelopeShape.problem(parse(ENV + BODY + HEADER + "</s:Envelope>"), SOAP).isPresent(),
                "Header after Body");
        assertTrue(EnvelopeShape.problem(parse(ENV + HEADER + "</s:Envelope>"), SOAP).isPresent(), "no Body");
        assertTrue(EnvelopeShape.problem(parse(ENV + HEADER + HEADER + BODY + "</s:Envelope>"), SOAP).isPresent(),
                "two Headers");
        assertTrue(EnvelopeShape.problem(parse("<o:Envelope xmlns:o=\"urn:other\" xmlns:s=\"" + SOAP + "\">" + BODY
                + "</o:Envelope>"), SOAP).isPresent(), "an Envelope in another namespace");
    }

    @Test
    void theSignedBodyMustBeTheEnvelopesOwn() throws Exception {
        Document doc = parse(ENV + "<s:Header><w:Wrapper xmlns:w=\"urn:attacker\">" + BODY + "</w:Wrapper></s:Header>"
                + "<s:Body><x:Op xmlns:x=\"urn:x\">forged</x:Op></s:Body></s:Envelope>");
        Element wrapped = (Element) doc.getElementsByTagNameNS(SOAP, "Body").item(0);
        Element own = EnvelopeShape.ownBody(doc, SOAP);
        assertEquals("forged", own.getTextContent());
        assertEquals(Optional.of("the signed soap:Body is not the envelope's own Body"),
                EnvelopeShape.signedBodyProblem(List.of(ref(wrapped)), own, SOAP));
        assertEquals(Optional.of("the signature does not cover the envelope's Body"),
                EnvelopeShape.signedBodyProblem(List.of(), own, SOAP));
        assertEquals(Optional.empty(), EnvelopeShape.signedBodyProblem(List.of(ref(own)), own, SOAP));
    }

    @Test
    void theSignatureMustCoverTheProcessedTimestampItself() throws Exception {
        String wsu = "http://docs.oasis-open.org/wss/2004/01/oasis-200401-wss-wssecurity-utility-1.0.xsd";
        Document doc = parse(ENV + "<s:Header><w:Security xmlns:w=\"urn:wsse\"><u:Timestamp xmlns:u=\"" + wsu
                + "\"/></w:Security><w:Wrapper xmlns:w=\"urn:attacker\"><u:Timestamp xmlns:u=\"" + wsu
                + "\"/></w:Wrapper></s:Header>" + BODY + "</s:Envelope>");
        Element processed = (Element) doc.getElementsByTagNameNS(wsu, "Timestamp").item(0);
        Element copy = (Element) doc.getElementsByTagNameNS(wsu, "Timestamp").item(1);
        Element body = EnvelopeShape.ownBody(doc, SOAP);
        assertEquals(Optional.empty(),
                EnvelopeShape.signedTimestampProblem(List.of(ref(body), ref(processed)), processed));
        assertEquals(Optional.of("the signature does not cover the Security header's Timestamp"),
                EnvelopeShape.signedTimestampProblem(List.of(ref(body)), processed));
        assertEquals(Optional.of("the signature does not cover the Security header's Timestamp"),
                EnvelopeShape.signedTimestampProblem(List.of(ref(body), ref(copy)), processed));
        assertEquals(Optional.of("the Security header holds no Timestamp"),
                EnvelopeShape.signedTimestampProblem(List.of(ref(body)), null));
    }

    private static WSDataRef ref(Element protectedElement) {
        WSDataRef ref = new WSDataRef();
        ref.setProtectedElement(protectedElement);
        return ref;
    }

    private static Document parse(String xml) throws Exception {
        DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
        f.setNamespaceAware(true);
        return f.newDocumentBuilder().parse(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)));
    }
}
