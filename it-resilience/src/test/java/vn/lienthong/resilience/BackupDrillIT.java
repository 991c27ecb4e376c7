package vn.lienthong.resilience;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import jakarta.json.JsonObject;

import org.junit.jupiter.api.Test;

import vn.lienthong.axis.simulator.AxisSimulator;
import vn.lienthong.axis.simulator.SimulatorConfig;
import vn.lienthong.axis.simulator.SystemAccount;
import vn.lienthong.resilience.support.AdapterClient;
import vn.lienthong.resilience.support.AdminCalls;
import vn.lienthong.resilience.support.MicroProcess;
import vn.lienthong.resilience.support.Submissions;
import vn.lienthong.resilience.support.Workspace;
import vn.lienthong.ws.exchange.v1.DocumentExchangePort;
import vn.lienthong.ws.exchange.v1.GetDocumentStatus;

/**
 * Issue 13 item 4, the backup drill (Decision 28 art. 19): {@code scripts/backup.sh} backs up a running adapter
 * while submissions stream in, {@code scripts/restore.sh} restores it into a fresh data folder, and a fresh node on
 * that folder has every document acknowledged before the backup began, every status and transport attempt
 * recorded before it, every audit entry up to the chain head seen before it (identical chain values), and its
 * audit chain verifies.
 */
class BackupDrillIT {

    private static final String FROM = "000.00.00.G22";
    private static final String TO = "000.00.00.H41";
    private static final int ACKED_BEFORE_BACKUP = 20;

    @Test
    void aBackupTakenWhileSubmissionsFlowRestoresEverythingAcknowledgedBeforeIt() throws Exception {
        Path work = Workspace.fresh("backup");
        Path data = Files.createDirectories(work.resolve("data"));
        Path restored = work.resolve("restored");
        String secret = Workspace.randomSecret();
        Files.writeString(data.resolve("axis-secret"), secret);
        String run = Long.toString(System.currentTimeMillis() % 100_000);

        Set<String> ackedBeforeBackup;
        Instant backupStarted;
        long headBeforeBackup;
        Path backup;
        try (AxisSimulator sim = simulator(secret)) {
            MicroProcess node = MicroProcess.start("backup-1", work, Workspace.freePort(), settings(data, sim));
            try (node) {
                node.awaitReady(Duration.ofSeconds(420));
                AdapterClient client = new AdapterClient(data);
                Map<String, Instant> acked = new ConcurrentHashMap<>();
                AtomicBoolean stop = new AtomicBoolean();
                ExecutorService streams = Executors.newFixedThreadPool(2);
                for (int t = 0; t < 2; t++) {
                    int stream = t;
                    DocumentExchangePort port = client.port(node.endpoint());
                    streams.submit(() -> stream(port, run, stream, acked, stop));
                }
                long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
                while (acked.size() < ACKED_BEFORE_BACKUP && System.nanoTime() < deadline) {
                    TimeUnit.MILLISECONDS.sleep(50);
                }
                assertTrue(acked.size() >= ACKED_BEFORE_BACKUP, "stream too slow: " + acked.size());

                AdminCalls admin = new AdminCalls(node.base(), data);
                headBeforeBackup = AdminCalls.json(admin.get("audit?limit=0", true)).getJsonNumber("headSeq")
                        .longValue();
                backupStarted = Instant.now();
                ackedBeforeBackup = Set.copyOf(acked.keySet());
                // The submissions keep flowing while the backup is written.
                Script out = script("backup.sh", Map.of("LIENTHONG_URL", node.base().replaceAll("/$", ""),
                        "LIENTHONG_DATA", data.toString()));
                int ackedDuringBackup = acked.size() - ackedBeforeBackup.size();
                stop.set(true);
                streams.shutdown();
                assertTrue(streams.awaitTermination(60, TimeUnit.SECONDS));
                assertEquals(0, out.exit(), out.output());
                assertTrue(out.output().contains("Manifest verified"), out.output());
                backup = Path.of(out.output().lines().filter(l -> l.startsWith("Backup written: ")).findFirst()
                        .orElseThrow().substring("Backup written: ".length()).trim());
                Workspace.figure("backup.ackedBefore=" + ackedBeforeBackup.size() + ", ackedWhileBackingUp="
                        + ackedDuringBackup + ", total=" + acked.size());
                node.stop();
            }
        }

        Script restore = script("restore.sh", Map.of(), backup.toString(), restored.toString());
        assertEquals(0, restore.exit(), restore.output());
        assertEverythingBeforeTheBackupIsRestored(data, restored, ackedBeforeBackup, backupStarted,
                headBeforeBackup);

        // A fresh node on the restored folder (its own simulator with the same account) serves all of it.
        String restoredSecret = Files.readString(restored.resolve("axis-secret")).trim();
        try (AxisSimulator sim = simulator(restoredSecret);
                MicroProcess node = MicroProcess.start("backup-restored", work, Workspace.freePort(),
                        settings(restored, sim))) {
            node.awaitReady(Duration.ofSeconds(420));
            AdminCalls admin = new AdminCalls(node.base(), restored);
            var verify = admin.get("audit/verify", true);
            assertEquals(200, verify.statusCode(), verify.body());
            JsonObject report = AdminCalls.json(verify);
            assertTrue(report.getBoolean("intact"), "audit chain of the restored node: " + report);
            assertTrue(report.getInt("checked") > headBeforeBackup, "entries checked: " + report);
            Workspace.figure("backup.restoredAuditChain=" + report);
            DocumentExchangePort port = new AdapterClient(restored).port(node.endpoint());
            for (String documentId : ackedBeforeBackup) {
                GetDocumentStatus q = new GetDocumentStatus();
                q.setFromOrganId(FROM);
                q.setDocumentId(documentId);
                assertEquals(documentId, port.getDocumentStatus(q).getDocumentId(), "restored node knows it");
            }
            node.stop();
        }
    }

