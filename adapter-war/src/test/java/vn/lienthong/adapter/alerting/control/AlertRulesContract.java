package vn.lienthong.adapter.alerting.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.security.SecureRandom;
import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import javax.sql.DataSource;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import vn.lienthong.adapter.alerting.entity.Alert;
import vn.lienthong.adapter.alerting.entity.AlertRule;
import vn.lienthong.adapter.alerting.entity.AlertState;
import vn.lienthong.adapter.alerting.entity.Notice;
import vn.lienthong.adapter.audit.control.AuditChain;
import vn.lienthong.adapter.audit.control.ChainKey;
import vn.lienthong.adapter.audit.entity.AuditEntry;
import vn.lienthong.adapter.configuration.AlertSettings;
import vn.lienthong.adapter.store.TestStores;
import vn.lienthong.edxml.pki.DemoPki;

/**
 * Every alert rule on a real database: its condition raises one alert (once, however often it is evaluated), the
 * first notice is claimed once, a reminder comes after the re-notify interval, an acknowledgement stops the
 * reminders, and when the condition clears the alert is resolved and one "resolved" notice is due. Also: two
 * nodes evaluating and claiming at once raise and notify once.
 */
abstract class AlertRulesContract {

    static final String G22 = "000.00.00.G22";
    static final String H41 = "000.00.00.H41";
    static final String H42 = "000.00.00.H42";

    protected abstract DataSource dataSource();

    AlertStore store;
    OffsetDateTime now;

    @BeforeEach
    void fresh() {
        TestStores.freshSchema(dataSource());
        store = new AlertStore(TestStores.persistenceUnit(dataSource()));
        now = AlertStore.now();
    }

    @AfterEach
    void close() {
        store.close();
    }

    /**
     * Raise, re-notify, acknowledge, clear for one rule whose condition {@code makeTrue} has established; {@code
     * clear} ends it. The alert must have the key and organisation given.
     */
    void lifecycle(Rule rule, String key, String organ, Runnable clear) {
        assertEquals(1, store.evaluate(rule, now), "raised");
        assertEquals(0, store.evaluate(rule, now.plusMinutes(1)), "raised once while open");
        List<Alert> open = store.tx(em -> new AlertTable(em).unresolved(rule.rule()));
        assertEquals(1, open.size());
        Alert a = open.get(0);
        assertEquals(key, a.key());
        assertEquals(organ, a.organId());
        assertEquals(AlertState.OPEN, a.state());
        assertFalse(a.messageVi().isBlank() || a.messageEn().isBlank());

        List<Notice> first = store.claim(now.plusMinutes(1));
        assertEquals(1, first.size(), "the first notice");
        assertEquals(Notice.Kind.RAISED, first.get(0).kind());
        assertEquals(0, store.claim(now.plusMinutes(2)).size(), "nothing more before the re-notify interval");
        List<Notice> reminder = store.claim(now.plusMinutes(62));
        assertEquals(1, reminder.size(), "re-notified after 60 minutes");
        assertEquals(Notice.Kind.REMINDER, reminder.get(0).kind());

        boolean acknowledged = store.tx(em -> new AlertTable(em).acknowledge(a.id(), "admin", now));
        assertTrue(acknowledged);
        boolean again = store.tx(em -> new AlertTable(em).acknowledge(a.id(), "admin", now));
        assertFalse(again, "acknowledged once");
        assertEquals(0, store.claim(now.plusMinutes(300)).size(), "no reminders once acknowledged");
        assertEquals(0, store.evaluate(rule, now.plusMinutes(5)), "acknowledged: still the same alert");

        clear.run();
        store.evaluate(rule, now.plusMinutes(6));
        Alert resolved = store.tx(em -> new AlertTable(em).find(a.id())).orElseThrow();
        assertEquals(AlertState.RESOLVED, resolved.state());
        List<Notice> done = store.claim(now.plusMinutes(7));
        assertEquals(1, done.size(), "one resolved notice");
        assertEquals(Notice.Kind.RESOLVED, done.get(0).kind());
        assertEquals(0, store.claim(now.plusMinutes(400)).size(), "nothing after the resolution");
        assertEquals(0, store.tx(em -> new AlertTable(em).unresolved(rule.rule())).size());
    }

