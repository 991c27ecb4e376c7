package vn.lienthong.adapter.backup.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static vn.lienthong.adapter.store.TestTransactions.inTransaction;
import static vn.lienthong.adapter.store.TestTransactions.runInTransaction;

import java.io.File;
import java.io.IOException;
import java.lang.reflect.Proxy;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import javax.sql.DataSource;

import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityManagerFactory;

import org.eclipse.microprofile.config.Config;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.postgresql.ds.PGSimpleDataSource;

import vn.lienthong.adapter.audit.control.AuditChain;
import vn.lienthong.adapter.audit.control.AuditChainVerifier;
import vn.lienthong.adapter.audit.control.AuditLog;
import vn.lienthong.adapter.audit.control.ChainKey;
import vn.lienthong.adapter.audit.entity.AuditEntry;
import vn.lienthong.adapter.backup.entity.BackupResult;
import vn.lienthong.adapter.configuration.AdapterSettings;
import vn.lienthong.adapter.store.TestPostgres;
import vn.lienthong.adapter.store.TestStores;

/**
 * The PostgreSQL backup (issue 13 item 4) end to end on a real PostgreSQL (embedded 14, or -Dit.postgres.url):
 * writers commit documents with their package files, statuses, transport attempts and audit entries while
 * {@link BackupService} runs {@code pg_dump}; {@code scripts/restore.sh --pg-url} restores the backup into an empty
 * database and a fresh data folder. Every document acknowledged (committed) before the backup began is there with
 * its statuses, attempts and package file, every audit entry up to the chain head seen before it with identical
 * chain values, and the restored audit chain verifies with the (backed-up) audit key.
 */
class PostgresBackupRestoreTest {

    private static final Path REPO = Path.of(System.getProperty("user.dir")).getParent();

    @TempDir
    Path dir;

    EntityManagerFactory emf;
    ChainKey auditKey;

