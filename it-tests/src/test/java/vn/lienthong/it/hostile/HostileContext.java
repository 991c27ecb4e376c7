package vn.lienthong.it.hostile;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.StringReader;
import java.net.URL;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ThreadLocalRandom;
import java.util.stream.Stream;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonValue;

import vn.lienthong.it.support.AxisSimulatorExtension;
import vn.lienthong.it.support.DemoClient;
import vn.lienthong.it.support.Documents;
import vn.lienthong.it.support.LegacyMessages;
import vn.lienthong.it.support.RawHttp;
import vn.lienthong.ws.exchange.v1.DocumentExchangePort;
import vn.lienthong.ws.exchange.v1.GetDocumentStatus;
import vn.lienthong.ws.exchange.v1.SubmitDocument;

/**
 * The live adapter as the hostile suite sees it: where it listens, the credentials a legitimate operator has
 * (demo client, admin bearer token, old-protocol tokens), a document that exists, and the black-box views used to
 * prove a refusal left nothing behind — store counts and audit entries ({@code /admin/store/counts},
 * {@code /admin/audit}) and what the axis simulator received.
 */
public final class HostileContext {

    /** Organisations nobody here may act for, and one whose old-protocol token the lockout scenario burns. */
    public static final String OTHER_ORGAN = "000.00.00.H49";
    public static final String LOCKOUT_ORGAN = "000.00.00.G23";
    public static final String SUBMIT = "urn:lienthong:exchange:1:SubmitDocument";
    public static final String STATUS = "urn:lienthong:exchange:1:GetDocumentStatus";
    public static final String NS = "urn:lienthong:exchange:1";

    public final URL server;
    public final String root;
    public final DemoClient demo;
    public final String adminToken;
    public final String legacyToken;
    public final String lockoutToken;
    public final String knownDocumentId;
    private final DocumentExchangePort service;

    private HostileContext(URL base, DemoClient demo, DocumentExchangePort service) throws Exception {
        this.server = new URL(base.getProtocol(), base.getHost(), base.getPort(), "/");
        String path = base.getPath();
        this.root = path.endsWith("/") ? path.substring(0, path.length() - 1) : path;
        this.demo = demo;
        this.service = service;
        this.adminToken = Files.readString(AxisSimulatorExtension.dataDir().resolve("admin-token")).trim();
        this.legacyToken = issueToken(demo.organId());
        this.lockoutToken = issueToken(LOCKOUT_ORGAN);
        SubmitDocument valid = Documents.newDocument(demo.organId(), AxisSimulatorExtension.COUNTERPART_ORGAN);
        this.knownDocumentId = service.submitDocument(valid).getDocumentId();
        awaitQuiet();
    }

    /** Prepares the context once: tokens issued, one document submitted and delivered, the adapter quiet. */
    public static HostileContext prepare(URL base, DemoClient demo, DocumentExchangePort service) throws Exception {
        return new HostileContext(base, demo, service);
    }

    // ------------------------------------------------------------------ requests

    public String path(Face face) {
        return root + face.path();
    }

    /** A SOAP 1.1 request to the WS-Security service, SOAPAction quoted as CXF clients send it. */
    public RawHttp.Answer ws(Face face, String soapAction, String envelope) throws IOException {
        RawHttp r = RawHttp.request("POST", path(face)).header("Content-Type", "text/xml; charset=UTF-8");
        if (soapAction != null) {
            r.header("SOAPAction", "\"" + soapAction + "\"");
        }
        return r.body(envelope).send(server);
    }

    /** An old-protocol request: unquoted SOAPAction, {@code text/xml}. */
    public RawHttp.Answer legacy(String soapAction, String envelope) throws IOException {
        return legacy(soapAction, "text/xml; charset=utf-8", envelope.getBytes(StandardCharsets.UTF_8));
    }

    public RawHttp.Answer legacy(String soapAction, String contentType, byte[] body) throws IOException {
        RawHttp r = RawHttp.request("POST", path(Face.LEGACY)).header("Content-Type", contentType);
        if (soapAction != null) {
            r.header("SOAPAction", soapAction);
        }
        return r.body(body).send(server);
    }

    /** An admin call; {@code authorization} null sends none. */
    public RawHttp.Answer admin(String method, String pathAndQuery, String authorization) throws IOException {
        RawHttp r = RawHttp.request(method, root + "/admin/" + pathAndQuery);
        if (authorization != null) {
            r.header("Authorization", authorization);
        }
        return r.send(server);
    }

    public String bearer() {
        return "Bearer " + adminToken;
    }

    public String basicDemo() {
        return basic(demo.username(), demo.password());
    }

