package vn.lienthong.mappings.edoc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalDateTime;

import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
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

    /** Recall (1), update (2), replace (3) in each dialect, in the spelling and qualification such clients use. */
    @ParameterizedTest
    @CsvSource({"1,hub", "1,2803", "1,512", "2,hub", "2,2803", "2,512", "3,hub", "3,2803", "3,512"})
    void theBusinessBlockMapsInEachDialect(int type, String dialect) throws Exception {
        String name = "business-" + type + "-" + dialect;
        MappedMessage mapped = mappings.mapSendDocument(soapHeader(name + ".xml"));
        assertEquals(type, mapped.businessType());
        String actual = mapped.toGoldenText();
        if (Boolean.getBoolean("golden.update")) {
            Files.writeString(Path.of("src/test/resources/golden/edoc/" + name + ".expected.txt"), actual);
            return;
        }
        assertEquals(resource(name + ".expected.txt"), actual);
    }

    @Test
    void aMessageWithoutBusinessBlockIsANewDocument() throws Exception {
        MappedMessage mapped = mappings.mapSendDocument(soapHeader("senddocument-2803.xml"));
        assertNull(mapped.business());
        assertEquals(0, mapped.businessType());
    }

    @Test
    void spellingsMayBeMixedInsideTheBlock() throws Exception {
        Element header = soapHeader("business-2-hub.xml");
        Element type = XmlPath.first(header, "TraceHeaderList/Bussiness/BussinessDocType");
        type.getOwnerDocument().renameNode(type, type.getNamespaceURI(), "edXML:BusinessDocType");
        assertEquals(2, mappings.mapSendDocument(header).businessType());
    }

    @Test
    void badBusinessValuesGetStableCodesInTheSingleSSpelling() throws Exception {
        Element header = soapHeader("business-2-hub.xml");
        XmlPath.first(header, "TraceHeaderList/Bussiness/BussinessDocType").setTextContent("two");
        assertEquals("T.TraceHeaderList.Business.BusinessDocType",
                assertThrows(MappingException.class, () -> mappings.mapSendDocument(header)).code());

        Element receiver = soapHeader("business-2-512.xml");
        XmlPath.first(receiver, "TraceHeaderList/Business/BusinessDocumentInfo/ReceiverList/Receiver/ReceiverType")
                .setTextContent("7");
        assertEquals("M.TraceHeaderList.Business.BusinessDocumentInfo.ReceiverList.Receiver.ReceiverType",
                assertThrows(MappingException.class, () -> mappings.mapSendDocument(receiver)).code());

        Element replaced = soapHeader("business-3-hub.xml");
        XmlPath.first(replaced, "TraceHeaderList/Bussiness/ReplacementInfoList/ReplacementInfo/DocumentId")
                .setTextContent(" ");
        assertEquals("N.TraceHeaderList.Business.ReplacementInfoList.ReplacementInfo.DocumentId",
                assertThrows(MappingException.class, () -> mappings.mapSendDocument(replaced)).code());
    }

    @Test
    void recallFieldsReadAsTheElementOfTheRequestThatAskedForTheRecall() {
        assertEquals("M.TraceHeaderList.Business.DocumentId", mappings.legacyErrorCode("M.documentId", "recall"));
        assertEquals("N.TraceHeaderList.Business.BusinessDocReason", mappings.legacyErrorCode("N.reason", "recall"));
        assertEquals("M.Status.ResponseFor.DocumentId", mappings.legacyErrorCode("M.documentId", "takeBack"));
        assertEquals("N.Status.Description", mappings.legacyErrorCode("N.reason", "takeBack"));
        assertEquals("N.TraceHeaderList.Business.DocumentId",
                mappings.legacyErrorCode("N.document/business/targetDocumentId", "recall"), "falls back to the plain path");
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
