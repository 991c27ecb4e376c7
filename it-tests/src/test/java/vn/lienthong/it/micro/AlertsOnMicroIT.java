package vn.lienthong.it.micro;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.StringReader;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.mail.internet.MimeMessage;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import com.sun.net.httpserver.HttpServer;

import vn.lienthong.axis.client.MessageType;
import vn.lienthong.axis.simulator.AxisSimulator;
import vn.lienthong.axis.simulator.FaultMode;
import vn.lienthong.axis.simulator.FaultRule;
import vn.lienthong.edxml.model.Organization;
import vn.lienthong.edxml.model.ResponseFor;
import vn.lienthong.edxml.model.StaffInfo;
import vn.lienthong.edxml.model.StatusPackage;
import vn.lienthong.edxml.pki.DemoPki;
import vn.lienthong.edxml.write.EdxmlWriter;
import vn.lienthong.it.support.AdapterOnMicro;
import vn.lienthong.it.support.Await;
import vn.lienthong.it.support.AxisSimulatorExtension;
import vn.lienthong.it.support.CounterpartSystem;
import vn.lienthong.it.support.Documents;
import vn.lienthong.ws.exchange.v1.AcknowledgeIncoming;
import vn.lienthong.ws.exchange.v1.InboxEntry;
import vn.lienthong.ws.exchange.v1.InboxKind;
import vn.lienthong.ws.exchange.v1.ListIncoming;
import vn.lienthong.ws.exchange.v1.SubmitDocument;

/**
 * Alerts on the real adapter (issue 13): a silent counterpart, an axis outage, an uncollected inbox and a key near
 * expiry each reach the organisation's contacts — registered through {@code /admin/alerts/contacts} — by e-mail
 * (a real SMTP server, GreenMail, on {@code it.smtp.port}) and by webhook (the JDK's HTTP server) exactly once,
 * and then their resolution exactly once. Thresholds are tiny (arquillian.xml: 8 s, 3 s) and rounds run every 2 s.
 */
class AlertsOnMicroIT extends AdapterOnMicro {

    private static final Duration WAIT = Duration.ofSeconds(120);
    /** Several alert rounds (every 2 s): a duplicate would have arrived by then. */
    private static final Duration SETTLE = Duration.ofSeconds(7);

    private static GreenMail smtp;
    private static HttpServer hooks;
    private static final List<JsonObject> clerkHook = new CopyOnWriteArrayList<>();
    private static final List<JsonObject> techHook = new CopyOnWriteArrayList<>();
    private static boolean contactsCreated;

    private final HttpClient http = HttpClient.newHttpClient();
    private final AxisSimulator sim = AxisSimulatorExtension.simulator();

