package vn.lienthong.resilience;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import org.junit.jupiter.api.Test;

import vn.lienthong.axis.simulator.AxisSimulator;
import vn.lienthong.axis.simulator.FaultMode;
import vn.lienthong.axis.simulator.FaultRule;
import vn.lienthong.axis.simulator.SimulatorConfig;
import vn.lienthong.axis.simulator.SystemAccount;
import vn.lienthong.resilience.support.AdapterClient;
import vn.lienthong.resilience.support.AdminCalls;
import vn.lienthong.resilience.support.AxisView;
import vn.lienthong.resilience.support.MicroProcess;
import vn.lienthong.resilience.support.Submissions;
import vn.lienthong.resilience.support.Workspace;
import vn.lienthong.ws.exchange.v1.DocumentExchangePort;
import vn.lienthong.ws.exchange.v1.SubmitDocument;
import vn.lienthong.ws.exchange.v1.SubmitDocumentResponse;

/**
 * Issue 6 item 6: {@code kill -9} of the server while submissions stream in; after a restart on the same data
 * folder (embedded H2 file database) every acknowledged submission reaches the axis exactly once and nothing is
 * left queued. The kill comes while several parallel sends are under way (a batch cut in the middle).
 */
class CrashSafetyIT {

    private static final String FROM = "000.00.00.G22";
    private static final String TO = "000.00.00.H41";
    private static final int STREAMS = 2;
    private static final int ACKED_BEFORE_KILL = 40;

