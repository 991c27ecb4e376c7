package vn.lienthong.adapter.alerting.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.StringReader;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.mail.internet.MimeMessage;

import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import com.icegreen.greenmail.configuration.GreenMailConfiguration;
import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetupTest;
import com.sun.net.httpserver.HttpServer;

import vn.lienthong.adapter.alerting.entity.Notice;
import vn.lienthong.adapter.configuration.AlertSettings;
import vn.lienthong.adapter.store.TestStores;

/**
 * Delivery end to end outside the container: two nodes on one database evaluate and claim at the same time; a
 * real SMTP server (GreenMail, with SMTP authentication) and a real local HTTP server (the JDK's) must receive
 * each alert exactly once — to the operators and to the organisation's records clerk — and then the resolution
 * exactly once. The clerk's webhook first answers 503 once, so a bounded retry is exercised.
 */
class AlertDeliveryTest {

    private static final String SMTP_PASSWORD = "smtp-Pa55-never-in-a-mail";

    @RegisterExtension
    static GreenMailExtension smtp = new GreenMailExtension(ServerSetupTest.SMTP.dynamicPort())
            .withConfiguration(GreenMailConfiguration.aConfig().withUser("alerts", SMTP_PASSWORD));

    @TempDir
    Path dir;

    private HttpServer http;
    private final List<String> opsHook = new CopyOnWriteArrayList<>();
    private final List<String> clerkHook = new CopyOnWriteArrayList<>();
    private final AtomicInteger clerkRefusals = new AtomicInteger(1);
    private AlertStore node1;
    private AlertStore node2;