    @Test
    void noArrival() {
        String doc = store.sentDocument(G22, "12/UBND", "SENT", now.minusMinutes(31), H41);
        store.sentDocument(G22, "13/UBND", "SENT", now.minusMinutes(10), H41); // too young
        String other = store.sentDocument(H42, "14/UBND", "SENT", now.minusMinutes(31), H41); // override below
        store.settings = AlertSettings.of(Map.of(AlertSettings.RENOTIFY, "60",
                "adapter.alerts.no-arrival.minutes." + H42, "120"));
        lifecycle(new SentWithoutStatusRule(AlertRule.NO_ARRIVAL), "no-arrival|" + doc + "/" + H41, G22,
                () -> store.status(doc, H41, "01", now));
        store.settings = AlertSettings.of(Map.of("adapter.alerts.no-arrival.enabled." + H42, "true",
                "adapter.alerts.no-arrival.minutes." + H42, "20"));
        assertEquals(1, store.evaluate(new SentWithoutStatusRule(AlertRule.NO_ARRIVAL), now),
                "the organisation's own lower threshold applies");
        assertEquals("no-arrival|" + other + "/" + H41,
                store.tx(em -> new AlertTable(em).unresolved(AlertRule.NO_ARRIVAL)).get(0).key());
        store.settings = AlertSettings.of(Map.of("adapter.alerts.no-arrival.enabled." + H42, "false"));
        store.evaluate(new SentWithoutStatusRule(AlertRule.NO_ARRIVAL), now);
        assertEquals(0, store.tx(em -> new AlertTable(em).unresolved(AlertRule.NO_ARRIVAL)).size(),
                "switched off for that organisation: resolved");
    }

    @Test
    void noReceipt() {
        String doc = store.sentDocument(G22, "20/UBND", "SENT", now.minusHours(25), H41, H42);
        store.status(doc, H41, "01", now.minusHours(24));
        store.status(doc, H42, "03", now.minusHours(24)); // H42 has received it
        lifecycle(new SentWithoutStatusRule(AlertRule.NO_RECEIPT), "no-receipt|" + doc + "/" + H41, G22,
                () -> store.status(doc, H41, "03", now));
    }

    @Test
    void pastDeadline() {
        String doc = store.sentDocument(G22, "30/UBND", "SENT", now.minusDays(10), H41);
        store.sql("UPDATE document SET due_date = ?1 WHERE id = ?2", LocalDate.now().minusDays(2), doc);
        String notDue = store.sentDocument(G22, "31/UBND", "SENT", now.minusDays(10), H41);
        store.sql("UPDATE document SET due_date = ?1 WHERE id = ?2", LocalDate.now().plusDays(3), notDue);
        store.status(doc, H41, "05", now.minusDays(1));
        lifecycle(new PastDeadlineRule(), "past-deadline|" + doc + "/" + H41, G22,
                () -> store.status(doc, H41, "06", now));
    }

    @Test
    void deadDocument() {
        String doc = store.sentDocument(G22, "40/UBND", "DEAD", now.minusMinutes(1));
        store.sentDocument(G22, "41/UBND", "SENT", now.minusMinutes(1));
        lifecycle(new DeadDocumentRule(), "dead-document|" + doc, G22,
                () -> store.sql("UPDATE document SET state = 'QUEUED' WHERE id = ?1", doc));
    }

    @Test
    void axisOutage() {
        store.sql("INSERT INTO axis_breaker (endpoint, state, opened_at, failed_probes, alerted, updated_at)"
                + " VALUES (?1, 'OPEN', ?2, 3, FALSE, ?2)", AlertStore.AXIS, now.minusMinutes(11));
        lifecycle(new AxisOutageRule(), "axis-outage|" + AlertStore.AXIS, null,
                () -> store.sql("UPDATE axis_breaker SET state = 'CLOSED' WHERE endpoint = ?1", AlertStore.AXIS));
    }