    @Test
    void everyAcknowledgedSubmissionReachesTheAxisExactlyOnceAfterAKill() throws Exception {
        Path work = Workspace.fresh("crash");
        Path data = Files.createDirectories(work.resolve("data"));
        String secret = Workspace.randomSecret();
        Files.writeString(data.resolve("axis-secret"), secret);
        String run = Long.toString(System.currentTimeMillis() % 100_000);

        try (AxisSimulator sim = AxisSimulator.start(SimulatorConfig.builder()
                .system(SystemAccount.of("demo.adapter", secret, FROM))
                .system(SystemAccount.of("it.counterpart", Workspace.randomSecret(), TO))
                .build())) {
            AxisView axis = new AxisView(sim.adminUri());
            Map<String, String> settings = Map.of(
                    "adapter.data.dir", data.toString(),
                    "adapter.axis.endpoint", sim.baseUri().toString(),
                    "adapter.outbox.interval-ms", "200",
                    "adapter.axis.connect-timeout-ms", "1000",
                    "adapter.axis.read-timeout-ms", "3000",
                    // Longer than one axis call (4 s), short enough that the restarted node (a new owner: new PID)
                    // takes over the dead one's documents quickly.
                    "adapter.outbox.lease-ms", "5000",
                    // Parallel sends (issue 11): the kill below waits until several are under way at once, so it
                    // cuts a batch in the middle: sends in flight, documents claimed and not yet handed out.
                    "adapter.outbox.max-parallel-sends", "4");

            MicroProcess first = MicroProcess.start("crash-1", work, Workspace.freePort(), settings);
            Map<String, SubmitDocument> acked = new ConcurrentHashMap<>();
            long streamStart;
            long killedAt;
            int ackedAtKill;
            int failedCalls;
            try (first) {
                Duration boot = first.awaitReady(Duration.ofSeconds(180));
                Workspace.figure("crash.boot.first.ms=" + boot.toMillis());
                AdapterClient client = new AdapterClient(data);

                // A slow axis (1 s per sendEdoc) builds a backlog, so the kill catches sends in flight and queued
                // documents, not an idle outbox.
                sim.faults().add(FaultRule.of(FaultMode.SLOW).millis(1_000).on("sendEdoc"));
                AtomicBoolean stop = new AtomicBoolean();
                ExecutorService streams = Executors.newFixedThreadPool(STREAMS);
                List<Future<Integer>> failures = new ArrayList<>();
                streamStart = System.nanoTime();
                for (int t = 0; t < STREAMS; t++) {
                    int stream = t;
                    failures.add(streams.submit(() -> stream(client.port(first.endpoint()), run, stream, acked, stop)));
                }
                // Kill once enough submissions were acknowledged and the outbox is busy sending them.
                long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
                int underWay = 0;
                while ((acked.size() < ACKED_BEFORE_KILL || axis.documentsReceived().size() < 5 || underWay < 2)
                        && System.nanoTime() < deadline) {
                    TimeUnit.MILLISECONDS.sleep(50);
                    underWay = sendsUnderWay(sim, axis);
                }
                assertTrue(acked.size() >= ACKED_BEFORE_KILL, "stream too slow: " + acked.size() + " acknowledged");
                assertTrue(underWay >= 2, "the kill catches several sends under way at once: " + underWay);
                Workspace.figure("crash.sendsUnderWayAtKill=" + underWay);
                first.kill();
                killedAt = System.nanoTime();
                sim.faults().clear();
                ackedAtKill = acked.size();
                stop.set(true);
                streams.shutdown();
                assertTrue(streams.awaitTermination(60, TimeUnit.SECONDS), "streams stop after the kill");
                failedCalls = 0;
                for (Future<Integer> f : failures) {
                    failedCalls += f.get();
                }
            }
            double streamSeconds = (killedAt - streamStart) / 1e9;
            int atAxisAtKill = axis.documentsReceived().size();
            Workspace.figure(String.format("crash.accepted=%d in %.1f s before the kill (%.1f submissions/s, %d streams)",
                    ackedAtKill, streamSeconds, ackedAtKill / streamSeconds, STREAMS));
            Workspace.figure("crash.atAxisWhenKilled=" + atAxisAtKill + ", calls cut by the kill=" + failedCalls);

            MicroProcess second = MicroProcess.start("crash-2", work, Workspace.freePort(), settings);
            try (second) {
                Duration boot = second.awaitReady(Duration.ofSeconds(180));
                long readyAt = System.nanoTime();
                Map<String, Integer> received = awaitAll(axis, acked.keySet(), Duration.ofSeconds(120));
                long allAt = System.nanoTime();
                Workspace.figure("crash.restart.boot.ms=" + boot.toMillis());
                Workspace.figure("crash.recovery.killToReady.ms=" + TimeUnit.NANOSECONDS.toMillis(readyAt - killedAt)
                        + ", killToAllDelivered.ms=" + TimeUnit.NANOSECONDS.toMillis(allAt - killedAt)
                        + ", readyToAllDelivered.ms=" + TimeUnit.NANOSECONDS.toMillis(allAt - readyAt));

                // The same submissions again: the first answer, nothing new sent.
                DocumentExchangePort port = new AdapterClient(data).port(second.endpoint());
                List<String> some = acked.keySet().stream().sorted().limit(3).toList();
                for (String documentId : some) {
                    SubmitDocumentResponse again = port.submitDocument(acked.get(documentId));
                    assertEquals(documentId, again.getDocumentId());
                    assertEquals("SENT", again.getState(), "answered from the stored document");
                }
                String raced = concurrentDuplicates(new AdapterClient(data), second, run);
                awaitAll(axis, java.util.Set.of(raced), Duration.ofSeconds(60)); // before the next test's fault
                String revived = deadAndRequeued(sim, port, new AdminCalls(second.base(), data), second, run);
                received = quiet(axis, awaitAll(axis, java.util.Set.of(raced, revived), Duration.ofSeconds(60)));
                assertEquals(1, received.getOrDefault(raced, 0), "a submission raced 4 times is sent once");
                assertEquals(1, received.getOrDefault(revived, 0), "a re-queued dead document is sent once");

                for (String documentId : acked.keySet()) {
                    assertEquals(1, received.getOrDefault(documentId, 0), "acknowledged " + documentId);
                }
                received.forEach((id, n) -> assertEquals(1, n, "sent once: " + id));
                assertAdminOperations(new AdminCalls(second.base(), data));
                second.stop();
            }
            assertNothingStuck(data, acked.size());
        }
    }

