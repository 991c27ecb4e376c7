package vn.lienthong.resilience;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Timestamp;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

import javax.sql.DataSource;

import org.junit.jupiter.api.Test;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

import vn.lienthong.axis.simulator.AxisSimulator;
import vn.lienthong.axis.simulator.FaultMode;
import vn.lienthong.axis.simulator.FaultRule;
import vn.lienthong.axis.simulator.SimulatorConfig;
import vn.lienthong.axis.simulator.SystemAccount;
import vn.lienthong.resilience.support.AdapterClient;
import vn.lienthong.resilience.support.AxisView;
import vn.lienthong.resilience.support.MicroProcess;
import vn.lienthong.resilience.support.Submissions;
import vn.lienthong.resilience.support.Workspace;
import vn.lienthong.ws.exchange.v1.DocumentExchangePort;

/**
 * Issue 6 item 5: two adapter processes on one PostgreSQL (and one shared data folder, as on a shared volume)
 * share the outbox without sending anything twice; when one is killed while it holds a lease, the other takes
 * the document over after the lease expired.
 */
class TwoNodesIT {

    private static final String FROM = "000.00.00.G22";
    private static final String TO = "000.00.00.H41";
    private static final int SHARED = 40;
    private static final long LEASE_MS = 8_000;

    @Test
    void twoNodesShareTheOutboxAndTheSurvivorTakesOverTheDeadNodesLease() throws Exception {
        Path work = Workspace.fresh("two-nodes");
        Path data = Files.createDirectories(work.resolve("data"));
        String secret = Workspace.randomSecret();
        Files.writeString(data.resolve("axis-secret"), secret);
        String run = Long.toString(System.currentTimeMillis() % 100_000);

        try (EmbeddedPostgres pg = EmbeddedPostgres.builder().start();
             AxisSimulator sim = AxisSimulator.start(SimulatorConfig.builder()
                     .system(SystemAccount.of("demo.adapter", secret, FROM))
                     .system(SystemAccount.of("it.counterpart", Workspace.randomSecret(), TO))
                     .build())) {
            DataSource db = pg.getPostgresDatabase();
            AxisView axis = new AxisView(sim.adminUri());
            Map<String, String> common = new HashMap<>(Map.of(
                    "adapter.data.dir", data.toString(),
                    "adapter.db.url", "jdbc:postgresql://127.0.0.1:" + pg.getPort() + "/postgres",
                    "adapter.db.user", "postgres",
                    "adapter.axis.endpoint", sim.baseUri().toString(),
                    "adapter.outbox.interval-ms", "200",
                    "adapter.axis.connect-timeout-ms", "1000",
                    "adapter.axis.read-timeout-ms", "5000",
                    "adapter.outbox.lease-ms", Long.toString(LEASE_MS)));

            // One after the other: the first start creates the schema, demo keys and the demo client.
            MicroProcess a = MicroProcess.start("node-a", work, Workspace.freePort(), with(common, "node-a"));
            try (a) {
                a.awaitReady(Duration.ofSeconds(180));
                MicroProcess b = MicroProcess.start("node-b", work, Workspace.freePort(), with(common, "node-b"));
                try (b) {
                    b.awaitReady(Duration.ofSeconds(180));
                    AdapterClient client = new AdapterClient(data);

                    // 1. Sharing: submissions through both nodes, both outboxes working the same table.
                    Set<String> shared = submitThroughBoth(client, a, b, run, SHARED);
                    Map<String, Integer> received = CrashSafetyIT.awaitAll(axis, shared, Duration.ofSeconds(120));
                    Map<String, Integer> sentBy = sentByNode(db);
                    Workspace.figure("twoNodes.sentBy=" + sentBy);
                    assertTrue(sentBy.getOrDefault("node-a", 0) > 0 && sentBy.getOrDefault("node-b", 0) > 0,
                            "both nodes worked the outbox: " + sentBy);

                    // 2. Takeover: slow axis, so node A is caught holding a lease mid-send, then killed.
                    sim.faults().add(FaultRule.of(FaultMode.SLOW).millis(4_000).on("sendEdoc"));
                    DocumentExchangePort viaB = client.port(b.endpoint());
                    Set<String> second = ConcurrentHashMap.newKeySet();
                    for (int i = 0; i < 6; i++) {
                        second.add(viaB.submitDocument(Submissions.document(run + "t", i, FROM, TO)).getDocumentId());
                    }
                    Leased leased = awaitLeaseInFlight(db, "node-a", Duration.ofSeconds(60));
                    a.kill();
                    long killedAt = System.nanoTime();
                    sim.faults().clear();
                    long takeoverMs = awaitSent(db, leased.id(), Duration.ofSeconds(60), killedAt);
                    Workspace.figure("twoNodes.takeover.ms=" + takeoverMs + " (lease " + LEASE_MS
                            + " ms, remaining at the kill " + leased.remainingMs() + " ms)");
                    assertTrue(takeoverMs + 1_000 >= leased.remainingMs(), "not taken over before the lease expired");

                    Set<String> all = ConcurrentHashMap.newKeySet();
                    all.addAll(shared);
                    all.addAll(second);
                    received = CrashSafetyIT.awaitAll(axis, all, Duration.ofSeconds(120));
                    received = CrashSafetyIT.quiet(axis, received);
                    received.forEach((id, n) -> assertEquals(1, n, "sent once: " + id));
                    assertEquals("node-b", sentByWhom(db, leased.id()), "the survivor settled the dead node's document");
                    assertEquals(0, count(db, "SELECT COUNT(*) FROM document WHERE direction = 'OUT'"
                            + " AND (state <> 'SENT' OR send_started_at IS NOT NULL)"), "nothing left queued");
                    b.stop();
                }
            }
        }
    }

