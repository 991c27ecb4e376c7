package vn.lienthong.mappings.edoc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.LocalDateTime;

import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Element;

/** Golden files: a SendDocument envelope per dialect in, the mapped fields out (golden/edoc/*.expected.txt). */
class EdocMappingsGoldenTest {

    private final EdocMappings mappings = EdocMappings.v1();

    @ParameterizedTest
    @ValueSource(strings = {"hub", "2803", "512"})
    void eachDialectMapsToTheExpectedFields(String dialect) throws Exception {
        MappedMessage mapped = mappings.mapSendDocument(soapHeader("senddocument-" + dialect + ".xml"));
        assertEquals(resource("senddocument-" + dialect + ".expected.txt"), mapped.toGoldenText());
    }

    @Test
    void aSecretLevelMarksTheDocumentAsStateSecret() throws Exception {
        assertTrue(mappings.mapSendDocument(soapHeader("senddocument-512-secret.xml")).flag("stateSecret"));
    }

    @Test
    void anUnparsableDateGetsTheHubsTypeCode() throws Exception {
        Element header = soapHeader("senddocument-hub.xml");
        XmlPath.first(header, "MessageHeader/PromulgationInfo/PromulgationDate").setTextContent("20/13/2025");
        MappingException e = assertThrows(MappingException.class, () -> mappings.mapSendDocument(header));
        assertEquals("T.MessageHeader.PromulgationInfo.PromulgationDate", e.code());
    }

    @Test
    void datesOfAllDialectsAreRecognisedByTheYearsPosition() {
        assertEquals(LocalDate.of(2025, 11, 20), LegacyDates.date("2025/11/20").orElseThrow());
        assertEquals(LocalDate.of(2025, 11, 20), LegacyDates.date("20/11/2025").orElseThrow());
        assertEquals(LocalDateTime.of(2025, 11, 20, 3, 4, 5), LegacyDates.dateTime("2025-11-20T03:04:05+07:00").orElseThrow());
        assertEquals(LocalDateTime.of(2025, 11, 20, 10, 15, 2), LegacyDates.dateTime("20/11/2025 10:15:02").orElseThrow());
        assertTrue(LegacyDates.date("2025/02/30").isEmpty());
    }

    @Test
    void statusCodesArePaddedForTheAxisAndStrippedForOldClients() {
        assertEquals("05", mappings.statusToQcvn("5").orElseThrow());
        assertEquals("05", mappings.statusToQcvn("05").orElseThrow());
        assertEquals("16", mappings.statusToQcvn("16").orElseThrow());
        assertEquals("1", mappings.statusToLegacy("01").orElseThrow());
        assertTrue(mappings.statusToQcvn("999").isEmpty());
    }

    @Test
    void validationCodesReadAsHubCodes() {
        assertEquals("N.MessageHeader.Subject", mappings.legacyErrorCode("N.document/subject"));
        assertEquals("M.MessageHeader.To.OrganId", mappings.legacyErrorCode("M.document/recipient[2]/organId"));
        assertEquals("R.MessageHeader.OtherInfo.Priority", mappings.legacyErrorCode("R.document/priority"));
    }

    static Element soapHeader(String name) throws Exception {
        DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
        f.setNamespaceAware(true);
        f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        f.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
        try (InputStream in = EdocMappingsGoldenTest.class.getResourceAsStream("/golden/edoc/" + name)) {
            Element envelope = f.newDocumentBuilder().parse(in).getDocumentElement();
            return XmlPath.first(envelope, "Header");
        }
    }

    static String resource(String name) throws Exception {
        try (InputStream in = EdocMappingsGoldenTest.class.getResourceAsStream("/golden/edoc/" + name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
