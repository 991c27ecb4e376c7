package vn.lienthong.adapter.retention.control;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.cert.X509Certificate;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.zip.ZipFile;

import jakarta.persistence.EntityManager;

import vn.lienthong.adapter.audit.control.AuditChain;
import vn.lienthong.adapter.audit.control.ChainKey;
import vn.lienthong.adapter.audit.entity.AuditEntry;
import vn.lienthong.adapter.configuration.RetentionSettings;
import vn.lienthong.adapter.platform.io.Sha256;
import vn.lienthong.adapter.platform.store.DatabaseLease;
import vn.lienthong.adapter.platform.time.VietnamTime;
import vn.lienthong.adapter.retention.control.ArchivedRows.Table;
import vn.lienthong.adapter.retention.entity.ArchiveRecord;
import vn.lienthong.adapter.retention.entity.RetentionReport;
import vn.lienthong.edxml.archive.ArchiveVerifier;
import vn.lienthong.edxml.archive.SignedArchive;
import vn.lienthong.edxml.sign.SigningCredentials;

/**
 * One run of the retention job (docs/retention.md). Under the job's lease, for every calendar month before the
 * cutoff (the first day of the month {@code months} before the current one, Vietnam time), batch by batch:
 * <ol>
 * <li>a {@code retention_archive} row WRITING is committed (so a run that dies is seen by the next one);</li>
 * <li>the batch's rows are read, the archive is written as {@code .partial-<name>}, renamed, and verified with
 * {@link ArchiveVerifier} — the code {@code edxml-cli verify-archive} runs — against the signing chain's root;</li>
 * <li>one transaction deletes exactly the archived rows (by key; a document only while still finished), marks the
 * row ARCHIVED and writes the {@code RETENTION} audit entry — all or nothing;</li>
 * <li>after the commit the package, attachment and inbound files of the batch are deleted.</li>
 * </ol>
 * A run killed between 1 and 3 leaves the documents live and a WRITING row: the next run removes that archive file
 * and marks it ABANDONED, then archives the documents again. Killed between 3 and 4 it leaves files whose rows are
 * gone ({@code files_pending}): the next run deletes them, reading the list from the archive itself.
 */
public final class RetentionJob {

    private static final Logger LOG = Logger.getLogger(RetentionJob.class.getName());
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss");
    static final String LIVE_FILES = "live-files.txt";

    /** Runs work in a transaction of its own (the container: REQUIRES_NEW; tests: resource-local). */
    public interface Transactions {
        <T> T inNew(Function<EntityManager, T> work);
    }

    /** Points of a batch where the tests simulate a crash. */
    public enum Step { ARCHIVE_VERIFIED, ROWS_DELETED }

    /** Called at each {@link Step}; production passes nothing. */
    public interface Hook {
        void reached(Step step, String fileName);
    }

    private final Transactions tx;
    private final RetentionSettings settings;
    private final Path dataDir;
    private final SigningCredentials signer;
    private final ChainKey auditKey;
    private final String nodeId;
    private final Supplier<OffsetDateTime> clock;
    private Hook hook = (step, file) -> { };

    public RetentionJob(Transactions tx, RetentionSettings settings, Path dataDir, SigningCredentials signer,
            ChainKey auditKey, String nodeId, Supplier<OffsetDateTime> clock) {
        this.tx = tx;
        this.settings = settings;
        this.dataDir = dataDir.toAbsolutePath().normalize();
        this.signer = signer;
        this.auditKey = auditKey;
        this.nodeId = nodeId;
        this.clock = clock;
    }

    public RetentionJob withHook(Hook h) {
        this.hook = h;
        return this;
    }

    /** The first instant that is not old enough: the start of the month {@code months} before {@code asOf}'s. */
    public static OffsetDateTime cutoff(OffsetDateTime asOf, int months) {
        return monthStart(YearMonth.from(asOf.atZoneSameInstant(VietnamTime.ZONE)).minusMonths(months));
    }

    static OffsetDateTime monthStart(YearMonth m) {
        return m.atDay(1).atStartOfDay(VietnamTime.ZONE).toOffsetDateTime();
    }