    @Test
    void axisOutageShorterThanTheThresholdRaisesNothing() {
        store.sql("INSERT INTO axis_breaker (endpoint, state, opened_at, failed_probes, alerted, updated_at)"
                + " VALUES (?1, 'HALF_OPEN', ?2, 1, FALSE, ?2)", AlertStore.AXIS, now.minusMinutes(9));
        assertEquals(0, store.evaluate(new AxisOutageRule(), now));
    }

    @Test
    void uncollectedInbox() {
        String doc = store.receivedDocument(H41, G22, "50/BNV", now.minusHours(5));
        store.receivedDocument(H41, H42, "51/BNV", now.minusHours(1)); // H42's is recent
        store.receivedDocument(H41, "000.00.00.H43", "52/BNV", now.minusSeconds(10)); // H43: PT30M, young
        store.settings = AlertSettings.of(Map.of(AlertSettings.RENOTIFY, "60",
                "adapter.alerts.inbox-uncollected.hours.000.00.00.H43", "PT30M"));
        lifecycle(new UncollectedInboxRule(), "inbox-uncollected|" + G22, G22,
                () -> store.sql("UPDATE inbox_item SET state = 'CONFIRMED' WHERE document_ref = ?1", doc));
        assertEquals(1, store.evaluate(new UncollectedInboxRule(), now.plusMinutes(31)),
                "an ISO-8601 override (PT30M) of one organisation");
    }

    @Test
    void unsignedReceived() {
        String doc = store.receivedDocument(H41, G22, "70/BNV", now.minusMinutes(5));
        String valid = store.receivedDocument(H41, G22, "71/BNV", now.minusMinutes(5));
        String pending = store.receivedDocument(H41, G22, "72/BNV", now.minusMinutes(5));
        String sent = store.sentDocument(G22, "73/VPCP", "SENT", now.minusMinutes(5), H41);
        verdict(doc, "IN", "NOT_ESTABLISHED", now.minusMinutes(4));
        verdict(valid, "IN", "ESTABLISHED", now.minusMinutes(4));
        verdict(pending, "IN", "PENDING", null);
        verdict(sent, "OUT", "NOT_ESTABLISHED", now.minusMinutes(4)); // our own unsigned document: not this rule
        // Cleared once the verdict is older than the rule's window (24 h by default).
        lifecycle(new UnsignedReceivedRule(), "unsigned-received|" + doc, G22, () -> store.sql(
                "UPDATE document_signature SET verified_at = ?1 WHERE document_ref = ?2", now.minusHours(30), doc));
    }

    private void verdict(String documentRef, String direction, String verdict, OffsetDateTime verifiedAt) {
        if (verifiedAt == null) {
            store.sql("INSERT INTO document_signature (document_ref, direction, organ_id, scope, verdict, signed,"
                    + " accepted_at) VALUES (?1, ?2, ?3, 'OUTSIDE', ?4, FALSE, ?5)", documentRef, direction, G22,
                    verdict, now.minusMinutes(5));
            return;
        }
        store.sql("INSERT INTO document_signature (document_ref, direction, organ_id, scope, verdict, reason, signed,"
                + " accepted_at, verified_at) VALUES (?1, ?2, ?3, 'OUTSIDE', ?4, 'cong-van.pdf: not signed', FALSE,"
                + " ?5, ?6)", documentRef, direction, G22, verdict, now.minusMinutes(5), verifiedAt);
    }

    @Test
    void feedbackOverdue() {
        String doc = store.receivedDocument(H41, G22, "60/BNV", now.minusHours(25));
        store.status(doc, G22, "01", now.minusHours(25)); // the automatic arrival does not count
        lifecycle(new FeedbackOverdueRule(), "feedback-overdue|" + doc + "/" + G22, G22,
                () -> store.status(doc, G22, "03", now));
    }

    @Test
    void keyExpiry() {
        DemoPki ca = DemoPki.newCa("Alert Test CA");
        var soon = ca.issueRsa("adapter", Duration.ofDays(5)).certificate();
        var later = ca.issueRsa("adapter", Duration.ofDays(400)).certificate();
        store.certificates = new ArrayList<>(List.of(new WatchedCertificate("signing key", soon)));
        lifecycle(new KeyExpiryRule(), "key-expiry|signing key:" + soon.getSerialNumber().toString(16), null,
                () -> store.certificates = new ArrayList<>(List.of(new WatchedCertificate("signing key", later))));
    }