    @BeforeAll
    static void servers() throws IOException {
        smtp = new GreenMail(new ServerSetup(Integer.getInteger("it.smtp.port"), "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        smtp.start();
        hooks = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        hooks.createContext("/clerk", ex -> {
            clerkHook.add(json(new String(ex.getRequestBody().readAllBytes(), StandardCharsets.UTF_8)));
            ex.sendResponseHeaders(204, -1);
            ex.close();
        });
        hooks.createContext("/tech", ex -> {
            techHook.add(json(new String(ex.getRequestBody().readAllBytes(), StandardCharsets.UTF_8)));
            ex.sendResponseHeaders(204, -1);
            ex.close();
        });
        hooks.start();
    }

    @AfterAll
    static void stopServers() {
        if (smtp != null) {
            smtp.stop();
        }
        if (hooks != null) {
            hooks.stop(0);
        }
    }

    @BeforeEach
    void contacts() throws Exception {
        if (contactsCreated) {
            return;
        }
        String hookBase = "http://127.0.0.1:" + hooks.getAddress().getPort();
        HttpResponse<String> clerk = admin("POST", "alerts/contacts", "{\"organId\":\"" + demo.organId()
                + "\",\"role\":\"RECORDS_CLERK\",\"name\":\"Văn thư\",\"email\":\"vanthu@g22.test\","
                + "\"webhookUrl\":\"" + hookBase + "/clerk\"}");
        assertEquals(201, clerk.statusCode(), clerk.body());
        HttpResponse<String> tech = admin("POST", "alerts/contacts", "{\"organId\":\"" + demo.organId()
                + "\",\"role\":\"TECHNICAL\",\"name\":\"Kỹ thuật\",\"email\":\"kythuat@g22.test\","
                + "\"webhookUrl\":\"" + hookBase + "/tech\"}");
        assertEquals(201, tech.statusCode(), tech.body());
        HttpResponse<String> bad = admin("POST", "alerts/contacts", "{\"organId\":\"" + demo.organId()
                + "\",\"role\":\"TECHNICAL\",\"name\":\"X\",\"email\":\"not an address\"}");
        assertEquals(400, bad.statusCode());
        assertEquals("M.email", json(bad.body()).getString("code"));
        contactsCreated = true;
    }

    @AfterEach
    void axisBack() {
        sim.faults().clear();
    }

    @Test
    void aSilentCounterpartIsReportedOnceAndClearsWhenItAnswers() throws Exception {
        SubmitDocument request = Documents.newDocument(demo.organId(), AxisSimulatorExtension.COUNTERPART_ORGAN);
        request.getDocument().setSubject("V/v thử nghiệm cảnh báo đơn vị im lặng");
        String documentId = service.submitDocument(request).getDocumentId();
        String key = "no-arrival|" + documentRef(documentId) + "/" + AxisSimulatorExtension.COUNTERPART_ORGAN;
        expectRaisedOnce(key, clerkHook, "vanthu@g22.test");

        // The clerk acknowledges it: no reminders; it is still resolved (and that notified) when the 01 comes.
        String alertId = alertIdOf(key);
        HttpResponse<String> ack = admin("POST", "alerts/" + alertId + "/acknowledge", "");
        assertEquals(200, ack.statusCode(), ack.body());
        assertEquals("ACKNOWLEDGED", json(ack.body()).getString("state"));
        HttpResponse<String> again = admin("POST", "alerts/" + alertId + "/acknowledge", "");
        assertEquals(409, again.statusCode());
        assertEquals("ALERT.NOT_OPEN", json(again.body()).getString("code"));
        HttpResponse<String> unknown = admin("POST", "alerts/no-such-alert/acknowledge", "");
        assertEquals(404, unknown.statusCode());
        assertEquals("ALERT.NOT_FOUND", json(unknown.body()).getString("code"));

        answer01(request, documentId);
        expectResolvedOnce(key, clerkHook, "vanthu@g22.test");
        assertEquals("RESOLVED", json(admin("GET", "alerts/" + alertId, null).body()).getString("state"));
    }

    @Test
    void contactsAreCreatedReadUpdatedAndDeletedWithCodedRefusals() throws Exception {
        HttpResponse<String> created = admin("POST", "alerts/contacts", "{\"organId\":\"000.00.00.H99\","
                + "\"role\":\"TECHNICAL\",\"name\":\"Kỹ thuật H99\",\"email\":\"kt@h99.test\"}");
        assertEquals(201, created.statusCode(), created.body());
        String id = json(created.body()).getString("id");
        HttpResponse<String> updated = admin("PUT", "alerts/contacts/" + id, "{\"organId\":\"000.00.00.H99\","
                + "\"role\":\"RECORDS_CLERK\",\"name\":\"Văn thư H99\",\"email\":\"vt@h99.test\"}");
        assertEquals(200, updated.statusCode(), updated.body());
        assertEquals("RECORDS_CLERK", json(updated.body()).getString("role"));
        HttpResponse<String> badHook = admin("PUT", "alerts/contacts/" + id, "{\"organId\":\"000.00.00.H99\","
                + "\"role\":\"TECHNICAL\",\"name\":\"X\",\"email\":\"x@h99.test\",\"webhookUrl\":\"file:///etc/passwd\"}");
        assertEquals(400, badHook.statusCode());
        assertEquals("M.webhookUrl", json(badHook.body()).getString("code"));
        HttpResponse<String> notJson = admin("POST", "alerts/contacts", "<contact/>");
        assertEquals(400, notJson.statusCode());
        assertEquals("M.body", json(notJson.body()).getString("code"));
        JsonObject listed = json(admin("GET", "alerts/contacts?organ=000.00.00.H99", null).body());
        assertEquals(1, listed.getJsonArray("contacts").size());
        assertEquals("vt@h99.test", listed.getJsonArray("contacts").getJsonObject(0).getString("email"));
        assertEquals(204, admin("DELETE", "alerts/contacts/" + id, "").statusCode());
        HttpResponse<String> gone = admin("DELETE", "alerts/contacts/" + id, "");
        assertEquals(404, gone.statusCode());
        assertEquals("ALERT.CONTACT_NOT_FOUND", json(gone.body()).getString("code"));
        HttpResponse<String> noToken = http.send(HttpRequest.newBuilder(URI.create(base + "admin/alerts")).GET()
                .build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(401, noToken.statusCode());
    }

    private String alertIdOf(String key) throws Exception {
        for (var v : json(admin("GET", "alerts?state=OPEN", null).body()).getJsonArray("alerts")) {
            if (v.asJsonObject().getString("key").equals(key)) {
                return v.asJsonObject().getString("id");
            }
        }
        throw new AssertionError("no open alert " + key);
    }

    @Test
    void anAxisOutageIsReportedOnceAndClearsWhenTheAxisIsBack() throws Exception {
        sim.faults().add(FaultRule.of(FaultMode.DOWN));
        SubmitDocument request = Documents.newDocument(demo.organId(), AxisSimulatorExtension.PLAYED_ORGAN);
        request.getDocument().setSubject("V/v thử nghiệm cảnh báo trục");
        service.submitDocument(request);
        String key = "axis-outage|http://127.0.0.1:" + Integer.getInteger("it.axis.port") + "/";
        expectRaisedOnce(key, techHook, "kythuat@g22.test");

        sim.faults().clear();
        expectResolvedOnce(key, techHook, "kythuat@g22.test");
    }

    @Test
    void anUncollectedInboxIsReportedOnceAndClearsWhenTheClientCollects() throws Exception {
        String number = Long.toString(System.nanoTime() % 1_000_000_000L);
        try (CounterpartSystem counterpart = new CounterpartSystem()) {
            counterpart.send(demo.organId(), number, "%PDF-1.4\nalert\n".getBytes(StandardCharsets.US_ASCII), 0);
        }
        String key = "inbox-uncollected|" + demo.organId();
        expectRaisedOnce(key, clerkHook, "vanthu@g22.test");

        for (InboxEntry item : pending()) {
            AcknowledgeIncoming ack = new AcknowledgeIncoming();
            ack.setOrganId(demo.organId());
            ack.setItemId(item.getItemId());
            service.acknowledgeIncoming(ack);
        }
        expectResolvedOnce(key, clerkHook, "vanthu@g22.test");
    }

    @Test
    void aKeyNearExpiryIsReportedOnceAndClearsWhenItIsReplaced() throws Exception {
        Path keys = AxisSimulatorExtension.dataDir().resolve("keys");
        char[] password = Files.readString(keys.resolve("keystore.password")).trim().toCharArray();
        DemoPki ca = DemoPki.newCa("Alert IT CA");
        var soon = ca.issueRsa("localhost", Duration.ofDays(10));
        Path tls = keys.resolve("tls.p12");
        soon.writePkcs12(keys.resolve("tls.p12.new"), "tls", password);
        Files.move(keys.resolve("tls.p12.new"), tls, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        String key = "key-expiry|TLS certificate:" + soon.certificate().getSerialNumber().toString(16);
        expectRaisedOnce(key, techHook, "kythuat@g22.test");

        ca.issueRsa("localhost", Duration.ofDays(400)).writePkcs12(keys.resolve("tls.p12.new"), "tls", password);
        Files.move(keys.resolve("tls.p12.new"), tls, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        expectResolvedOnce(key, techHook, "kythuat@g22.test");
    }

    // ---- checks ----------------------------------------------------------------------------------------------

    private void expectRaisedOnce(String key, List<JsonObject> hook, String address) throws Exception {
        Await.until(key + " by webhook", WAIT, () -> Optional.of(count(hook, key, "RAISED")).filter(n -> n > 0));
        Await.until(key + " by e-mail", WAIT, () -> Optional.of(mails(address, key, "CẢNH BÁO")).filter(n -> n > 0));
        Thread.sleep(SETTLE.toMillis()); // let more rounds pass: nothing may come twice
        assertEquals(1, count(hook, key, "RAISED"), key + ": webhook notices " + hook);
        assertEquals(1, mails(address, key, "CẢNH BÁO"), key + ": e-mails");
        JsonObject listed = json(admin("GET", "alerts?rule=" + key.substring(0, key.indexOf('|')), null).body());
        assertTrue(listed.getJsonArray("alerts").stream().map(v -> v.asJsonObject())
                .anyMatch(a -> a.getString("key").equals(key) && a.getString("state").equals("OPEN")),
                "listed as open: " + listed);
    }

    private void expectResolvedOnce(String key, List<JsonObject> hook, String address) throws Exception {
        Await.until(key + " resolved by webhook", WAIT,
                () -> Optional.of(count(hook, key, "RESOLVED")).filter(n -> n > 0));
        Await.until(key + " resolved by e-mail", WAIT,
                () -> Optional.of(mails(address, key, "ĐÃ KHẮC PHỤC")).filter(n -> n > 0));
        Thread.sleep(SETTLE.toMillis());
        assertEquals(1, count(hook, key, "RESOLVED"), key + ": resolved webhook notices");
        assertEquals(1, mails(address, key, "ĐÃ KHẮC PHỤC"), key + ": resolved e-mails");
        assertEquals(1, count(hook, key, "RAISED"), key + ": still raised once");
        assertEquals(1, mails(address, key, "CẢNH BÁO"), key + ": still one alert e-mail");
    }

    private static long count(List<JsonObject> hook, String key, String notice) {
        return hook.stream().filter(j -> key.equals(j.getString("key")) && notice.equals(j.getString("notice")))
                .count();
    }

    private static long mails(String address, String key, String subjectPart) throws Exception {
        long n = 0;
        for (MimeMessage m : smtp.getReceivedMessages()) {
            String to = m.getAllRecipients()[0].toString();
            String body = (String) m.getContent();
            // "CẢNH BÁO / ALERT" and "NHẮC LẠI CẢNH BÁO" differ: a reminder would not count as the first notice.
            if (to.equals(address) && m.getSubject().startsWith("[Liên thông] " + subjectPart)
                    && body.contains("(" + key + ")")) {
                n++;
            }
        }
        return n;
    }

    // ---- the adapter and the counterpart ---------------------------------------------------------------------

    private HttpResponse<String> admin(String method, String path, String json) throws Exception {
        String token = Files.readString(AxisSimulatorExtension.dataDir().resolve("admin-token")).trim();
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base.toString() + "admin/" + path))
                .header("Authorization", "Bearer " + token);
        if (json == null) {
            b = b.GET();
        } else if (method.equals("DELETE")) {
            b = b.DELETE();
        } else {
            b = b.header("Content-Type", "application/json")
                    .method(method, HttpRequest.BodyPublishers.ofString(json, StandardCharsets.UTF_8));
        }
        return http.send(b.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    /** The adapter's own id of the document (the alert's subject), from its admin-visible alert list. */
    private String documentRef(String documentId) throws Exception {
        return Await.until("the document's alert", WAIT, () -> {
            for (var v : json(admin("GET", "alerts?rule=no-arrival&organ=" + demo.organId(), null).body())
                    .getJsonArray("alerts")) {
                JsonObject a = v.asJsonObject();
                if (a.getString("messageEn").contains("Document " + documentId + " ")) {
                    return Optional.of(a.getString("subject").substring(0, a.getString("subject").indexOf('/')));
                }
            }
            return Optional.empty();
        });
    }

    /** The counterpart answers 01 (arrived) through the axis, as its own system would. */
    private static void answer01(SubmitDocument request, String documentId) throws Exception {
        var d = request.getDocument();
        StatusPackage status = new StatusPackage(Organization.of(AxisSimulatorExtension.COUNTERPART_ORGAN, null),
                new ResponseFor(d.getFromOrganId(), d.getCodeNumber() + "/" + d.getCodeNotation(), documentId,
                        LocalDate.of(2026, 11, 23)),
                new StaffInfo(null, null, "Văn thư", null, null, null), "01", "Đã đến",
                LocalDateTime.now().withNano(0));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        new EdxmlWriter().writeStatus(status, out);
        Path file = Files.createTempFile("status", ".edxml");
        try (CounterpartSystem counterpart = new CounterpartSystem()) {
            Files.write(file, out.toByteArray());
            counterpart.client().sendEdoc(AxisSimulatorExtension.COUNTERPART_ORGAN, List.of(d.getFromOrganId()),
                    MessageType.STATUS, file);
        } finally {
            Files.deleteIfExists(file);
        }
    }

    private List<InboxEntry> pending() throws Exception {
        ListIncoming q = new ListIncoming();
        q.setOrganId(demo.organId());
        q.setKind(InboxKind.DOCUMENT);
        return service.listIncoming(q).getItem();
    }

    private static JsonObject json(String s) {
        try (var r = Json.createReader(new StringReader(s))) {
            return r.readObject();
        }
    }
}
