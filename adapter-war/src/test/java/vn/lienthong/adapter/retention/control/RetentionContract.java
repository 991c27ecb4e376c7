package vn.lienthong.adapter.retention.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.function.Function;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;

import javax.sql.DataSource;

import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityManagerFactory;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import vn.lienthong.adapter.audit.control.AuditChain;
import vn.lienthong.adapter.audit.control.AuditChainVerifier;
import vn.lienthong.adapter.audit.control.ChainKey;
import vn.lienthong.adapter.audit.entity.AuditEntry;
import vn.lienthong.adapter.configuration.RetentionSettings;
import vn.lienthong.adapter.platform.io.Sha256;
import vn.lienthong.adapter.retention.entity.ArchiveRecord;
import vn.lienthong.adapter.retention.entity.RetentionReport;
import vn.lienthong.adapter.store.TestStores;
import vn.lienthong.adapter.store.TestTransactions;
import vn.lienthong.edxml.archive.ArchiveVerifier;
import vn.lienthong.edxml.pki.DemoPki;
import vn.lienthong.edxml.sign.SigningCredentials;

/**
 * The retention job on a real database with documents across several months (as of 28 November 2026, six months:
 * cutoff 1 May 2026): finished documents of January–April go into one signed archive per month that the
 * {@code edxml-cli verify-archive} verifier accepts (and rejects once tampered with), their rows and files leave
 * the live store, everything younger or unfinished stays, the audit chain still verifies; a run killed between
 * writing and deleting, or between deleting and removing files, loses nothing and the next run completes it; one
 * node at a time.
 */
abstract class RetentionContract {

    static final OffsetDateTime AS_OF = OffsetDateTime.parse("2026-11-28T10:00:00+07:00");
    static final String G22 = "000.00.00.G22";
    static final String H41 = "000.00.00.H41";

    private static DemoPki ca;
    private static SigningCredentials signer;

    protected abstract DataSource dataSource();

    @TempDir
    Path dataDir;

    EntityManagerFactory emf;
    ChainKey auditKey;
    int batchSize = 500;

    @BeforeAll
    static void keys() {
        ca = DemoPki.newCa("Retention test CA");
        DemoPki.Issued adapter = ca.issueRsa("adapter", Duration.ofDays(30));
        signer = new SigningCredentials(adapter.privateKey(), List.of(adapter.certificate(), ca.caCertificate()));
    }

    @BeforeEach
    void fresh() {
        TestStores.freshSchema(dataSource());
        emf = TestStores.persistenceUnit(dataSource());
        byte[] key = new byte[32];
        new SecureRandom().nextBytes(key);
        auditKey = ChainKey.of(key);
    }

    @AfterEach
    void close() {
        emf.close();
    }

    // ---- the job ---------------------------------------------------------------------------------------------

    RetentionJob job(int months) {
        RetentionSettings s = new RetentionSettings(months, dataDir.resolve("archives"), Duration.ofHours(24),
                batchSize, Duration.ofMinutes(30));
        return new RetentionJob(this::tx, s, dataDir, signer, auditKey, "node-a",
                () -> OffsetDateTime.now(ZoneOffset.UTC).truncatedTo(ChronoUnit.MILLIS));
    }

    /** The job's transactions, and the test's own: each in a new one on the test database. */
    <T> T tx(Function<EntityManager, T> work) {
        return TestTransactions.inTransaction(emf, work);
    }

    void sql(String statement, Object... params) {
        tx(em -> {
            var q = em.createNativeQuery(statement);
            for (int i = 0; i < params.length; i++) {
                q.setParameter(i + 1, params[i]);
            }
            return q.executeUpdate();
        });
    }

    long count(String query, Object... params) {
        return tx(em -> {
            var q = em.createNativeQuery(query);
            for (int i = 0; i < params.length; i++) {
                q.setParameter(i + 1, params[i]);
            }
            return ((Number) q.getSingleResult()).longValue();
        });
    }

    // ---- rows and files --------------------------------------------------------------------------------------

    static OffsetDateTime at(String date) {
        return OffsetDateTime.parse(date + "T09:00:00+07:00");
    }

