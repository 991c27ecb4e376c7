package vn.lienthong.axis.simulator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonValue;
import java.io.ByteArrayOutputStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.lienthong.axis.client.AxisClient;
import vn.lienthong.axis.client.MessageType;

/**
 * What the operator's reference SDK sends, byte for byte on one kept-alive connection, and what it needs back
 * (issue 15; README "What the reference SDK expects"). Requests are built from the documented wire facts by
 * {@link SdkStyleService} and sent through {@link RawHttpConnection}.
 */
class SdkWireContractTest extends SimulatorTestSupport {

    private static final ZoneId VIETNAM = ZoneId.of("Asia/Ho_Chi_Minh");
    private static final byte[] EMPTY_OBJECT = "{}".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] EMPTY_FORM = new byte[0];

    @TempDir
    Path tmp;
    private AxisSimulator sim;

    @BeforeEach
    void start() throws Exception {
        sim = AxisSimulator.start(twoSystems().build());
    }

    @AfterEach
    void stop() {
        sim.close();
    }

    // ------------------------------------------------------------------------------- 1. DocId on every sendEdoc

    @Test
    void sendEdocRefusedBeforeItsBodyIsReadAnswersAnEmptyDocIdAndTheConnectionServesTheNextRequest()
            throws Exception {
        byte[] big = bigDocument(VPCP, NGHEAN, "doc-big");
        SdkStyleService service = vpcpService();
        try (RawHttpConnection connection = new RawHttpConnection(sim.baseUri())) {
            RawHttpConnection.Response refused = connection.exchange("POST", "sendEdoc",
                    service.call(SdkStyleService.OCTETS, sendParameters(NGHEAN, "edoc", big)), sdkBody(big));
            assertEquals(200, refused.status());
            JsonObject answer = json(refused);
            assertEquals("FAIL", answer.getString("status"));
            assertEquals("FROM_NOT_SERVED", answer.getString("ErrorCode"));
            assertEquals("", answer.getString("DocId"));
            assertAscii(refused.body());
            assertNull(refused.header("Connection"), "the rest of the body was read, the connection stays usable");

            // The same connection and the same service object (its header map still holds the first call's names).
            RawHttpConnection.Response accepted = connection.exchange("POST", "sendEdoc",
                    service.call(SdkStyleService.OCTETS, sendParameters(VPCP, "edoc", big)), sdkBody(big));
            assertEquals(200, accepted.status(), accepted.text());
            assertEquals("OK", json(accepted).getString("status"), accepted.text());
            assertTrue(json(accepted).getString("DocId").matches("[0-9a-f]{24}"), accepted.text());
        }
        try (AxisClient nghean = nghean(sim)) {
            String docId = nghean.getReceivedEdocList(MessageType.EDOC).get(0).docId();
            byte[] received = Files.readAllBytes(nghean.downloadEdoc(docId, tmp.resolve("big.edxml")).file());
            assertTrue(received.length > big.length, "the second body arrived whole (plus the transit trace)");
        }
    }

    @Test
    void badSignatureOnSendEdocIs401WithAnEmptyDocIdAndTheConnectionServesTheNextRequest() throws Exception {
        byte[] big = bigDocument(VPCP, NGHEAN, "doc-401");
        SdkStyleService wrongSecret = new SdkStyleService("sys.vpcp", "not-the-secret", ZonedDateTime.now(VIETNAM));
        try (RawHttpConnection connection = new RawHttpConnection(sim.baseUri())) {
            RawHttpConnection.Response refused = connection.exchange("POST", "sendEdoc",
                    wrongSecret.call(SdkStyleService.OCTETS, sendParameters(VPCP, "edoc", big)), sdkBody(big));
            assertEquals(401, refused.status());
            assertEquals("BAD_SIGNATURE", json(refused).getString("ErrorCode"));
            assertEquals("", json(refused).getString("DocId"));
            assertAscii(refused.body());

            RawHttpConnection.Response accepted = connection.exchange("POST", "sendEdoc",
                    vpcpService().call(SdkStyleService.OCTETS, sendParameters(VPCP, "edoc", big)), sdkBody(big));
            assertEquals("OK", json(accepted).getString("status"), accepted.text());
        }
    }

    @Test
    void everySendEdocRefusalCarriesAnEmptyDocId() throws Exception {
        byte[] document = Files.readAllBytes(TestPackages.document(tmp, VPCP, List.of(NGHEAN), "doc-r", 0));
        byte[] unknownRecipient = Files.readAllBytes(
                TestPackages.document(tmp, VPCP, List.of("000.00.99.Z99"), "doc-z", 0));
        sim.faults().add(FaultRule.of(FaultMode.FAIL).answer("BUSY", "Hệ thống bận").times(1).on("sendEdoc"));
        SdkStyleService service = vpcpService();
        try (RawHttpConnection connection = new RawHttpConnection(sim.baseUri())) {
            Map<String, byte[]> cases = new LinkedHashMap<>();
            cases.put("BUSY", document);                  // injected FAIL, answered before the body is read
            cases.put("KIND_MISMATCH", document);         // body read, then refused
            cases.put("UNKNOWN_RECIPIENT", unknownRecipient);
            for (Map.Entry<String, byte[]> c : cases.entrySet()) {
                String messageType = "KIND_MISMATCH".equals(c.getKey()) ? "status" : "edoc";
                RawHttpConnection.Response answer = connection.exchange("POST", "sendEdoc",
                        service.call(SdkStyleService.OCTETS, sendParameters(VPCP, messageType, c.getValue())),
                        sdkBody(c.getValue()));
                assertEquals(c.getKey(), json(answer).getString("ErrorCode"), answer.text());
                assertEquals("", json(answer).getString("DocId"), c.getKey());
                assertAscii(answer.body());
            }
        }
    }

    // ------------------------------------------------------------------------- 2. one header, two spellings

    @Test
    void headerNameLeftOverInAnotherSpellingIsAccepted() throws Exception {
        String docId = deliverOneDocumentToNghean("doc-case");
        SdkStyleService service = ngheanService();
        try (RawHttpConnection connection = new RawHttpConnection(sim.baseUri())) {
            RawHttpConnection.Response fetched = connection.exchange("POST", "getEdoc",
                    service.call(SdkStyleService.JSON, Map.of("docId", docId, "filePath", "/srv/store")),
                    EMPTY_OBJECT);
            assertEquals("OK", json(fetched).getString("status"));

            List<Map.Entry<String, String>> ack = service.call(SdkStyleService.JSON,
                    Map.of("docid", docId, "status", "done"));
            assertTrue(ack.stream().anyMatch(h -> h.getKey().equals("XroadVnpt-docId"))
                    && ack.stream().anyMatch(h -> h.getKey().equals("XroadVnpt-docid")), "both spellings sent");
            RawHttpConnection.Response acknowledged = connection.exchange("POST", "updateStatus", ack, EMPTY_OBJECT);
            assertEquals(200, acknowledged.status(), acknowledged.text());
            assertEquals("0", json(acknowledged).getString("ErrorCode"), acknowledged.text());

            RawHttpConnection.Response list = connection.exchange("POST", "getReceivedEdocList",
                    service.call(SdkStyleService.JSON, Map.of("servicetype", "eDoc", "messagetype", "edoc")),
                    EMPTY_FORM);
            assertEquals(0, json(list).getJsonArray("data").size(), "the item was acknowledged");
        }
    }

    @Test
    void vendorExampleLoopFetchesAndAcknowledgesEveryItemDespiteLeftOverSpellings() throws Exception {
        Map<String, String> items = Map.of(deliverOneDocumentToNghean("doc-1"), "doc-1",
                deliverOneDocumentToNghean("doc-2"), "doc-2", deliverOneDocumentToNghean("doc-3"), "doc-3");
        SdkStyleService service = ngheanService();
        try (RawHttpConnection connection = new RawHttpConnection(sim.baseUri())) {
            // Per item: getEdoc with "docId" (carries the previous ack's "docid"), then updateStatus with "docid".
            for (Map.Entry<String, String> item : items.entrySet()) {
                RawHttpConnection.Response fetched = connection.exchange("POST", "getEdoc",
                        service.call(SdkStyleService.JSON, Map.of("docId", item.getKey(), "filePath", "/srv")),
                        EMPTY_OBJECT);
                assertEquals(item.getValue(), documentIdOf(fetched), "getEdoc fetched the item asked for");
                RawHttpConnection.Response ack = connection.exchange("POST", "updateStatus",
                        service.call(SdkStyleService.JSON, Map.of("docid", item.getKey(), "status", "done")),
                        EMPTY_OBJECT);
                assertEquals("0", json(ack).getString("ErrorCode"), ack.text());
            }
        }
        assertEquals(List.of(), pendingForNghean());
    }

    @Test
    void fetchAllThenAcknowledgeAllAcknowledgesTheItemsNamedByDocid() throws Exception {
        String first = deliverOneDocumentToNghean("doc-a");
        String second = deliverOneDocumentToNghean("doc-b");
        SdkStyleService service = ngheanService();
        try (RawHttpConnection connection = new RawHttpConnection(sim.baseUri())) {
            for (String docId : List.of(first, second)) {
                connection.exchange("POST", "getEdoc", service.call(SdkStyleService.JSON, Map.of("docId", docId)),
                        EMPTY_OBJECT);
            }
            // The leftover docId names the second item; docid names the first.
            RawHttpConnection.Response ack = connection.exchange("POST", "updateStatus",
                    service.call(SdkStyleService.JSON, Map.of("docid", first, "status", "done")), EMPTY_OBJECT);
            assertEquals("0", json(ack).getString("ErrorCode"), ack.text());
            assertEquals(List.of(second), pendingForNghean());
        }
    }

    @Test
    void twoOtherSpellingsWithTwoValuesAreRefusedAndNothingIsAcknowledged() throws Exception {
        String first = deliverOneDocumentToNghean("doc-x");
        String second = deliverOneDocumentToNghean("doc-y");
        SdkStyleService service = ngheanService();
        try (RawHttpConnection connection = new RawHttpConnection(sim.baseUri())) {
            RawHttpConnection.Response ack = connection.exchange("POST", "updateStatus",
                    service.call(SdkStyleService.JSON, Map.of("docId", first, "DocID", second, "status", "done")),
                    EMPTY_OBJECT);
            assertEquals(200, ack.status());
            assertEquals("AMBIGUOUS_PARAMETER", json(ack).getString("ErrorCode"));
        }
        assertEquals(2, pendingForNghean().size(), "neither item acknowledged");
    }

    // ------------------------------------------------------------------------------------------- 4. smaller

    @Test
    void listWithoutMessageTypeAnswersBothKinds() throws Exception {
        try (AxisClient nghean = nghean(sim)) {
            nghean.sendEdoc(NGHEAN, List.of(), MessageType.STATUS, TestPackages.fixture("status.edxml"));
            nghean.sendEdoc(NGHEAN, List.of(), MessageType.EDOC,
                    TestPackages.document(tmp, NGHEAN, List.of(VPCP), "doc-to-vpcp", 0));
        }
        try (RawHttpConnection connection = new RawHttpConnection(sim.baseUri())) {
            RawHttpConnection.Response received = connection.exchange("POST", "getReceivedEdocList",
                    vpcpService().call(SdkStyleService.JSON, Map.of()), EMPTY_FORM);
            assertEquals("0", json(received).getString("ErrorCode"), received.text());
            assertEquals(List.of("edoc", "status"), messageTypes(json(received)));

            RawHttpConnection.Response sent = connection.exchange("POST", "getSentEdocList",
                    ngheanService().call(SdkStyleService.JSON, Map.of()), EMPTY_FORM);
            assertEquals(List.of("edoc", "status"), messageTypes(json(sent)));

            RawHttpConnection.Response invalid = connection.exchange("POST", "getReceivedEdocList",
                    vpcpService().call(SdkStyleService.JSON, Map.of("messagetype", "fax")), EMPTY_FORM);
            assertEquals("INVALID_MESSAGETYPE", json(invalid).getString("ErrorCode"));
        }
    }

    @Test
    void downloadOfAnUnknownItemIs404AndAKnownOneFollowsOnTheSameConnection() throws Exception {
        String docId = deliverOneDocumentToNghean("doc-dl");
        SdkStyleService service = ngheanService();
        try (RawHttpConnection connection = new RawHttpConnection(sim.baseUri())) {
            RawHttpConnection.Response missing = connection.exchange("GET", "downloadEdoc",
                    service.call(SdkStyleService.JSON, Map.of("docId", "000000000000000000000000",
                            "filePath", "/srv/store")), null);
            assertEquals(404, missing.status());
            assertEquals("NOT_FOUND", json(missing).getString("ErrorCode"));

            RawHttpConnection.Response found = connection.exchange("GET", "downloadEdoc",
                    service.call(SdkStyleService.JSON, Map.of("docId", docId)), null);
            assertEquals(200, found.status());
            assertTrue(found.text().startsWith("<?xml"), found.text());
        }
    }

    @Test
    void sentListCarriesTheNotationOfThePackage() throws Exception {
        try (AxisClient vpcp = vpcp(sim)) {
            vpcp.sendEdoc("000.00.00.A80", List.of(), MessageType.EDOC, TestPackages.fixture("edoc_new.edxml"));
        }
        try (RawHttpConnection connection = new RawHttpConnection(sim.baseUri())) {
            RawHttpConnection.Response sent = connection.exchange("POST", "getSentEdocList",
                    vpcpService().call(SdkStyleService.JSON, Map.of("servicetype", "eDoc", "messagetype", "edoc")),
                    EMPTY_FORM);
            JsonObject row = json(sent).getJsonArray("data").getJsonObject(0);
            assertEquals("74fass22/VPCP-TTĐT", row.getString("notation"));
        }
    }

    @Test
    void zonelessTimestampIsReadAsVietnamTime() throws Exception {
        try (AxisSimulator strict = AxisSimulator.start(twoSystems().timestampWindow(Duration.ofMinutes(5)).build());
             RawHttpConnection connection = new RawHttpConnection(strict.baseUri())) {
            SdkStyleService vietnam = new SdkStyleService("sys.vpcp", "secret-vpcp-test", ZonedDateTime.now(VIETNAM));
            RawHttpConnection.Response accepted = connection.exchange("POST", "countReceiveEdoc",
                    vietnam.call(SdkStyleService.JSON, Map.of()), EMPTY_OBJECT);
            assertEquals(200, accepted.status(), accepted.text());

            // The same instant written as UTC wall-clock time is seven hours off.
            SdkStyleService utc = new SdkStyleService("sys.vpcp", "secret-vpcp-test",
                    ZonedDateTime.now(ZoneOffset.UTC));
            RawHttpConnection.Response stale = connection.exchange("POST", "countReceiveEdoc",
                    utc.call(SdkStyleService.JSON, Map.of()), EMPTY_OBJECT);
            assertEquals(401, stale.status());
            assertEquals("STALE_TIMESTAMP", json(stale).getString("ErrorCode"));
        }
    }

    // ------------------------------------------------------------------------------------------- helpers

    private static SdkStyleService vpcpService() {
        return new SdkStyleService("sys.vpcp", "secret-vpcp-test", ZonedDateTime.now(VIETNAM));
    }

    private static SdkStyleService ngheanService() {
        return new SdkStyleService("sys.nghean", "secret-nghean-test", ZonedDateTime.now(VIETNAM));
    }

    private static Map<String, String> sendParameters(String from, String messageType, byte[] file)
            throws Exception {
        return Map.of("from", from, "servicetype", "eDoc", "messagetype", messageType,
                "hash-file", SdkStyleService.hashFile(file));
    }

    /** The SDK sends the file bytes followed by CRLF. */
    private static byte[] sdkBody(byte[] file) {
        byte[] body = java.util.Arrays.copyOf(file, file.length + 2);
        body[file.length] = '\r';
        body[file.length + 1] = '\n';
        return body;
    }

    /** A valid document well above the JDK server's 64 KB drain, padded with a comment after the root. */
    private byte[] bigDocument(String from, String to, String documentId) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(Files.readAllBytes(TestPackages.document(tmp, from, List.of(to), documentId, 0)));
        out.write("<!-- ".getBytes(StandardCharsets.US_ASCII));
        out.write("x".repeat(300 * 1024).getBytes(StandardCharsets.US_ASCII));
        out.write(" -->\n".getBytes(StandardCharsets.US_ASCII));
        return out.toByteArray();
    }

    private String deliverOneDocumentToNghean(String documentId) throws Exception {
        try (AxisClient vpcp = vpcp(sim)) {
            vpcp.sendEdoc(VPCP, List.of(), MessageType.EDOC,
                    TestPackages.document(tmp, VPCP, List.of(NGHEAN), documentId, 0));
        }
        try (AxisClient nghean = nghean(sim)) {
            return nghean.getReceivedEdocList(MessageType.EDOC).stream()
                    .filter(item -> sim.deliveries().submission(sim.deliveries().find("sys.nghean", item.docId())
                            .orElseThrow().submissionId).facts().documentId().equals(documentId))
                    .findFirst().orElseThrow().docId();
        }
    }

    private List<String> pendingForNghean() throws Exception {
        try (AxisClient nghean = nghean(sim)) {
            return nghean.getReceivedEdocList(MessageType.EDOC).stream().map(item -> item.docId()).toList();
        }
    }

    /** The MessageHeader/DocumentId of the package in a getEdoc answer. */
    private static String documentIdOf(RawHttpConnection.Response getEdoc) {
        String xml = new String(java.util.Base64.getDecoder().decode(json(getEdoc).getString("data")),
                StandardCharsets.UTF_8);
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("<edXML:DocumentId>([^<]*)</edXML:DocumentId>")
                .matcher(xml);
        return m.find() ? m.group(1) : null;
    }

    private static List<String> messageTypes(JsonObject answer) {
        return answer.getJsonArray("data").stream().map(JsonValue::asJsonObject)
                .map(o -> o.getString("messageType")).collect(Collectors.toList());
    }

    private static JsonObject json(RawHttpConnection.Response response) {
        try (JsonReader reader = Json.createReader(new StringReader(response.text()))) {
            return reader.readObject();
        }
    }

    private static void assertAscii(byte[] body) {
        for (byte b : body) {
            assertTrue(b >= 0x20 && b < 0x7f, "sendEdoc answers stay ASCII: " + new String(body,
                    StandardCharsets.UTF_8));
        }
    }
}