    @Test
    void auditChain() {
        byte[] raw = new byte[32];
        new SecureRandom().nextBytes(raw);
        store.auditKey = ChainKey.of(raw);
        for (int i = 0; i < 5; i++) {
            int n = i;
            store.run(em -> AuditChain.append(em, new AuditEntry(now, "test", "TEST", null, "OK", null,
                    "entry " + n), store.auditKey));
        }
        Rule rule = new AuditChainRule();
        assertEquals(0, store.evaluate(rule, now), "an intact chain");
        for (int i = 5; i < 8; i++) {
            int n = i;
            store.run(em -> AuditChain.append(em, new AuditEntry(now, "test", "TEST", null, "OK", null,
                    "entry " + n), store.auditKey));
        }
        store.sql("UPDATE audit_entry SET detail = 'forged' WHERE chain_seq = 7");
        lifecycle(rule, "audit-chain|audit", null,
                () -> store.sql("UPDATE audit_entry SET detail = 'entry 6' WHERE chain_seq = 7"));
    }

    @Test
    void diskSpace() {
        store.settings = AlertSettings.of(Map.of(AlertSettings.RENOTIFY, "60",
                "adapter.alerts.disk-space.free-mb", String.valueOf(Long.MAX_VALUE / 2)));
        lifecycle(new DiskSpaceRule(), "disk-space|" + store.dataDir, null,
                () -> store.settings = AlertSettings.of(Map.of(AlertSettings.RENOTIFY, "60",
                        "adapter.alerts.disk-space.free-mb", "0")));
    }

    @Test
    void aRuleSwitchedOffRaisesNothing() {
        store.sentDocument(G22, "70/UBND", "DEAD", now.minusMinutes(1));
        store.settings = AlertSettings.of(Map.of("adapter.alerts.dead-document.enabled", "false"));
        assertEquals(0, store.evaluate(new DeadDocumentRule(), now));
    }

    @Test
    void twoNodesRaiseAndNotifyOnce() throws Exception {
        store.sentDocument(G22, "80/UBND", "DEAD", now.minusMinutes(1));
        try (AlertStore second = new AlertStore(TestStores.persistenceUnit(dataSource(),
                Map.of("eclipselink.session-name", "alerts-node-2")))) {
            List<AlertStore> nodes = List.of(store, second);
            int raised = 0;
            int notices = 0;
            for (int round = 0; round < 3; round++) {
                OffsetDateTime t = now.plusSeconds(round);
                raised += race(nodes, node -> node.evaluate(new DeadDocumentRule(), t));
                notices += race(nodes, node -> node.claim(t).size());
            }
            assertEquals(1, raised, "raised by one node");
            assertEquals(1, notices, "the first notice claimed by one node");
            assertEquals(1, store.tx(em -> new AlertTable(em).list(null, null, null, 10)).size());
            assertEquals(1, race(nodes, node -> node.claim(now.plusMinutes(61)).size()), "one reminder");
        }
    }

    /** Runs {@code step} on every node at once; a node whose step lost a race (constraint violation) counts 0. */
    private static int race(List<AlertStore> nodes, java.util.function.Function<AlertStore, Integer> step)
            throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(nodes.size());
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<Integer>> results = new ArrayList<>();
            for (AlertStore node : nodes) {
                Callable<Integer> c = () -> {
                    start.await();
                    try {
                        return step.apply(node);
                    } catch (RuntimeException e) {
                        if (SqlValues.isConstraintViolation(e)) {
                            return 0;
                        }
                        throw e;
                    }
                };
                results.add(pool.submit(c));
            }
            start.countDown();
            int sum = 0;
            for (Future<Integer> f : results) {
                sum += f.get(60, TimeUnit.SECONDS);
            }
            return sum;
        } finally {
            pool.shutdownNow();
        }
    }
}