    /** A document with its package file, one recipient (statuses at {@code at}) and one attachment file. */
    String outgoing(String state, OffsetDateTime at, String relatedRef) throws IOException {
        String id = UUID.randomUUID().toString();
        String pkg = "packages/" + id + ".edxml";
        String att = "attachments/" + id + "/a.pdf";
        write(pkg, "<edXML id='" + id + "'/>");
        write(att, "%PDF " + id);
        sql("INSERT INTO document (id, direction, document_id, sender_organ_id, priority, business_type, state,"
                + " attempts, created_at, updated_at, version, dedup_key, package_path, message_type, related_ref)"
                + " VALUES (?1, 'OUT', ?2, ?3, 0, ?4, ?5, 1, ?6, ?6, 1, ?7, ?8, 'EDOC', ?9)",
                id, "12/" + id.substring(0, 6), G22, relatedRef == null ? 0 : 1, state, at, "OUT|EDOC|" + id, pkg,
                relatedRef);
        sql("INSERT INTO recipient (id, document_ref, organ_id) VALUES (?1, ?2, ?3)", UUID.randomUUID().toString(),
                id, H41);
        sql("INSERT INTO stored_attachment (id, document_ref, position_no, name, size_bytes, sha256, storage_path)"
                + " VALUES (?1, ?2, 1, 'a.pdf', 10, ?3, ?4)", UUID.randomUUID().toString(), id, "0".repeat(64), att);
        if (!"QUEUED".equals(state)) {
            sql("INSERT INTO transport_attempt (id, document_ref, attempted_at, outcome) VALUES (?1, ?2, ?3, 'SENT')",
                    UUID.randomUUID().toString(), id, at.plusMinutes(1));
            status(id, "01", at.plusMinutes(5));
            status(id, "03", at.plusHours(2));
        }
        return id;
    }

    /** An incoming document with its raw inbound package, inbox item (collected or not) and old-protocol number. */
    String incoming(OffsetDateTime at, boolean collected) throws IOException {
        String id = UUID.randomUUID().toString();
        String raw = "inbound/" + id + ".edxml";
        write(raw, "<edXML in='" + id + "'/>");
        sql("INSERT INTO document (id, direction, document_id, sender_organ_id, priority, business_type, state,"
                + " attempts, created_at, updated_at, version, dedup_key, package_path)"
                + " VALUES (?1, 'IN', ?2, ?3, 0, 0, 'RECEIVED', 0, ?4, ?4, 1, ?5, ?6)",
                id, "7/" + id.substring(0, 6), H41, at, "IN|EDOC|" + id, raw);
        String item = UUID.randomUUID().toString();
        sql("INSERT INTO inbox_item (id, organ_id, kind, document_ref, state, created_at) VALUES (?1, ?2,"
                + " 'DOCUMENT', ?3, 'PENDING', ?4)", item, G22, id, at);
        if (collected) {
            sql("UPDATE inbox_item SET state = 'CONFIRMED', confirmed_at = ?1 WHERE id = ?2", at.plusHours(1), item);
        }
        sql("INSERT INTO received_package (id, axis_doc_id, message_type, sha256, storage_path, outcome,"
                + " document_ref, received_at) VALUES (?1, ?2, 'EDOC', ?3, ?4, 'STORED', ?5, ?6)",
                UUID.randomUUID().toString(), "axis-" + id, "1".repeat(64), raw, id, at);
        sql("INSERT INTO legacy_number (number, organ_id, inbox_item_ref, created_at) VALUES (?1, ?2, ?3, ?4)",
                (long) Math.abs(id.hashCode()), G22, item, at);
        return id;
    }

    void status(String doc, String code, OffsetDateTime at) {
        sql("INSERT INTO status_event (id, document_ref, organ_id, status_code, occurred_at, recorded_at)"
                + " VALUES (?1, ?2, ?3, ?4, ?5, ?5)", UUID.randomUUID().toString(), doc, H41, code, at);
    }

    void audit(OffsetDateTime at, String detail) {
        tx(em -> {
            AuditChain.stage(em, new AuditEntry(at, "test", "TEST", null, "OK", null, detail), auditKey);
            return null;
        });
        tx(em -> AuditChain.linkPending(em, auditKey, 1000));
    }

    void write(String relative, String content) throws IOException {
        Path f = dataDir.resolve(relative);
        Files.createDirectories(f.getParent());
        Files.writeString(f, content);
    }

    Path packageOf(String id) {
        return dataDir.resolve((String) tx(em -> em.createNativeQuery("SELECT package_path FROM document WHERE id = ?1")
                .setParameter(1, id).getSingleResult()));
    }

    boolean live(String id) {
        return count("SELECT COUNT(*) FROM document WHERE id = ?1", id) == 1;
    }