    /**
     * The original store (node stopped) against the restored one, before the restored node starts: documents
     * acknowledged before the backup, status events and transport attempts recorded before it, and the audit
     * entries up to the head seen before it — the same rows, the same chain values.
     */
    private static void assertEverythingBeforeTheBackupIsRestored(Path original, Path restored, Set<String> acked,
            Instant before, long head) throws Exception {
        try (Connection o = h2(original); Connection r = h2(restored)) {
            Set<String> restoredDocuments = strings(r, "SELECT document_id FROM document WHERE direction = 'OUT'");
            List<String> missing = acked.stream().filter(id -> !restoredDocuments.contains(id)).toList();
            assertEquals(List.of(), missing, "acknowledged before the backup, missing after the restore");

            String statuses = "SELECT d.document_id || '|' || e.status_code || '|' || e.occurred_at FROM status_event e"
                    + " JOIN document d ON e.document_ref = d.id WHERE e.recorded_at < ?";
            Set<String> statusesBefore = strings(o, statuses, before);
            assertTrue(strings(r, statuses, before).containsAll(statusesBefore), "status events restored");
            String attempts = "SELECT t.id FROM transport_attempt t WHERE t.attempted_at < ?";
            Set<String> attemptsBefore = strings(o, attempts, before);
            assertTrue(strings(r, attempts, before).containsAll(attemptsBefore), "transport attempts restored");

            String audit = "SELECT chain_seq || '|' || action || '|' || outcome || '|' || entry_hash FROM audit_entry"
                    + " WHERE chain_seq <= " + head;
            Set<String> auditBefore = strings(o, audit);
            assertFalse(auditBefore.isEmpty(), "audit entries up to " + head + " in the original");
            assertEquals(auditBefore, strings(r, audit), "audit entries up to the head seen before the backup");
            Workspace.figure("backup.restored: " + acked.size() + " documents, " + statusesBefore.size()
                    + " status events, " + attemptsBefore.size() + " attempts, " + head + " audit entries");
        }
    }

    private static Connection h2(Path data) throws Exception {
        return DriverManager.getConnection("jdbc:h2:file:" + data.resolve("db").resolve("lienthong")
                + ";IFEXISTS=TRUE;ACCESS_MODE_DATA=r", "sa", "");
    }

    private static Set<String> strings(Connection c, String sql, Object... params) throws Exception {
        try (PreparedStatement st = c.prepareStatement(sql)) {
            for (int i = 0; i < params.length; i++) {
                st.setObject(i + 1, ((Instant) params[i]).atOffset(ZoneOffset.UTC));
            }
            Set<String> out = new HashSet<>();
            try (ResultSet rs = st.executeQuery()) {
                while (rs.next()) {
                    out.add(rs.getString(1));
                }
            }
            return out;
        }
    }

    private static AxisSimulator simulator(String secret) throws IOException {
        // The simulator plays the counterpart: statuses 01 … 06 come back, so status events exist to restore.
        return AxisSimulator.start(SimulatorConfig.builder()
                .system(SystemAccount.of("demo.adapter", secret, FROM))
                .system(SystemAccount.of("it.counterpart", Workspace.randomSecret(), TO))
                .counterpart(TO)
                .build());
    }

    private static Map<String, String> settings(Path data, AxisSimulator sim) {
        Map<String, String> s = new HashMap<>();
        s.put("adapter.data.dir", data.toString());
        s.put("adapter.axis.endpoint", sim.baseUri().toString());
        s.put("adapter.outbox.interval-ms", "200");
        s.put("adapter.receive.interval-ms", "500");
        s.put("adapter.axis.read-timeout-ms", "3000");
        return s;
    }

    private static void stream(DocumentExchangePort port, String run, int stream, Map<String, Instant> acked,
            AtomicBoolean stop) {
        for (int i = 0; i < 5_000 && !stop.get(); i++) {
            try {
                acked.put(port.submitDocument(Submissions.document(run + "-" + stream + "-", i, FROM, TO))
                        .getDocumentId(), Instant.now());
            } catch (Exception e) {
                return;
            }
        }
    }

    private record Script(int exit, String output) {
    }

    /** Runs one of the operator scripts as an operator would; bounded. */
    private static Script script(String name, Map<String, String> env, String... args) throws Exception {
        Path scripts = Path.of(System.getProperty("it.scripts.dir", "../scripts")).toAbsolutePath().normalize();
        List<String> cmd = new ArrayList<>(List.of("bash", scripts.resolve(name).toString()));
        cmd.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true);
        pb.environment().putAll(env);
        Process p = pb.start();
        byte[] out = p.getInputStream().readAllBytes();
        assertTrue(p.waitFor(120, TimeUnit.SECONDS), name + " finished");
        String text = new String(out, StandardCharsets.UTF_8);
        System.out.println(name + ":\n" + text);
        return new Script(p.exitValue(), text);
    }
}