    @Test
    void aBackupTakenWhileDocumentsFlowRestoresEveryAcknowledgedDocumentStatusAndAuditEntry() throws Exception {
        requirePgTools();
        DataSource ds = TestPostgres.dataSource();
        TestStores.freshSchema(ds);
        emf = TestStores.persistenceUnit(ds);
        Path data = Files.createDirectories(dir.resolve("data"));
        Path keys = Files.createDirectories(data.resolve("keys"));
        auditKey = ChainKey.loadOrCreate(keys.resolve(ChainKey.FILE_NAME));
        String jdbcUrl = jdbcUrl(ds);

        // Documents flow: two writers commit documents (package file first, as intake does) with a status, an
        // attempt and an audit entry; a chainer links the audit entries as the adapter's does.
        AtomicBoolean flowing = new AtomicBoolean(true);
        List<String> committed = new CopyOnWriteArrayList<>();
        ExecutorService pool = Executors.newFixedThreadPool(3);
        List<Future<?>> work = new ArrayList<>();
        for (int w = 0; w < 2; w++) {
            work.add(pool.submit(() -> {
                while (flowing.get()) {
                    committed.add(writeDocument(data));
                }
                return null;
            }));
        }
        work.add(pool.submit(() -> {
            while (flowing.get()) {
                inTransaction(emf, em -> AuditChain.linkPending(em, auditKey, 500));
                Thread.sleep(20);
            }
            return null;
        }));
        await(() -> committed.size() >= 30);

        // What was acknowledged before the backup began.
        List<String> acknowledged = List.copyOf(committed);
        long headSeq = inTransaction(emf, em -> ((Number) em
                .createNativeQuery("SELECT last_seq FROM audit_chain_head").getSingleResult()).longValue());
        Map<Long, String> chainBefore = chain(ds, headSeq);

        BackupService backups = new BackupService();
        backups.settings = settings(data, jdbcUrl, ((PGSimpleDataSource) ds).getUser(), ((PGSimpleDataSource) ds)
                .getPassword());
        backups.audit = new TestAuditLog();
        BackupResult result = backups.backup();
        await(() -> committed.size() >= acknowledged.size() + 20); // the flow went on during and after
        flowing.set(false);
        for (Future<?> f : work) {
            f.get(60, TimeUnit.SECONDS);
        }
        pool.shutdown();
        inTransaction(emf, em -> AuditChain.linkPending(em, auditKey, 10_000));

        assertEquals("postgresql", result.database());
        Path backup = Path.of(result.folder());
        assertTrue(Files.isRegularFile(backup.resolve("database.pgdump")), "pg_dump --format=custom");
        assertEquals(List.of(), BackupManifest.verify(backup));

        // Restore with the documented command into an empty database and a fresh data folder.
        String restoredDb = "restored_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        execute(ds, "CREATE DATABASE " + restoredDb);
        try {
            Path target = dir.resolve("restored");
            String pgUrl = "postgresql://" + ((PGSimpleDataSource) ds).getUser() + "@" + hostPort(jdbcUrl) + "/"
                    + restoredDb;
            ProcessBuilder restore = new ProcessBuilder("bash", REPO.resolve("scripts/restore.sh").toString(),
                    backup.toString(), target.toString(), "--pg-url", pgUrl).redirectErrorStream(true);
            restore.environment().put("PGPASSWORD", Optional.ofNullable(((PGSimpleDataSource) ds).getPassword())
                    .orElse(""));
            Process p = restore.start();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertTrue(p.waitFor(5, TimeUnit.MINUTES), out);
            assertEquals(0, p.exitValue(), out);

            PGSimpleDataSource restored = new PGSimpleDataSource();
            restored.setURL(jdbcUrl.substring(0, jdbcUrl.lastIndexOf('/') + 1) + restoredDb);
            restored.setUser(((PGSimpleDataSource) ds).getUser());
            restored.setPassword(((PGSimpleDataSource) ds).getPassword());
            for (String id : acknowledged) {
                assertEquals(1, count(restored, "SELECT COUNT(*) FROM document WHERE id = '" + id + "'"), id);
                assertEquals(1, count(restored, "SELECT COUNT(*) FROM status_event WHERE document_ref = '" + id
                        + "' AND status_code = '03'"), id);
                assertEquals(1, count(restored, "SELECT COUNT(*) FROM transport_attempt WHERE document_ref = '" + id
                        + "'"), id);
                assertTrue(Files.isRegularFile(target.resolve("packages/" + id + ".edxml")), id);
            }
            Map<Long, String> chainRestored = chain(restored, headSeq);
            assertEquals(chainBefore, chainRestored, "every audit entry up to the head seen before the backup");
            assertTrue(Files.isRegularFile(target.resolve("keys/" + ChainKey.FILE_NAME)), "the audit key restored");

            ChainKey restoredKey = ChainKey.loadOrCreate(target.resolve("keys/" + ChainKey.FILE_NAME));
            EntityManagerFactory restoredEmf = TestStores.persistenceUnit(restored,
                    Map.of("eclipselink.session-name", "restored-" + restoredDb));
            try {
                EntityManager em = restoredEmf.createEntityManager();
                try {
                    AuditChainVerifier.Report report = new AuditChainVerifier(em, restoredKey).verify();
                    assertTrue(report.intact(), report.toString());
                    assertTrue(report.headSeq() >= headSeq, report.toString());
                } finally {
                    em.close();
                }
            } finally {
                restoredEmf.close();
            }
        } finally {
            emf.close();
            execute(ds, "DROP DATABASE IF EXISTS " + restoredDb);
        }
    }