    long childRows(String id) {
        return count("SELECT (SELECT COUNT(*) FROM recipient WHERE document_ref = ?1)"
                + " + (SELECT COUNT(*) FROM stored_attachment WHERE document_ref = ?1)"
                + " + (SELECT COUNT(*) FROM status_event WHERE document_ref = ?1)"
                + " + (SELECT COUNT(*) FROM transport_attempt WHERE document_ref = ?1)"
                + " + (SELECT COUNT(*) FROM inbox_item WHERE document_ref = ?1)"
                + " + (SELECT COUNT(*) FROM received_package WHERE document_ref = ?1)", id);
    }

    List<ArchiveRecord> archives(String state) {
        return tx(em -> new ArchiveTable(em).inState(state));
    }

    ArchiveVerifier.Verification verify(Path archive) throws IOException {
        // What `edxml-cli verify-archive --trust ca.pem FILE` runs (VerifyArchiveCommand → ArchiveVerifier).
        return new ArchiveVerifier(List.of(ca.caCertificate())).verify(archive);
    }

    static String entry(Path archive, String name) throws IOException {
        try (ZipFile zip = new ZipFile(archive.toFile())) {
            ZipEntry e = zip.getEntry(name);
            if (e == null) {
                return null;
            }
            try (InputStream in = zip.getInputStream(e)) {
                return new String(in.readAllBytes(), StandardCharsets.UTF_8);
            }
        }
    }

    void assertAuditChainIntact() {
        tx(em -> AuditChain.linkPending(em, auditKey, 1000));
        AuditChainVerifier.Report report = tx(em -> new AuditChainVerifier(em, auditKey).verify());
        assertTrue(report.intact(), report.toString());
    }

    // ---- the scenario ------------------------------------------------------------------------------------------

    /** Documents across January–July 2026 and what must become of each. */
    final class Store {
        String janSent;
        String janDead;
        String febReceived;
        String marSent;
        String marRecall;
        String janQueued;
        String febUncollected;
        String marLateStatus;
        String aprRecallRequested;
        String aprOpenAlert;
        String janWithUnfinishedRecall;
        String janUnfinishedRecall;
        String julSent;

        Store() throws IOException {
            janSent = outgoing("SENT", at("2026-01-10"), null);
            janDead = outgoing("DEAD", at("2026-01-12"), null);
            febReceived = incoming(at("2026-02-03"), true);
            marSent = outgoing("SENT", at("2026-03-05"), null);
            marRecall = outgoing("SENT", at("2026-03-06"), marSent); // its recall package: archived with it
            janQueued = outgoing("QUEUED", at("2026-01-15"), null); // still in the outbox
            febUncollected = incoming(at("2026-02-10"), false); // the legacy client has not collected it
            marLateStatus = outgoing("SENT", at("2026-03-20"), null);
            status(marLateStatus, "05", at("2026-06-01")); // its life went on past the cutoff
            aprRecallRequested = outgoing("SENT", at("2026-04-02"), null);
            sql("UPDATE document SET recall_state = 'REQUESTED' WHERE id = ?1", aprRecallRequested);
            aprOpenAlert = outgoing("SENT", at("2026-04-03"), null);
            sql("INSERT INTO alert (id, alert_key, open_key, rule_id, subject, state, message_vi, message_en,"
                    + " raised_at, notices_sent, resolution_due) VALUES (?1, ?2, ?2, 'NO_RECEIPT', ?3, 'OPEN',"
                    + " 'x', 'x', ?4, 1, FALSE)", UUID.randomUUID().toString(), "NO_RECEIPT|" + aprOpenAlert + "/" + H41,
                    aprOpenAlert + "/" + H41, at("2026-04-04"));
            janWithUnfinishedRecall = outgoing("SENT", at("2026-01-20"), null);
            janUnfinishedRecall = outgoing("QUEUED", at("2026-01-21"), janWithUnfinishedRecall);
            julSent = outgoing("SENT", at("2026-07-01"), null); // younger than the cutoff
            audit(at("2026-01-10"), "january 1");
            audit(at("2026-01-25"), "january 2");
            audit(at("2026-02-03"), "february");
            audit(at("2026-03-05"), "march");
            audit(at("2026-07-01"), "july");
        }

        List<String> archivable() {
            return List.of(janSent, janDead, febReceived, marSent, marRecall);
        }

        List<String> kept() {
            return List.of(janQueued, febUncollected, marLateStatus, aprRecallRequested, aprOpenAlert,
                    janWithUnfinishedRecall, janUnfinishedRecall, julSent);
        }
    }