    /**
     * The same new submission from four clients at once: stored and sent once, and every caller gets the first
     * answer (a loser of the insert race is answered from the winner's document).
     */
    private static String concurrentDuplicates(AdapterClient client, MicroProcess adapter, String run)
            throws Exception {
        SubmitDocument request = Submissions.document(run + "-dup-", 1, FROM, TO);
        ExecutorService pool = Executors.newFixedThreadPool(4);
        java.util.concurrent.CountDownLatch start = new java.util.concurrent.CountDownLatch(1);
        List<Future<String>> answers = new ArrayList<>();
        try {
            for (int i = 0; i < 4; i++) {
                DocumentExchangePort port = client.port(adapter.endpoint());
                answers.add(pool.submit(() -> {
                    start.await();
                    try {
                        return port.submitDocument(request).getDocumentId();
                    } catch (Exception e) {
                        return "FAULT " + e.getMessage();
                    }
                }));
            }
            start.countDown();
            List<String> results = new ArrayList<>();
            for (Future<String> f : answers) {
                results.add(f.get(60, TimeUnit.SECONDS));
            }
            String documentId = results.stream().filter(r -> !r.startsWith("FAULT")).findFirst()
                    .orElseThrow(() -> new AssertionError("no caller got an answer: " + results));
            long firstAnswers = results.stream().filter(documentId::equals).count();
            Workspace.figure("crash.concurrentDuplicates=" + firstAnswers + "/4 got the first answer; others: "
                    + results.stream().filter(r -> !r.equals(documentId)).toList());
            assertEquals(4, firstAnswers, "every racing caller gets the first answer: " + results);
            return documentId;
        } finally {
            pool.shutdownNow();
        }
    }

    /**
     * The axis refuses a package (business error): the document goes DEAD with an ALERT line; the operator sees
     * it in the dead list and re-queues it; then it is sent.
     */
    private static String deadAndRequeued(AxisSimulator sim, DocumentExchangePort port, AdminCalls admin,
            MicroProcess adapter, String run) throws Exception {
        sim.faults().add(FaultRule.of(FaultMode.FAIL).answer("E_TEST", "refused for the test").times(1)
                .on("sendEdoc"));
        String documentId = port.submitDocument(Submissions.document(run + "d", 1, FROM, TO)).getDocumentId();
        String id = null;
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (id == null && System.nanoTime() < deadline) {
            for (var d : AdminCalls.json(admin.get("outbox/dead", true)).getJsonArray("dead")) {
                if (documentId.equals(d.asJsonObject().getString("documentId"))) {
                    id = d.asJsonObject().getString("id");
                }
            }
            TimeUnit.MILLISECONDS.sleep(200);
        }
        assertTrue(id != null, "refused document listed as dead");
        String log = Files.readString(adapter.log());
        assertTrue(log.contains("ALERT: document " + documentId), "ALERT line in the server log");
        var requeued = admin.post("outbox/" + id + "/requeue");
        assertEquals(200, requeued.statusCode(), requeued.body());
        assertEquals("QUEUED", AdminCalls.json(requeued).getString("state"));
        return documentId;
    }

    /** Admin operations need the token; the audit chain survived the kill intact. */
    private static void assertAdminOperations(AdminCalls admin) throws Exception {
        assertEquals(401, admin.get("audit/verify", false).statusCode(), "no token, no admin operation");
        var verify = admin.get("audit/verify", true);
        assertEquals(200, verify.statusCode(), verify.body());
        var report = AdminCalls.json(verify);
        assertTrue(report.getBoolean("intact"), "audit chain after kill -9: " + report);
        assertTrue(report.getInt("checked") >= ACKED_BEFORE_KILL, "every accepted submission was audited: " + report);
        Workspace.figure("crash.auditChain=" + report);
        var dead = admin.get("outbox/dead", true);
        assertEquals(200, dead.statusCode(), dead.body());
        assertEquals(0, AdminCalls.json(dead).getJsonArray("dead").size());
        assertEquals(404, admin.post("outbox/no-such-document/requeue").statusCode(), "only dead documents");
    }