    @BeforeEach
    void start() throws IOException {
        http = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        http.createContext("/ops", ex -> {
            opsHook.add(new String(ex.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
            ex.sendResponseHeaders(204, -1);
            ex.close();
        });
        http.createContext("/clerk/hook", ex -> {
            String body = new String(ex.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            if (clerkRefusals.getAndDecrement() > 0) {
                ex.sendResponseHeaders(503, -1); // not accepted: the sender must try again
            } else {
                clerkHook.add(body);
                ex.sendResponseHeaders(200, -1);
            }
            ex.close();
        });
        http.start();
        JdbcDataSource ds = new JdbcDataSource();
        ds.setURL("jdbc:h2:file:" + dir.resolve("alerts") + ";DB_CLOSE_ON_EXIT=FALSE;DB_CLOSE_DELAY=-1");
        ds.setUser("sa");
        TestStores.freshSchema(ds);
        node1 = new AlertStore(TestStores.persistenceUnit(ds));
        node2 = new AlertStore(TestStores.persistenceUnit(ds, Map.of("eclipselink.session-name", "delivery-2")));
        AlertSettings settings = AlertSettings.of(Map.ofEntries(
                Map.entry(AlertSettings.SMTP_HOST, "127.0.0.1"),
                Map.entry(AlertSettings.SMTP_PORT, String.valueOf(smtp.getSmtp().getPort())),
                Map.entry(AlertSettings.SMTP_FROM, "adapter@lienthong.test"),
                Map.entry(AlertSettings.SMTP_USERNAME, "alerts"),
                Map.entry(AlertSettings.SMTP_PASSWORD, SMTP_PASSWORD),
                Map.entry(AlertSettings.MAIL_TO, "ops@operator.test"),
                Map.entry(AlertSettings.WEBHOOK_URL, "http://127.0.0.1:" + http.getAddress().getPort() + "/ops"),
                Map.entry(AlertSettings.WEBHOOK_ATTEMPTS, "3"),
                Map.entry(AlertSettings.WEBHOOK_TIMEOUT, "5000"),
                Map.entry(AlertSettings.RENOTIFY, "60")));
        node1.settings = settings;
        node2.settings = settings;
    }

    @AfterEach
    void stop() {
        http.stop(0);
        node1.close();
        node2.close();
    }

    @Test
    void eachAlertArrivesOnceByMailAndWebhookAndThenItsResolution() throws Exception {
        OffsetDateTime now = AlertStore.now();
        node1.run(em -> new ContactTable(em).create(ContactTable.validate(new ContactTable.Form(
                AlertRulesContract.G22, "RECORDS_CLERK", "Nguyễn Thị Văn Thư", "vanthu@g22.test",
                "http://127.0.0.1:" + http.getAddress().getPort() + "/clerk/hook")), now));
        String doc = node1.receivedDocument(AlertRulesContract.H41, AlertRulesContract.G22, "90/BNV",
                now.minusHours(5));

        for (int round = 0; round < 3; round++) {
            roundOnBothNodes(now.plusSeconds(round));
        }
        assertTrue(smtp.waitForIncomingEmail(10_000, 2));
        MimeMessage ops = single(smtp.getReceivedMessagesForDomain("operator.test"));
        MimeMessage clerk = single(smtp.getReceivedMessagesForDomain("g22.test"));
        assertTrue(ops.getSubject().contains("CẢNH BÁO / ALERT"), ops.getSubject());
        String body = ((String) clerk.getContent());
        assertTrue(body.indexOf("chưa nhận văn bản đến") < body.indexOf("has not collected"), "Vietnamese first");
        assertTrue(body.contains("+07:00"), "Vietnam time");
        assertFalse(body.contains(SMTP_PASSWORD), "no secret in the mail");
        assertEquals(1, opsHook.size(), "operators' webhook once");
        assertEquals(1, clerkHook.size(), "clerk's webhook once (after one refused attempt)");
        JsonObject raised = json(clerkHook.get(0));
        assertEquals("RAISED", raised.getString("notice"));
        assertEquals("inbox-uncollected", raised.getString("rule"));
        assertEquals(AlertRulesContract.G22, raised.getString("organId"));
        assertTrue(raised.getString("raisedAt").endsWith("+07:00"));

        node1.sql("UPDATE inbox_item SET state = 'CONFIRMED' WHERE document_ref = ?1", doc);
        for (int round = 3; round < 6; round++) {
            roundOnBothNodes(now.plusSeconds(round));
        }
        assertTrue(smtp.waitForIncomingEmail(10_000, 4));
        assertEquals(2, smtp.getReceivedMessagesForDomain("operator.test").length, "the resolution once more");
        MimeMessage resolved = smtp.getReceivedMessagesForDomain("g22.test")[1];
        assertTrue(resolved.getSubject().contains("ĐÃ KHẮC PHỤC / RESOLVED"), resolved.getSubject());
        assertEquals(2, opsHook.size());
        assertEquals(2, clerkHook.size());
        assertEquals("RESOLVED", json(clerkHook.get(1)).getString("notice"));
        assertEquals(json(clerkHook.get(0)).getString("id"), json(clerkHook.get(1)).getString("id"));
    }

    /** Evaluates the inbox rule and delivers what each node claimed, both nodes at the same time. */
    private void roundOnBothNodes(OffsetDateTime t) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            CountDownLatch go = new CountDownLatch(1);
            List<Future<?>> done = new ArrayList<>();
            for (AlertStore node : List.of(node1, node2)) {
                done.add(pool.submit(() -> {
                    go.await();
                    try {
                        node.evaluate(new UncollectedInboxRule(), t);
                    } catch (RuntimeException e) {
                        if (!SqlValues.isConstraintViolation(e)) {
                            throw e; // only the lost race to raise the same alert is expected
                        }
                    }
                    AlertDelivery delivery = new AlertDelivery(node.settings);
                    for (Notice n : node.claim(t)) {
                        delivery.deliver(n, t);
                    }
                    return null;
                }));
            }
            go.countDown();
            for (Future<?> f : done) {
                f.get(60, TimeUnit.SECONDS);
            }
        } finally {
            pool.shutdownNow();
        }
    }

    private static MimeMessage single(MimeMessage[] messages) {
        assertEquals(1, messages.length, () -> "messages: " + Arrays.toString(messages));
        return messages[0];
    }

    private static JsonObject json(String s) {
        try (var r = Json.createReader(new StringReader(s))) {
            return r.readObject();
        }
    }
}