    @Test
    void finishedDocumentsGoIntoVerifiedMonthlyArchivesAndLeaveTheLiveStore() throws IOException {
        Store s = new Store();
        long auditBefore = count("SELECT COUNT(*) FROM audit_entry");

        RetentionReport report = job(6).run(AS_OF);

        assertEquals("DONE", report.outcome(), report.detail());
        assertEquals(OffsetDateTime.parse("2026-05-01T00:00:00+07:00").toInstant(), report.cutoff().toInstant());
        assertEquals(List.of("2026-01", "2026-02", "2026-03"),
                report.archived().stream().map(ArchiveRecord::period).toList());
        assertEquals(5, report.documents());
        for (ArchiveRecord a : report.archived()) {
            Path file = dataDir.resolve("archives").resolve(a.fileName());
            ArchiveVerifier.Verification v = verify(file);
            assertTrue(v.intact(), a.fileName() + ": " + v.problems());
            assertEquals(a.period(), v.period());
            assertEquals(ArchiveRecord.ARCHIVED, a.state());
            assertEquals(Sha256.of(file), a.sha256());
            assertFalse(a.filesPending());
            assertTrue(a.auditEntries() > 0, "each month's first archive carries its audit segment");
        }
        Path jan = dataDir.resolve("archives").resolve(report.archived().get(0).fileName());
        String janDocs = entry(jan, "rows/document.jsonl");
        assertTrue(janDocs.contains(s.janSent) && janDocs.contains(s.janDead), janDocs);
        assertFalse(janDocs.contains(s.janQueued) || janDocs.contains(s.janWithUnfinishedRecall), janDocs);
        assertEquals("<edXML id='" + s.janSent + "'/>", entry(jan, "files/packages/" + s.janSent + ".edxml"));
        assertEquals("%PDF " + s.janSent, entry(jan, "files/attachments/" + s.janSent + "/a.pdf"));
        assertTrue(entry(jan, "rows/status_event.jsonl").contains("\"status_code\":\"03\""));
        assertTrue(entry(jan, "audit/entries.jsonl").contains("january 2"));
        assertFalse(entry(jan, "audit/entries.jsonl").contains("february"));
        Path feb = dataDir.resolve("archives").resolve(report.archived().get(1).fileName());
        assertTrue(entry(feb, "rows/inbox_item.jsonl").contains(s.febReceived));
        assertTrue(entry(feb, "rows/received_package.jsonl").contains(s.febReceived));
        assertTrue(entry(feb, "rows/legacy_number.jsonl").contains("\"organ_id\":\"" + G22 + "\""));
        assertNotNull(entry(feb, "files/inbound/" + s.febReceived + ".edxml"));
        Path mar = dataDir.resolve("archives").resolve(report.archived().get(2).fileName());
        assertTrue(entry(mar, "rows/document.jsonl").contains(s.marRecall), "the recall travels with its original");

        for (String id : s.archivable()) {
            assertFalse(live(id), id);
            assertEquals(0, childRows(id), id);
        }
        assertFalse(Files.exists(dataDir.resolve("packages/" + s.janSent + ".edxml")));
        assertFalse(Files.exists(dataDir.resolve("attachments/" + s.janSent + "/a.pdf")));
        assertFalse(Files.exists(dataDir.resolve("inbound/" + s.febReceived + ".edxml")));
        assertEquals(0, count("SELECT COUNT(*) FROM legacy_number WHERE organ_id = ?1 AND inbox_item_ref IN"
                + " (SELECT id FROM inbox_item WHERE document_ref = ?2)", G22, s.febReceived));
        for (String id : s.kept()) {
            assertTrue(live(id), id);
            assertTrue(childRows(id) > 0, id);
            assertTrue(Files.exists(packageOf(id)), id);
        }
        assertTrue(Files.exists(dataDir.resolve("inbound/" + s.febUncollected + ".edxml")));

        assertEquals(auditBefore + 3, count("SELECT COUNT(*) FROM audit_entry"), "audit rows kept, one RETENTION each");
        assertEquals(3, count("SELECT COUNT(*) FROM audit_entry WHERE action = 'RETENTION'"));
        assertAuditChainIntact();

        RetentionReport again = job(6).run(AS_OF);
        assertEquals("DONE", again.outcome());
        assertEquals(List.of(), again.archived(), "a second run finds nothing more");
        for (String id : s.kept()) {
            assertTrue(live(id), id);
        }
    }