    /** Runs the job as of {@code asOf} (normally now). Never throws for a failed batch: the report says so. */
    public RetentionReport run(OffsetDateTime asOf) {
        OffsetDateTime cutoff = cutoff(asOf, settings.months());
        if (!settings.enabled()) {
            return new RetentionReport("OFF", null, List.of(), 0, 0, "adapter.retention.months is 0");
        }
        String runId = nodeId + "/" + UUID.randomUUID();
        OffsetDateTime start = clock.get();
        if (!tx.inNew(em -> lease().claim(DatabaseLease.jpa(em), runId, start))) {
            return new RetentionReport("BUSY", cutoff, List.of(), 0, 0, "another node runs the retention job");
        }
        List<ArchiveRecord> archived = new ArrayList<>();
        int abandoned = 0;
        int removed = 0;
        String outcome = "DONE";
        String detail = null;
        try {
            abandoned = abandonInterrupted();
            removed += removePendingFiles();
            YearMonth cutoffMonth = YearMonth.from(cutoff.atZoneSameInstant(VietnamTime.ZONE));
            for (YearMonth m = earliestMonth(cutoff); m != null && m.isBefore(cutoffMonth); m = m.plusMonths(1)) {
                EligibleDocuments.Position position = null;
                while (true) {
                    renew(runId);
                    final YearMonth month = m;
                    final EligibleDocuments.Position after = position;
                    EligibleDocuments.Batch batch = tx.inNew(em -> EligibleDocuments.next(em, monthStart(month),
                            monthStart(month.plusMonths(1)), after, cutoff, clock.get(), settings.batchSize()));
                    position = batch.next();
                    if (!batch.documentIds().isEmpty()) {
                        Archived a = archive(runId, month, batch, cutoff);
                        removed += removeFiles(a.record().id(), a.liveFiles());
                        archived.add(tx.inNew(em -> new ArchiveTable(em).find(a.record().id())));
                    }
                    if (batch.monthDone()) {
                        break;
                    }
                }
            }
        } catch (IOException | RuntimeException e) {
            LOG.log(Level.WARNING, "Retention stopped; what it archived before stays archived, the rest stays"
                    + " in the live store: " + e, e);
            outcome = "FAILED";
            detail = e.getClass().getSimpleName() + ": " + e.getMessage();
        }
        OffsetDateTime end = clock.get();
        tx.inNew(em -> {
            lease().release(DatabaseLease.jpa(em), runId, "last_run_at", end);
            return null;
        });
        return new RetentionReport(outcome, cutoff, List.copyOf(archived), abandoned, removed, detail);
    }

    private YearMonth earliestMonth(OffsetDateTime cutoff) {
        Object min = tx.inNew(em -> em.createNativeQuery("SELECT MIN(created_at) FROM document WHERE created_at < ?1")
                .setParameter(1, cutoff).getSingleResult());
        return min == null ? null
                : YearMonth.from(EligibleDocuments.toOffset(min).atZoneSameInstant(VietnamTime.ZONE));
    }

    /** The job's lease ({@code retention_lease}, V16): one node at a time, renewed before every batch. */
    private DatabaseLease lease() {
        return new DatabaseLease("retention_lease", "retention", settings.lease());
    }

    private void renew(String runId) {
        OffsetDateTime now = clock.get();
        if (!tx.inNew(em -> lease().renew(DatabaseLease.jpa(em), runId, now))) {
            throw new IllegalStateException("the retention lease was lost (expired and taken over)");
        }
    }

    /** An archive that was written, verified and whose rows were deleted, with the files still to remove. */
    private record Archived(ArchiveRecord record, List<String> liveFiles) {
    }

