package vn.lienthong.adapter.soap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.StringReader;

import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamReader;

import org.junit.jupiter.api.Test;

class StrictEnvelopeReaderTest {

    private static final String ENV = "<s:Envelope xmlns:s=\"http://schemas.xmlsoap.org/soap/envelope/\">";
    private static final String HEADER = "<s:Header><w:Security xmlns:w=\"urn:wsse\"><w:T>1</w:T></w:Security></s:Header>";
    private static final String BODY = "<s:Body><x:Op xmlns:x=\"urn:x\"><x:a>real</x:a></x:Op></s:Body>";

    @Test
    void aWellFormedEnvelopeReadsToTheEnd() throws Exception {
        assertEquals(7, startTags(ENV + HEADER + BODY + "</s:Envelope>"));
        assertEquals(4, startTags(ENV + "\n  " + BODY + "\n</s:Envelope>"));
    }

    @Test
    void aBodyInsideAHeaderWrapperIsRefusedWhenItIsRead() {
        StrictEnvelopeReader.Violation v = assertThrows(StrictEnvelopeReader.Violation.class, () -> startTags(ENV
                + "<s:Header><w:Wrapper xmlns:w=\"urn:attacker\">" + BODY + "</w:Wrapper></s:Header>"
                + "<s:Body><x:Op xmlns:x=\"urn:x\">forged</x:Op></s:Body></s:Envelope>"));
        assertEquals("a soap:Body at depth 4 inside the envelope", v.getMessage());
    }

    @Test
    void theEnvelopesChildrenAreHeaderThenOneBody() {
        assertThrows(StrictEnvelopeReader.Violation.class, () -> startTags(ENV + BODY + BODY + "</s:Envelope>"));
        assertThrows(StrictEnvelopeReader.Violation.class, () -> startTags(ENV + BODY + HEADER + "</s:Envelope>"));
        assertThrows(StrictEnvelopeReader.Violation.class,
                () -> startTags(ENV + HEADER + HEADER + BODY + "</s:Envelope>"));
        assertThrows(StrictEnvelopeReader.Violation.class,
                () -> startTags(ENV + BODY + "<w:Wrapper xmlns:w=\"urn:a\"/></s:Envelope>"));
    }

    @Test
    void nextTagCannotSkipTheCheck() throws Exception {
        XMLStreamReader r = new StrictEnvelopeReader(XMLInputFactory.newInstance().createXMLStreamReader(
                new StringReader(ENV + " <s:Header> <s:Body/> </s:Header>" + BODY + "</s:Envelope>")));
        assertEquals(XMLStreamConstants.START_ELEMENT, r.nextTag()); // Envelope
        assertEquals(XMLStreamConstants.START_ELEMENT, r.nextTag()); // Header
        assertThrows(StrictEnvelopeReader.Violation.class, r::nextTag);
    }

    @Test
    void aDtdIsNamedSoThatItKeepsItsOwnCode() throws Exception {
        XMLInputFactory f = XMLInputFactory.newInstance();
        f.setProperty(XMLInputFactory.SUPPORT_DTD, true); // reported as an event, never resolved here
        f.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        XMLStreamReader r = new StrictEnvelopeReader(f.createXMLStreamReader(new StringReader(
                "<!DOCTYPE e [<!ENTITY x \"y\">]>" + ENV + BODY + "</s:Envelope>")));
        javax.xml.stream.XMLStreamException e = assertThrows(javax.xml.stream.XMLStreamException.class, r::nextTag);
        org.junit.jupiter.api.Assertions.assertTrue(WsRefusals.classify(e).map(WsRefusals.Refusal::code)
                .filter("M.Envelope.DOCTYPE"::equals).isPresent(), e.getMessage());
    }

    private static int startTags(String xml) throws Exception {
        XMLStreamReader r = new StrictEnvelopeReader(XMLInputFactory.newInstance()
                .createXMLStreamReader(new StringReader(xml)));
        int starts = 0;
        while (r.hasNext()) {
            if (r.next() == XMLStreamConstants.START_ELEMENT) {
                starts++;
            }
        }
        return starts;
    }
}