    /** One submission as the store keeps it; returns its id once committed. */
    private String writeDocument(Path data) throws IOException {
        String id = UUID.randomUUID().toString();
        Path pkg = data.resolve("packages/" + id + ".edxml");
        Files.createDirectories(pkg.getParent());
        Files.writeString(pkg, "<edXML id='" + id + "'/>");
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC).truncatedTo(ChronoUnit.MILLIS);
        runInTransaction(emf, em -> {
            sql(em, "INSERT INTO document (id, direction, document_id, sender_organ_id, priority, business_type,"
                    + " state, attempts, created_at, updated_at, version, dedup_key, package_path)"
                    + " VALUES (?1, 'OUT', ?2, '000.00.00.G22', 0, 0, 'SENT', 1, ?3, ?3, 1, ?4, ?5)",
                    id, "1/" + id.substring(0, 8), now, "OUT|EDOC|" + id, "packages/" + id + ".edxml");
            sql(em, "INSERT INTO transport_attempt (id, document_ref, attempted_at, outcome) VALUES (?1, ?2, ?3,"
                    + " 'SENT')", UUID.randomUUID().toString(), id, now);
            sql(em, "INSERT INTO status_event (id, document_ref, organ_id, status_code, occurred_at, recorded_at)"
                    + " VALUES (?1, ?2, '000.00.00.H41', '03', ?3, ?3)", UUID.randomUUID().toString(), id, now);
        });
        runInTransaction(emf, em -> {
            AuditChain.stage(em, new AuditEntry(now, "test", "SUBMIT", "000.00.00.G22", "OK", null, id), auditKey);
        });
        return id;
    }

    /** The backup's own audit entry, in a transaction of its own as the container's REQUIRES_NEW does. */
    private final class TestAuditLog extends AuditLog {
        @Override
        public void record(String actor, String action, String organId, String outcome, String code, String detail) {
            runInTransaction(emf, em -> {
                AuditChain.stage(em, new AuditEntry(OffsetDateTime.now(ZoneOffset.UTC).truncatedTo(ChronoUnit.MILLIS),
                        actor, action, organId, outcome, code, detail), auditKey);
            });
        }
    }

    private static void sql(EntityManager em, String statement, Object... params) {
        var q = em.createNativeQuery(statement);
        for (int i = 0; i < params.length; i++) {
            q.setParameter(i + 1, params[i]);
        }
        q.executeUpdate();
    }

    /** chain_seq → entry_hash of every entry up to {@code head}. */
    private static Map<Long, String> chain(DataSource ds, long head) throws Exception {
        Map<Long, String> out = new HashMap<>();
        try (Connection c = ds.getConnection(); Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT chain_seq, entry_hash FROM audit_entry WHERE chain_seq <= "
                        + head)) {
            while (rs.next()) {
                out.put(rs.getLong(1), rs.getString(2));
            }
        }
        assertEquals(head, out.size(), "positions 1.." + head);
        return out;
    }

    private static long count(DataSource ds, String query) throws Exception {
        try (Connection c = ds.getConnection(); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(query)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private static void execute(DataSource ds, String statement) throws Exception {
        try (Connection c = ds.getConnection(); Statement s = c.createStatement()) {
            s.execute(statement);
        }
    }

    private static String jdbcUrl(DataSource ds) throws Exception {
        try (Connection c = ds.getConnection()) {
            return c.getMetaData().getURL();
        }
    }

    /** host:port of a jdbc:postgresql://host:port/db URL. */
    private static String hostPort(String jdbcUrl) {
        String rest = jdbcUrl.substring("jdbc:postgresql://".length());
        return rest.substring(0, rest.indexOf('/'));
    }

    private static void await(java.util.function.BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(3);
        while (!condition.getAsBoolean()) {
            Assertions.assertTrue(System.nanoTime() < deadline, "timed out");
            Thread.sleep(50);
        }
    }

    private static AdapterSettings settings(Path data, String jdbcUrl, String user, String password) {
        Map<String, String> values = new HashMap<>();
        values.put("adapter.data.dir", data.toString());
        values.put("adapter.db.url", jdbcUrl);
        values.put("adapter.db.user", user);
        values.put("adapter.db.password", password == null ? "" : password);
        Config config = (Config) Proxy.newProxyInstance(Config.class.getClassLoader(), new Class<?>[] {Config.class},
                (proxy, method, args) -> switch (method.getName()) {
                    case "getOptionalValue" -> Optional.ofNullable(values.get((String) args[0]));
                    case "getPropertyNames" -> List.copyOf(values.keySet());
                    default -> null;
                });
        return AdapterSettings.from(config);
    }

    /**
     * pg_dump and pg_restore (Debian postgresql-client, of the server's major version or newer): a failure under
     * CI=true ({@code .ci/run} installs them), a skip with the package name elsewhere.
     */
    private static void requirePgTools() {
        boolean present = onPath("pg_dump") && onPath("pg_restore");
        if (present) {
            return;
        }
        String message = "pg_dump/pg_restore not installed (Debian package postgresql-client)";
        if ("true".equalsIgnoreCase(String.valueOf(System.getenv("CI")).trim())) {
            Assertions.fail(message + " but required when CI=true (.ci/run installs it)");
        }
        Assumptions.abort(message + ": test skipped; under CI=true this is a failure");
    }

    private static boolean onPath(String program) {
        for (String d : String.valueOf(System.getenv("PATH")).split(File.pathSeparator)) {
            if (Files.isExecutable(Path.of(d, program))) {
                return true;
            }
        }
        return false;
    }
}