    public static String basic(String user, String password) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    }

    /** A token-issue request (form fields already encoded or not, as the scenario wants them on the wire). */
    public RawHttp.Answer issue(String authorization, String form) throws IOException {
        RawHttp r = RawHttp.request("POST", path(Face.TOKEN_ISSUE))
                .header("Content-Type", "application/x-www-form-urlencoded");
        if (authorization != null) {
            r.header("Authorization", authorization);
        }
        return r.body(form).send(server);
    }

    public static String form(String name, String value) {
        return name + "=" + URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    public static String uniqueNumber() {
        return Integer.toString(ThreadLocalRandom.current().nextInt(1, 99_999_999));
    }

    /** The body of a GetDocumentStatus request. */
    public static String statusXml(String fromOrganId, String documentId) {
        return "<x:GetDocumentStatus xmlns:x=\"" + NS + "\"><x:fromOrganId>" + fromOrganId + "</x:fromOrganId>"
                + "<x:documentId>" + xmlText(documentId) + "</x:documentId></x:GetDocumentStatus>";
    }

    public static String xmlText(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }

    private String issueToken(String organId) throws IOException {
        RawHttp.Answer a = issue(bearer(), form("organId", organId));
        assertEquals(200, a.status(), a.toString());
        return a.body().replaceAll("(?s).*token=([^\\n]+)\\n.*", "$1");
    }

    // ------------------------------------------------------------------ black-box views

    /** Row counts of the store, plus the files the adapter keeps outside its database (attachments, packages). */
    public Map<String, Long> stored() throws IOException {
        RawHttp.Answer a = admin("GET", "store/counts", bearer());
        assertEquals(200, a.status(), "store counts: " + a);
        Map<String, Long> counts = new TreeMap<>();
        try (JsonReader r = Json.createReader(new StringReader(a.body()))) {
            r.readObject().forEach((k, v) -> counts.put(k, ((jakarta.json.JsonNumber) v).longValue()));
        }
        counts.put("files outside the database", filesOutsideDatabase());
        return counts;
    }

    private static long filesOutsideDatabase() throws IOException {
        Path data = AxisSimulatorExtension.dataDir();
        try (Stream<Path> files = Files.walk(data)) {
            return files.filter(Files::isRegularFile)
                    .map(data::relativize)
                    .filter(p -> !p.startsWith("db") && !p.startsWith("tmp") && !p.startsWith("logs"))
                    .count();
        }
    }

    /** Packages the axis simulator received from the adapter's system. */
    public long sentToAxis() throws IOException {
        URL state = new URL(AxisSimulatorExtension.simulator().adminUri().toString() + "state");
        RawHttp.Answer a = RawHttp.request("GET", state.getPath()).send(state);
        try (JsonReader r = Json.createReader(new StringReader(a.body()))) {
            return r.readObject().getJsonArray("submissions").stream()
                    .map(JsonValue::asJsonObject)
                    .filter(s -> AxisSimulatorExtension.ADAPTER_SYSTEM.equals(s.getString("senderSystem")))
                    .count();
        }
    }

    public long auditHead() throws IOException {
        return auditPage(Long.MAX_VALUE - 1, 0).getJsonNumber("headSeq").longValue();
    }

    /** Audit entries written after position {@code seq}, oldest first. */
    public List<JsonObject> auditAfter(long seq) throws IOException {
        return auditPage(seq, 1000).getJsonArray("entries").stream().map(JsonValue::asJsonObject).toList();
    }

    private JsonObject auditPage(long after, int limit) throws IOException {
        RawHttp.Answer a = admin("GET", "audit?after=" + after + "&limit=" + limit, bearer());
        assertEquals(200, a.status(), "audit read: " + a);
        try (JsonReader r = Json.createReader(new StringReader(a.body()))) {
            return r.readObject();
        }
    }

    /** The adapter still serves a legitimate client of the face the attack used (read-only, stores nothing). */
    public void stillServes(Face face) throws Exception {
        switch (face) {
            case WS_SIGNED, WS_TLS -> {
                GetDocumentStatus q = new GetDocumentStatus();
                q.setFromOrganId(demo.organId());
                q.setDocumentId(knownDocumentId);
                assertEquals(knownDocumentId, service.getDocumentStatus(q).getDocumentId());
            }
            case LEGACY -> {
                RawHttp.Answer a = legacy("CheckPermission", LegacyMessages.checkPermission(demo.organId(), legacyToken));
                assertTrue(a.status() == 200 && a.body().contains("<edXML:IsSuccess>true</edXML:IsSuccess>"),
                        "a valid CheckPermission still succeeds: " + a);
            }
            case TOKEN_ISSUE, ADMIN -> assertEquals(200, admin("GET", "audit/verify", bearer()).status());
        }
    }

    /** Waits until the outbox has delivered everything and the counts stand still (bounded). */
    public void awaitQuiet() throws Exception {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(60));
        Map<String, Long> last = null;
        long lastSent = -1;
        while (Instant.now().isBefore(deadline)) {
            Map<String, Long> now = stored();
            long sent = sentToAxis();
            boolean delivered = sent >= now.get("documents") - now.get("receivedPackages");
            if (delivered && now.equals(last) && sent == lastSent) {
                return;
            }
            last = now;
            lastSent = sent;
            Thread.sleep(700); // polling interval, bounded by the deadline
        }
        throw new AssertionError("The adapter did not settle: " + last + ", sent to the axis " + lastSent);
    }
}