    @Test
    void aTamperedArchiveFailsTheVerifier() throws IOException {
        new Store();
        RetentionReport report = job(6).run(AS_OF);
        Path archive = dataDir.resolve("archives").resolve(report.archived().get(0).fileName());
        assertTrue(verify(archive).intact());

        Path changed = rewrite(archive, "rows/document.jsonl", "{\"id\":\"forged\"}\n");
        ArchiveVerifier.Verification v = verify(changed);
        assertFalse(v.intact());
        assertEquals(List.of("content differs from the manifest: rows/document.jsonl"), v.problems());

        DemoPki other = DemoPki.newCa("Some other CA");
        assertFalse(new ArchiveVerifier(List.of(other.caCertificate())).verify(archive).intact(),
                "signed by a key the operator does not trust");
    }

    @Test
    void aRunKilledBetweenWritingAndDeletingLosesNothingAndTheNextRunRedoesIt() throws IOException {
        Store s = new Store();
        class Killed extends Error {
            Killed() {
                super("kill -9");
            }
        }
        assertThrows(Killed.class, () -> job(6).withHook((step, file) -> {
            if (step == RetentionJob.Step.ARCHIVE_VERIFIED) {
                throw new Killed();
            }
        }).run(AS_OF));
        List<ArchiveRecord> writing = archives(ArchiveRecord.WRITING);
        assertEquals(1, writing.size());
        assertTrue(Files.exists(dataDir.resolve("archives").resolve(writing.get(0).fileName())),
                "the archive was written");
        for (String id : s.archivable()) {
            assertTrue(live(id), "nothing deleted yet: " + id);
        }
        assertTrue(Files.exists(dataDir.resolve("packages/" + s.janSent + ".edxml")));

        assertEquals("BUSY", job(6).run(AS_OF).outcome(), "the dead run's lease still holds");
        sql("UPDATE retention_lease SET lease_until = ?1", AS_OF.minusYears(1)); // ... until it expires

        RetentionReport rerun = job(6).run(AS_OF);
        assertEquals("DONE", rerun.outcome(), rerun.detail());
        assertEquals(1, rerun.abandoned());
        assertEquals(ArchiveRecord.ABANDONED, archives(ArchiveRecord.ABANDONED).get(0).state());
        assertFalse(Files.exists(dataDir.resolve("archives").resolve(writing.get(0).fileName())),
                "the interrupted archive is removed: its documents are archived again");
        assertEquals(3, archives(ArchiveRecord.ARCHIVED).size());
        StringBuilder all = new StringBuilder();
        for (ArchiveRecord a : archives(ArchiveRecord.ARCHIVED)) {
            Path file = dataDir.resolve("archives").resolve(a.fileName());
            assertTrue(verify(file).intact());
            all.append(entry(file, "documents.txt"));
        }
        for (String id : s.archivable()) {
            assertFalse(live(id), id);
            assertEquals(1, all.toString().split("\n" + id + "\t", -1).length - 1, "archived exactly once: " + id);
        }
        try (var files = Files.list(dataDir.resolve("archives"))) {
            assertEquals(3, files.count(), "no partial or abandoned file left");
        }
        assertAuditChainIntact();
    }

    @Test
    void aRunKilledAfterDeletingRowsLeavesFilesThatTheNextRunRemoves() throws IOException {
        Store s = new Store();
        class Killed extends Error {
            Killed() {
                super("kill -9");
            }
        }
        assertThrows(Killed.class, () -> job(6).withHook((step, file) -> {
            if (step == RetentionJob.Step.ROWS_DELETED) {
                throw new Killed();
            }
        }).run(AS_OF));
        assertFalse(live(s.janSent), "the January batch committed");
        assertTrue(Files.exists(dataDir.resolve("packages/" + s.janSent + ".edxml")), "its files not yet removed");
        assertTrue(live(s.febReceived), "February not reached");
        List<ArchiveRecord> done = archives(ArchiveRecord.ARCHIVED);
        assertEquals(1, done.size());
        assertTrue(done.get(0).filesPending());

        sql("UPDATE retention_lease SET lease_until = ?1", AS_OF.minusYears(1));
        RetentionReport rerun = job(6).run(AS_OF);
        assertEquals("DONE", rerun.outcome(), rerun.detail());
        assertFalse(Files.exists(dataDir.resolve("packages/" + s.janSent + ".edxml")));
        assertFalse(Files.exists(dataDir.resolve("attachments/" + s.janDead + "/a.pdf")));
        assertEquals(List.of("2026-02", "2026-03"), rerun.archived().stream().map(ArchiveRecord::period).toList());
        assertTrue(archives(ArchiveRecord.ARCHIVED).stream().noneMatch(ArchiveRecord::filesPending));
        for (String id : s.kept()) {
            assertTrue(Files.exists(packageOf(id)), id);
        }
        assertAuditChainIntact();
    }