    private static Map<String, String> with(Map<String, String> common, String node) {
        Map<String, String> m = new HashMap<>(common);
        m.put("adapter.node-id", node);
        return m;
    }

    private static Set<String> submitThroughBoth(AdapterClient client, MicroProcess a, MicroProcess b, String run,
            int count) throws Exception {
        Set<String> ids = ConcurrentHashMap.newKeySet();
        List<Thread> threads = new ArrayList<>();
        List<Throwable> errors = new ArrayList<>();
        for (MicroProcess node : List.of(a, b)) {
            String prefix = run + (node == a ? "a" : "b"); // the code number has at most 11 characters
            Thread t = new Thread(() -> {
                DocumentExchangePort port = client.port(node.endpoint());
                for (int i = 0; i < count / 2; i++) {
                    try {
                        ids.add(port.submitDocument(Submissions.document(prefix, i, FROM, TO))
                                .getDocumentId());
                    } catch (Exception e) {
                        synchronized (errors) {
                            errors.add(e);
                        }
                        return;
                    }
                }
            });
            t.start();
            threads.add(t);
        }
        for (Thread t : threads) {
            t.join(TimeUnit.SECONDS.toMillis(120));
        }
        assertTrue(errors.isEmpty(), "submissions failed: " + errors);
        assertEquals(count, ids.size());
        return ids;
    }

    private record Leased(String id, long remainingMs) {
    }

    /** Polls until {@code node} holds a live lease on a document it has started sending. */
    private static Leased awaitLeaseInFlight(DataSource db, String node, Duration timeout) throws Exception {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            try (Connection c = db.getConnection(); PreparedStatement ps = c.prepareStatement(
                    "SELECT id, lease_until, CURRENT_TIMESTAMP FROM document WHERE lease_owner = ?"
                            + " AND send_started_at IS NOT NULL AND lease_until > CURRENT_TIMESTAMP")) {
                ps.setString(1, node);
                try (ResultSet rs = ps.executeQuery()) {
                    if (rs.next()) {
                        Timestamp until = rs.getTimestamp(2);
                        Timestamp now = rs.getTimestamp(3);
                        return new Leased(rs.getString(1), until.getTime() - now.getTime());
                    }
                }
            }
            TimeUnit.MILLISECONDS.sleep(100);
        }
        throw new AssertionError(node + " never held a lease mid-send within " + timeout);
    }

    /** Polls until the document is SENT; returns milliseconds since {@code since}. */
    private static long awaitSent(DataSource db, String id, Duration timeout, long since) throws Exception {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            try (Connection c = db.getConnection();
                 PreparedStatement ps = c.prepareStatement("SELECT state FROM document WHERE id = ?")) {
                ps.setString(1, id);
                try (ResultSet rs = ps.executeQuery()) {
                    if (rs.next() && "SENT".equals(rs.getString(1))) {
                        return TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - since);
                    }
                }
            }
            TimeUnit.MILLISECONDS.sleep(100);
        }
        throw new AssertionError("document " + id + " not taken over within " + timeout);
    }

    private static Map<String, Integer> sentByNode(DataSource db) throws Exception {
        Map<String, Integer> byNode = new HashMap<>();
        try (Connection c = db.getConnection(); PreparedStatement ps = c.prepareStatement(
                "SELECT detail FROM transport_attempt WHERE outcome = 'SENT'"); ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                String detail = rs.getString(1);
                byNode.merge(detail.contains(" by node-a") ? "node-a" : detail.contains(" by node-b") ? "node-b"
                        : "?", 1, Integer::sum);
            }
        }
        return byNode;
    }

    private static String sentByWhom(DataSource db, String id) throws Exception {
        try (Connection c = db.getConnection(); PreparedStatement ps = c.prepareStatement(
                "SELECT detail FROM transport_attempt WHERE document_ref = ? AND outcome = 'SENT'")) {
            ps.setString(1, id);
            try (ResultSet rs = ps.executeQuery()) {
                assertTrue(rs.next(), "a SENT attempt for " + id);
                String detail = rs.getString(1);
                assertNotNull(detail);
                Workspace.figure("twoNodes.takenOver=" + detail);
                return detail.contains(" by node-b") ? "node-b" : detail;
            }
        }
    }

    private static int count(DataSource db, String sql) throws Exception {
        try (Connection c = db.getConnection(); PreparedStatement ps = c.prepareStatement(sql);
             ResultSet rs = ps.executeQuery()) {
            rs.next();
            return rs.getInt(1);
        }
    }
}