    /** sendEdoc calls the simulator has begun (counted before the slow fault) and not yet stored: under way. */
    private static int sendsUnderWay(AxisSimulator sim, AxisView axis) throws Exception {
        long begun = sim.requests().of("sendEdoc");
        int stored = axis.documentsReceived().values().stream().mapToInt(Integer::intValue).sum();
        return (int) (begun - stored);
    }

    /** Submits numbered documents until stopped or the server is gone; returns the number of failed calls. */
    private static int stream(DocumentExchangePort port, String run, int stream, Map<String, SubmitDocument> acked,
            AtomicBoolean stop) {
        int failures = 0;
        for (int i = 0; i < 5_000 && !stop.get() && failures < 3; i++) {
            SubmitDocument request = Submissions.document(run + "-" + stream + "-", i, FROM, TO);
            try {
                SubmitDocumentResponse response = port.submitDocument(request);
                acked.put(response.getDocumentId(), request);
            } catch (Exception e) {
                failures++; // the server was killed during this call: not acknowledged, may or may not be stored
            }
        }
        return failures;
    }

    /** Polls the simulator until every expected DocumentId arrived. */
    static Map<String, Integer> awaitAll(AxisView axis, java.util.Set<String> expected, Duration timeout)
            throws Exception {
        long deadline = System.nanoTime() + timeout.toNanos();
        Map<String, Integer> received = axis.documentsReceived();
        while (!received.keySet().containsAll(expected) && System.nanoTime() < deadline) {
            TimeUnit.MILLISECONDS.sleep(200);
            received = axis.documentsReceived();
        }
        Map<String, Integer> last = received;
        List<String> missing = expected.stream().filter(id -> !last.containsKey(id)).toList();
        assertTrue(missing.isEmpty(), "not delivered within " + timeout + ": " + missing);
        return received;
    }

    /** Waits (bounded) until the simulator's counts stop changing for two seconds: late duplicates would show. */
    static Map<String, Integer> quiet(AxisView axis, Map<String, Integer> last) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        long stableSince = System.nanoTime();
        while (System.nanoTime() < deadline && System.nanoTime() - stableSince < TimeUnit.SECONDS.toNanos(2)) {
            TimeUnit.MILLISECONDS.sleep(250);
            Map<String, Integer> now = axis.documentsReceived();
            if (!now.equals(last)) {
                last = now;
                stableSince = System.nanoTime();
            }
        }
        return last;
    }

    /** After an orderly stop, the H2 file database: no outgoing document queued, leased or in doubt. */
    private static void assertNothingStuck(Path data, int acknowledged) throws Exception {
        String url = "jdbc:h2:file:" + data.resolve("db").resolve("lienthong") + ";DB_CLOSE_ON_EXIT=FALSE";
        try (Connection c = DriverManager.getConnection(url, "sa", ""); Statement st = c.createStatement()) {
            try (ResultSet rs = st.executeQuery("SELECT COUNT(*) FROM document WHERE direction = 'OUT'"
                    + " AND (state <> 'SENT' OR lease_owner IS NOT NULL OR send_started_at IS NOT NULL)")) {
                rs.next();
                assertEquals(0, rs.getInt(1), "outgoing documents not SENT, still leased or in doubt");
            }
            try (ResultSet rs = st.executeQuery("SELECT COUNT(*) FROM document WHERE direction = 'OUT'")) {
                rs.next();
                assertTrue(rs.getInt(1) >= acknowledged, "every acknowledged submission is stored");
                Workspace.figure("crash.stored=" + rs.getInt(1) + " (acknowledged " + acknowledged + ")");
            }
            try (ResultSet rs = st.executeQuery("SELECT COUNT(*) FROM transport_attempt"
                    + " WHERE detail LIKE '%found on the axis after an interrupted send%'")) {
                rs.next();
                Workspace.figure("crash.settledByAskingTheAxis=" + rs.getInt(1));
            }
        }
    }
}