    @Test
    void aStatusArrivingBetweenArchivingAndDeletingKeepsTheWholeBatchLive() throws IOException {
        Store s = new Store();
        RetentionReport report = job(6).withHook((step, file) -> {
            if (step == RetentionJob.Step.ARCHIVE_VERIFIED && file.contains("2026-01")) {
                status(s.janSent, "06", OffsetDateTime.now(ZoneOffset.UTC));
            }
        }).run(AS_OF);
        assertEquals("FAILED", report.outcome());
        assertEquals(List.of(), report.archived());
        assertTrue(live(s.janSent) && live(s.janDead), "nothing of the batch deleted");
        assertTrue(Files.exists(dataDir.resolve("packages/" + s.janDead + ".edxml")));
        assertEquals(1, archives(ArchiveRecord.ABANDONED).size());
        assertEquals(0, count("SELECT COUNT(*) FROM audit_entry WHERE action = 'RETENTION'"));
        try (var files = Files.list(dataDir.resolve("archives"))) {
            assertEquals(0, files.count(), "the archive of the failed batch is removed");
        }
        assertEquals("DONE", job(6).run(AS_OF).outcome(), "the lease was released");
        assertTrue(live(s.janSent), "its life went on: no longer eligible");
        assertFalse(live(s.janDead));
    }

    @Test
    void oneNodeAtATimeAndOffByDefault() throws IOException {
        Store s = new Store();
        assertEquals("OFF", job(0).run(AS_OF).outcome());
        assertTrue(live(s.janSent));
        assertEquals(0, count("SELECT COUNT(*) FROM retention_archive"));

        sql("UPDATE retention_lease SET owner = 'node-b/run', lease_until = ?1",
                OffsetDateTime.now(ZoneOffset.UTC).plusMinutes(5));
        assertEquals("BUSY", job(6).run(AS_OF).outcome());
        assertTrue(live(s.janSent));
        sql("UPDATE retention_lease SET lease_until = ?1", OffsetDateTime.now(ZoneOffset.UTC).minusMinutes(1));
        assertEquals("DONE", job(6).run(AS_OF).outcome(), "an expired lease is taken over");
        assertFalse(live(s.janSent));
        assertNull(tx(em -> em.createNativeQuery("SELECT owner FROM retention_lease").getSingleResult()));
    }

    @Test
    void batchesSplitAMonthAndOnlyTheFirstCarriesTheAuditSegment() throws IOException {
        Store s = new Store();
        batchSize = 1;
        RetentionReport report = job(6).run(AS_OF);
        assertEquals("DONE", report.outcome(), report.detail());
        // January: two single documents; February: one; March: one family of two (never split).
        assertEquals(List.of("2026-01", "2026-01", "2026-02", "2026-03"),
                report.archived().stream().map(ArchiveRecord::period).toList());
        assertEquals(2, report.archived().get(3).documents());
        assertTrue(report.archived().get(0).auditEntries() > 0);
        assertEquals(0, report.archived().get(1).auditEntries());
        assertNull(entry(dataDir.resolve("archives").resolve(report.archived().get(1).fileName()),
                "audit/entries.jsonl"));
        for (ArchiveRecord a : report.archived()) {
            assertTrue(verify(dataDir.resolve("archives").resolve(a.fileName())).intact());
        }
        for (String id : s.archivable()) {
            assertFalse(live(id), id);
        }
        assertAuditChainIntact();
    }

    /** A copy of {@code archive} with one entry's content replaced (the manifest left as it was). */
    Path rewrite(Path archive, String name, String content) throws IOException {
        Path out = archive.resolveSibling("tampered-" + archive.getFileName());
        try (ZipFile in = new ZipFile(archive.toFile());
                ZipOutputStream zip = new ZipOutputStream(Files.newOutputStream(out))) {
            List<? extends ZipEntry> entries = new ArrayList<>(java.util.Collections.list(in.entries()));
            for (ZipEntry e : entries) {
                zip.putNextEntry(new ZipEntry(e.getName()));
                if (e.getName().equals(name)) {
                    zip.write(content.getBytes(StandardCharsets.UTF_8));
                } else {
                    try (InputStream data = in.getInputStream(e)) {
                        data.transferTo(zip);
                    }
                }
                zip.closeEntry();
            }
        }
        return out;
    }
}
