package vn.lienthong.axis.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpServer;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** How answers the simulator never gives are classified, against a tiny canned-answer server. */
class AxisClientAnswerHandlingTest {

    private final Map<String, Object[]> answers = new ConcurrentHashMap<>();
    private final Map<String, Map<String, String>> seenHeaders = new ConcurrentHashMap<>();
    private final Map<String, Map<String, List<String>>> allHeaders = new ConcurrentHashMap<>();
    private HttpServer server;
    private AxisClient client;

    @BeforeEach
    void start() throws Exception {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", exchange -> {
            String op = exchange.getRequestURI().getPath().substring(1);
            Map<String, String> headers = new java.util.TreeMap<>(String.CASE_INSENSITIVE_ORDER);
            exchange.getRequestHeaders().forEach((k, v) -> headers.put(k, v.get(0)));
            // The server's Headers merges names that differ only in case: two spellings = two values.
            allHeaders.put(op, Map.copyOf(exchange.getRequestHeaders()));
            headers.put("method", exchange.getRequestMethod());
            headers.put("body", new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.ISO_8859_1));
            seenHeaders.put(op, headers);
            Object[] answer = answers.getOrDefault(op, new Object[] {404, "{}"});
            byte[] body = ((String) answer[1]).getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders((Integer) answer[0], body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        });
        server.start();
        client = AxisClient.create(new AxisClientConfig(URI.create("http://127.0.0.1:" + server.getAddress().getPort()),
                "sys", "secret", Duration.ofSeconds(1), Duration.ofSeconds(2)));
    }

    @AfterEach
    void stop() {
        client.close();
        server.stop(0);
    }

    @Test
    void garbageOrTruncatedAnswersAreTransportFailures() {
        answers.put("countReceiveEdoc", new Object[] {200, "<html>proxy error</html>"});
        assertThrows(AxisTransportException.class, client::countReceiveEdoc);
        answers.put("countReceiveStatus", new Object[] {200, "{\"status\":\"OK\",\"ErrorCode\":\"0\",\"count\""});
        assertThrows(AxisTransportException.class, client::countReceiveStatus);
    }

    @Test
    void unexpected4xxIsARejectionAnd401AnAuthenticationFailure() {
        AxisRejectedException notFound = assertThrows(AxisRejectedException.class, client::countReceiveEdoc);
        assertEquals("HTTP_404", notFound.errorCode());
        answers.put("countReceiveStatus", new Object[] {401, "not json"});
        AxisAuthenticationException auth = assertThrows(AxisAuthenticationException.class, client::countReceiveStatus);
        assertEquals(401, auth.httpStatus());
    }

    @Test
    void requestsHaveTheShapeTheSdkSends(@TempDir Path tmp) throws Exception {
        answers.put("sendEdoc", new Object[] {200, "{\"status\":\"OK\",\"ErrorCode\":\"0\",\"DocId\":\"abc\"}"});
        answers.put("getReceivedEdocList", new Object[] {200, "{\"status\":\"OK\",\"ErrorCode\":\"0\",\"data\":[]}"});
        answers.put("downloadEdoc", new Object[] {200, "<edXML/>"});
        Path file = Files.writeString(tmp.resolve("p.edxml"), "<edXML/>");

        assertEquals("abc", client.sendEdoc("000.00.00.G22", List.of("000.00.00.H41"), MessageType.EDOC, file).docId());
        Map<String, String> send = seenHeaders.get("sendEdoc");
        assertEquals("<edXML/>\r\n", send.get("body"));
        assertEquals("application/octet-stream", send.get("Content-Type"));
        assertEquals("8d55f6c7bf7cd534cf27a10e1bb5731c68279c3cb991cf4844774c685b3758", send.get("XroadVnpt-hash-file"));
        assertEquals("[\"000.00.00.H41\"]", send.get("XroadVnpt-to"));
        assertTrue(send.get("XroadVnpt-sign-header-key").contains("hash-file"));

        client.getReceivedEdocList(MessageType.STATUS);
        Map<String, String> list = seenHeaders.get("getReceivedEdocList");
        assertEquals("POST", list.get("method"));
        assertEquals("", list.get("body"));
        assertEquals("application/json", list.get("Content-Type"));
        assertEquals("status", list.get("XroadVnpt-messagetype"));
        assertEquals("eDoc", list.get("XroadVnpt-servicetype"));

        assertEquals(8, client.downloadEdoc("d1", tmp.resolve("d1.edxml")).size());
        assertEquals("GET", seenHeaders.get("downloadEdoc").get("method"));
        assertEquals("d1", seenHeaders.get("downloadEdoc").get("XroadVnpt-docId"));
    }

    @Test
    void sendEdocRefusalWithAnEmptyOrMissingDocIdIsARejection(@TempDir Path tmp) throws Exception {
        Path file = Files.writeString(tmp.resolve("p.edxml"), "<edXML/>");
        answers.put("sendEdoc", new Object[] {200,
                "{\"status\":\"FAIL\",\"ErrorCode\":\"FROM_NOT_SERVED\",\"ErrorDesc\":\"no\",\"DocId\":\"\"}"});
        AxisRejectedException empty = assertThrows(AxisRejectedException.class,
                () -> client.sendEdoc("000.00.00.G22", List.of(), MessageType.EDOC, file));
        assertEquals("FROM_NOT_SERVED", empty.errorCode());
        assertFalse(empty.isRetryable());

        answers.put("sendEdoc", new Object[] {200, "{\"status\":\"FAIL\",\"ErrorCode\":\"HASH_MISMATCH\"}"});
        assertEquals("HASH_MISMATCH", assertThrows(AxisRejectedException.class,
                () -> client.sendEdoc("000.00.00.G22", List.of(), MessageType.EDOC, file)).errorCode());

        answers.put("sendEdoc", new Object[] {401,
                "{\"status\":\"FAIL\",\"ErrorCode\":\"BAD_SIGNATURE\",\"ErrorDesc\":\"x\",\"DocId\":\"\"}"});
        assertEquals("BAD_SIGNATURE", assertThrows(AxisAuthenticationException.class,
                () -> client.sendEdoc("000.00.00.G22", List.of(), MessageType.EDOC, file)).errorCode());

        // Success without an id: unknown outcome, retried with the same bytes like a timeout.
        answers.put("sendEdoc", new Object[] {200, "{\"status\":\"OK\",\"ErrorCode\":\"0\",\"DocId\":\"\"}"});
        assertTrue(assertThrows(AxisTransportException.class,
                () -> client.sendEdoc("000.00.00.G22", List.of(), MessageType.EDOC, file)).isRetryable());
    }

    @Test
    void downloadAnswerThatIsNotAPackageIsAFailureAndLeavesNoFile(@TempDir Path tmp) {
        Path target = tmp.resolve("in/d1.edxml");
        answers.put("downloadEdoc", new Object[] {200,
                "{\"status\":\"FAIL\",\"ErrorCode\":\"NOT_FOUND\",\"ErrorDesc\":\"no item\"}"});
        assertEquals("NOT_FOUND", assertThrows(AxisRejectedException.class,
                () -> client.downloadEdoc("d1", target)).errorCode());
        assertFalse(Files.exists(target));

        answers.put("downloadEdoc", new Object[] {200, "{\"status\":\"OK\",\"ErrorCode\":\"0\"}"});
        assertThrows(AxisTransportException.class, () -> client.downloadEdoc("d1", target));
        assertFalse(Files.exists(target), "a JSON answer is never saved as a package");

        answers.put("downloadEdoc", new Object[] {200, ""});
        assertThrows(AxisTransportException.class, () -> client.downloadEdoc("d1", target));
        assertFalse(Files.exists(target), "nor is an empty answer");

        answers.put("downloadEdoc", new Object[] {404, "{\"status\":\"FAIL\",\"ErrorCode\":\"NOT_FOUND\"}"});
        assertEquals("NOT_FOUND", assertThrows(AxisRejectedException.class,
                () -> client.downloadEdoc("d1", target)).errorCode());
        assertFalse(Files.exists(target));
    }

    @Test
    void noOperationSendsAHeaderTwiceOrInTwoSpellings(@TempDir Path tmp) throws Exception {
        String ok = "{\"status\":\"OK\",\"ErrorCode\":\"0\"";
        answers.put("sendEdoc", new Object[] {200, ok + ",\"DocId\":\"abc\"}"});
        answers.put("getEdoc", new Object[] {200, ok + ",\"data\":\"PGVkWE1MLz4=\"}"});
        answers.put("downloadEdoc", new Object[] {200, "<edXML/>"});
        for (String op : List.of("getReceivedEdocList", "getSentEdocList", "getAgenciesList", "getAgenciesListQD20")) {
            answers.put(op, new Object[] {200, ok + ",\"data\":[]}"});
        }
        answers.put("updateStatus", new Object[] {200, ok + "}"});
        answers.put("countReceiveEdoc", new Object[] {200, ok + ",\"count\":\"0\"}"});
        answers.put("countReceiveStatus", new Object[] {200, ok + ",\"count\":0}"});
        Path file = Files.writeString(tmp.resolve("p.edxml"), "<edXML/>");

        client.sendEdoc("000.00.00.G22", List.of("000.00.00.H41"), MessageType.STATUS, file);
        client.getReceivedEdocList(MessageType.EDOC);
        client.getEdoc("d1", tmp.resolve("g.edxml"));
        client.downloadEdoc("d1", tmp.resolve("d.edxml"));
        client.updateStatus("d1", AckStatus.DONE);
        client.getSentEdocList(MessageType.EDOC, "d1");
        client.getAgenciesList(agency -> { });
        client.getAgenciesListQD20("1", agency -> { });
        client.countReceiveEdoc();
        client.countReceiveStatus();

        assertEquals(10, allHeaders.size());
        allHeaders.forEach((op, headers) -> headers.forEach((name, values) ->
                assertEquals(1, values.size(), op + " sent " + name + " " + values.size() + " times")));
        assertEquals(List.of("d1"), allHeaders.get("updateStatus").get("Xroadvnpt-docid"));
    }
}