    private Archived archive(String runId, YearMonth month, EligibleDocuments.Batch batch, OffsetDateTime cutoff)
            throws IOException {
        String period = month.toString();
        String id = UUID.randomUUID().toString();
        OffsetDateTime began = clock.get();
        String fileName = "lienthong-archive-" + period + "-" + STAMP.format(began.atZoneSameInstant(VietnamTime.ZONE))
                + "-" + id.substring(0, 8) + ".zip";
        tx.inNew(em -> {
            new ArchiveTable(em).begin(id, fileName, period, nodeId, began);
            return null;
        });
        Path dir = Files.createDirectories(settings.archiveDir());
        Path target = dir.resolve(fileName);
        Path partial = dir.resolve(".partial-" + fileName);
        Path auditTemp = dir.resolve(".audit-" + id + ".jsonl");
        ArchivedRows rows;
        AuditSegment.Anchor anchor = null;
        List<String> liveFiles;
        try {
            rows = tx.inNew(em -> ArchivedRows.read(em, batch.documentIds()));
            boolean withAudit = !tx.inNew(em -> new ArchiveTable(em).auditSegmentArchived(period));
            if (withAudit) {
                anchor = tx.inNew(em -> {
                    try (OutputStream out = Files.newOutputStream(auditTemp)) {
                        return AuditSegment.write(em, monthStart(month), monthStart(month.plusMonths(1)), out);
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                });
            }
            liveFiles = write(partial, period, cutoff, runId, rows, anchor, auditTemp);
            Files.move(partial, target, StandardCopyOption.ATOMIC_MOVE);
            verify(target, period);
        } catch (IOException | RuntimeException e) {
            abandon(id, fileName, "not written or not verified: " + e.getMessage());
            throw e;
        } finally {
            Files.deleteIfExists(auditTemp);
        }
        hook.reached(Step.ARCHIVE_VERIFIED, fileName);
        String sha256 = Sha256.of(target);
        long size = Files.size(target);
        int documents = batch.documentIds().size();
        String detail = period + ": " + fileName + " sha256 " + sha256 + ", " + documents + " documents ("
                + batch.families() + " with their related packages), " + rows.count() + " rows, "
                + liveFiles.size() + " files, " + (anchor == null ? 0 : anchor.entries()) + " audit entries copied";
        final AuditSegment.Anchor audit = anchor;
        try {
            tx.inNew(em -> {
                deleteArchived(em, runId, rows, cutoff);
                OffsetDateTime now = clock.get();
                if (!new ArchiveTable(em).archived(id, sha256, size, documents, rows.count(), liveFiles.size(),
                        audit, now, detail)) {
                    throw new IllegalStateException("archive " + fileName + " is no longer WRITING");
                }
                AuditChain.stage(em, new AuditEntry(now.truncatedTo(ChronoUnit.MILLIS), "retention", "RETENTION",
                        null, "OK", null, detail), auditKey);
                return null;
            });
        } catch (RuntimeException e) {
            abandon(id, fileName, "rows not deleted: " + e.getMessage());
            throw e;
        }
        LOG.info(() -> "Retention archived " + detail);
        hook.reached(Step.ROWS_DELETED, fileName);
        return new Archived(tx.inNew(em -> new ArchiveTable(em).find(id)), liveFiles);
    }

    /** Deletes exactly the archived rows; throws (rolling everything back) when anything changed since they were read. */
    private void deleteArchived(EntityManager em, String runId, ArchivedRows rows, OffsetDateTime cutoff) {
        OffsetDateTime now = clock.get();
        if (!lease().renew(DatabaseLease.jpa(em), runId, now)) {
            throw new IllegalStateException("the retention lease was lost (expired and taken over)");
        }
        for (Table t : ArchivedRows.TABLES) {
            List<Object> keys = rows.keys(t);
            int deleted = 0;
            for (int i = 0; i < keys.size(); i += EligibleDocuments.CHUNK) {
                List<Object> chunk = keys.subList(i, Math.min(keys.size(), i + EligibleDocuments.CHUNK));
                boolean document = t.name().equals("document");
                // The document rows go only while still finished (?1 cutoff, ?2 now): a late status or a new lease
                // since they were read makes the counts differ and the whole batch roll back.
                int first = document ? 3 : 1;
                String sql = "DELETE FROM " + t.name() + (document ? " d WHERE d." : " WHERE ") + t.key() + " IN ("
                        + EligibleDocuments.placeholders(first, chunk.size()) + ")"
                        + (document ? " AND " + EligibleDocuments.FINISHED : "");
                var q = em.createNativeQuery(sql);
                if (document) {
                    q.setParameter(1, cutoff).setParameter(2, now);
                }
                EligibleDocuments.bind(q, first, chunk);
                deleted += q.executeUpdate();
            }
            if (deleted != keys.size()) {
                throw new IllegalStateException(t.name() + ": " + keys.size() + " rows archived but " + deleted
                        + " could be deleted (changed since they were read); nothing of this batch is deleted");
            }
        }
    }

    private List<String> write(Path partial, String period, OffsetDateTime cutoff, String runId, ArchivedRows rows,
            AuditSegment.Anchor anchor, Path auditTemp) throws IOException {
        List<String> live = new ArrayList<>();
        List<String> missing = new ArrayList<>();
        try (OutputStream out = Files.newOutputStream(partial);
                SignedArchive archive = SignedArchive.create(out, period, "lienthong-adapter " + nodeId, signer)) {
            StringBuilder index = new StringBuilder("# id\tdirection\tmessage_type\tsender_organ_id\tdocument_id"
                    + "\tstate\tcreated_at\n");
            for (Map<String, Object> d : rows.rows.get("document")) {
                index.append(d.get("id")).append('\t').append(d.get("direction")).append('\t')
                        .append(d.get("message_type")).append('\t').append(d.get("sender_organ_id")).append('\t')
                        .append(d.get("document_id")).append('\t').append(d.get("state")).append('\t')
                        .append(d.get("created_at")).append('\n');
            }
            archive.add("documents.txt", index.toString().getBytes(StandardCharsets.UTF_8));
            for (Table t : ArchivedRows.TABLES) {
                ByteArrayOutputStream json = new ByteArrayOutputStream();
                ArchivedRows.writeJsonLines(rows.rows.get(t.name()), json);
                archive.add("rows/" + t.name() + ".jsonl", json.toByteArray());
            }
            int outside = 0;
            for (String stored : rows.files()) {
                Path file = dataDir.resolve(stored).normalize();
                if (!Files.isRegularFile(file)) {
                    missing.add(stored);
                } else if (file.startsWith(dataDir)) {
                    archive.add("files/" + dataDir.relativize(file).toString().replace('\\', '/'), file);
                    live.add(dataDir.relativize(file).toString().replace('\\', '/'));
                } else {
                    // Kept where it is (not ours to delete), but archived.
                    archive.add("files/outside-data-folder/" + (++outside) + "-" + file.getFileName(), file);
                }
            }
            archive.add(LIVE_FILES, String.join("\n", live).getBytes(StandardCharsets.UTF_8));
            if (anchor != null) {
                archive.add("audit/entries.jsonl", auditTemp);
                archive.add("audit/anchor.properties", anchor.properties().getBytes(StandardCharsets.UTF_8));
            }
            StringBuilder props = new StringBuilder("# Lien thong adapter retention archive (docs/retention.md)\n")
                    .append("period=").append(period).append('\n')
                    .append("cutoff=").append(VietnamTime.iso(cutoff)).append('\n')
                    .append("node=").append(nodeId).append('\n').append("run=").append(runId).append('\n')
                    .append("written=").append(VietnamTime.iso(VietnamTime.now())).append('\n');
            for (Table t : ArchivedRows.TABLES) {
                props.append("rows.").append(t.name()).append('=').append(rows.rows.get(t.name()).size()).append('\n');
            }
            props.append("files=").append(live.size() + outside).append('\n')
                    .append("missingFiles=").append(String.join(",", missing)).append('\n')
                    .append("auditSegment=").append(anchor == null ? "in an earlier archive of this period" : "yes")
                    .append('\n');
            archive.add("archive.properties", props.toString().getBytes(StandardCharsets.UTF_8));
        }
        if (!missing.isEmpty()) {
            LOG.warning(() -> "Retention: files named by archived rows were already missing: " + missing);
        }
        return live;
    }

    /** The archive must verify as {@code edxml-cli verify-archive --trust <root of our chain>} would. */
    private void verify(Path archive, String period) throws IOException {
        List<X509Certificate> chain = signer.chain();
        ArchiveVerifier.Verification v = new ArchiveVerifier(List.of(chain.get(chain.size() - 1))).verify(archive);
        if (!v.intact() || !period.equals(v.period())) {
            throw new IOException("the archive just written does not verify: " + v.problems());
        }
    }

    private void abandon(String id, String fileName, String why) {
        try {
            Files.deleteIfExists(settings.archiveDir().resolve(fileName));
            Files.deleteIfExists(settings.archiveDir().resolve(".partial-" + fileName));
        } catch (IOException e) {
            LOG.warning(() -> "Retention: cannot remove the abandoned archive " + fileName + ": " + e);
        }
        OffsetDateTime now = clock.get();
        tx.inNew(em -> {
            new ArchiveTable(em).abandoned(id, now, why);
            return null;
        });
    }

    /** Archives a dead run left WRITING: its delete never committed, so its documents are live; drop the file. */
    private int abandonInterrupted() {
        List<ArchiveRecord> writing = tx.inNew(em -> new ArchiveTable(em).inState(ArchiveRecord.WRITING));
        for (ArchiveRecord r : writing) {
            LOG.warning(() -> "Retention: archive " + r.fileName() + " of an interrupted run is abandoned; its"
                    + " documents stayed in the live store and are archived again");
            abandon(r.id(), r.fileName(), "the run stopped before its documents were deleted; they stayed live");
        }
        return writing.size();
    }

    /** Files of archived batches a dead run did not get to delete: the list is read from the archive itself. */
    private int removePendingFiles() throws IOException {
        int removed = 0;
        for (ArchiveRecord r : tx.inNew(em -> new ArchiveTable(em).filesPending())) {
            Path archive = settings.archiveDir().resolve(r.fileName());
            List<String> live;
            try (ZipFile zip = new ZipFile(archive.toFile());
                    InputStream in = zip.getInputStream(zip.getEntry(LIVE_FILES))) {
                String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
                live = text.isBlank() ? List.of() : List.of(text.split("\n"));
            }
            removed += removeFiles(r.id(), live);
        }
        return removed;
    }

    private int removeFiles(String archiveId, List<String> live) throws IOException {
        int removed = 0;
        for (String relative : live) {
            Path file = dataDir.resolve(relative).normalize();
            if (file.startsWith(dataDir) && Files.deleteIfExists(file)) {
                removed++;
            }
        }
        tx.inNew(em -> {
            new ArchiveTable(em).filesRemoved(archiveId);
            return null;
        });
        return removed;
    }
}
