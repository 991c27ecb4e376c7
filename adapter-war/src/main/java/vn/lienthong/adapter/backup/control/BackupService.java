package vn.lienthong.adapter.backup.control;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.logging.Logger;

import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;

import vn.lienthong.adapter.audit.control.AuditLog;
import vn.lienthong.adapter.backup.entity.BackupResult;
import vn.lienthong.adapter.configuration.AdapterSettings;
import vn.lienthong.adapter.platform.time.VietnamTime;

/**
 * Backs up the running adapter into {@code <adapter.backup.dir>/<time>/}. Consistency rule: the database first
 * (an online, transactionally consistent snapshot), the files after — every package and attachment a row of the
 * snapshot names was written before that row was committed and is never changed afterwards, so it is in the
 * copy; files written after the snapshot are merely extra. The folder is written as {@code .partial-<name>} and
 * renamed when complete, so a backup that failed half-way is never taken for a good one.
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class BackupService {

    /** Folders of the data folder that hold what the rows point to (paths in the store are relative to it). */
    static final List<String> FOLDERS = List.of("packages", "attachments", "inbound");
    /** Single files of the data folder a restored node needs (demo secrets; absent in production). */
    static final List<String> FILES = List.of("admin-token", "axis-secret", "demo-credentials.properties");
    private static final Logger LOG = Logger.getLogger(BackupService.class.getName());
    private static final DateTimeFormatter NAME = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss.SSS");
    /** One backup at a time on this node. */
    private static final AtomicBoolean RUNNING = new AtomicBoolean();

    @Inject
    DatabaseSnapshot database;
    @Inject
    AdapterSettings settings;
    @Inject
    AuditLog audit;

    /** Thrown when a backup is already being written on this node. */
    public static final class Busy extends RuntimeException {
        Busy() {
            super("a backup is already running on this node");
        }
    }

    public BackupResult backup() {
        if (!RUNNING.compareAndSet(false, true)) {
            throw new Busy();
        }
        String name = NAME.format(VietnamTime.now());
        try {
            BackupResult result = write(name);
            audit.record("admin", "BACKUP", null, "OK", null, name + ": " + result.files() + " files, "
                    + result.bytes() + " bytes, " + result.database());
            LOG.info(() -> "Backup " + result.folder() + " written: " + result.files() + " files");
            return result;
        } catch (IOException | RuntimeException e) {
            audit.record("admin", "BACKUP", null, "FAILED", "SYS.BACKUP", name + ": " + e);
            throw e instanceof IOException io ? new UncheckedIOException(io) : (RuntimeException) e;
        } finally {
            RUNNING.set(false);
        }
    }

    private BackupResult write(String name) throws IOException {
        Path root = Files.createDirectories(settings.operations().backupDir());
        Path partial = root.resolve(".partial-" + name);
        Files.createDirectory(partial);
        ownerOnly(partial);
        String kind = snapshotDatabase(partial);
        Path data = partial.resolve("data");
        for (String folder : FOLDERS) {
            copyTree(settings.dataDir().resolve(folder), data.resolve(folder));
        }
        copyTree(settings.keysDir(), data.resolve("keys"));
        for (String file : FILES) {
            Path f = settings.dataDir().resolve(file);
            if (Files.isRegularFile(f)) {
                Files.createDirectories(data);
                Files.copy(f, data.resolve(file), StandardCopyOption.COPY_ATTRIBUTES);
            }
        }
        Files.writeString(partial.resolve("backup.properties"), "# Lien thong adapter backup (scripts/restore.sh)\n"
                + "time=" + VietnamTime.iso(VietnamTime.now()) + "\nnode=" + settings.nodeId() + "\ndatabase=" + kind
                + "\n", StandardCharsets.UTF_8);
        long[] manifest = BackupManifest.write(partial);
        Path done = root.resolve(name);
        Files.move(partial, done, StandardCopyOption.ATOMIC_MOVE);
        return new BackupResult(name, done.toString(), kind, (int) manifest[0], manifest[1]);
    }

    /** The database snapshot: H2's online BACKUP (MVCC-consistent, writers go on) or pg_dump (one snapshot). */
    private String snapshotDatabase(Path folder) throws IOException {
        String url = settings.dbUrl();
        if (url.startsWith("jdbc:h2:")) {
            database.h2BackupTo(folder.resolve("database.zip"));
            return "h2";
        }
        if (url.startsWith("jdbc:postgresql:")) {
            pgDump(url, folder.resolve("database.pgdump"));
            return "postgresql";
        }
        throw new IOException("no backup procedure for this database URL");
    }

    private void pgDump(String jdbcUrl, Path target) throws IOException {
        URI u = URI.create(jdbcUrl.substring("jdbc:".length()));
        String database = "postgresql://" + u.getRawAuthority() + u.getRawPath();
        ProcessBuilder pb = new ProcessBuilder(settings.operations().pgDump(), "--format=custom", "--no-password",
                "--file=" + target, "--username=" + settings.dbUser(), "--dbname=" + database)
                .redirectErrorStream(true)
                .redirectOutput(target.resolveSibling("pg_dump.log").toFile());
        // The password goes through the environment, never the command line (visible to every local user).
        pb.environment().put("PGPASSWORD", settings.dbPassword());
        Process p = pb.start();
        try {
            if (!p.waitFor(1, TimeUnit.HOURS) || p.exitValue() != 0) {
                p.destroyForcibly();
                throw new IOException("pg_dump failed; see pg_dump.log in the partial backup folder");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            p.destroyForcibly();
            throw new IOException("interrupted while pg_dump ran", e);
        }
        Files.deleteIfExists(target.resolveSibling("pg_dump.log"));
    }

    private static void copyTree(Path from, Path to) throws IOException {
        if (!Files.isDirectory(from)) {
            return;
        }
        // walkFileTree, not Files.walk: a file removed between listing and reading (a package's ".signing"
        // temporary file while submissions flow) must be skipped, and Files.walk's iterator throws for it instead.
        Files.walkFileTree(from, new java.nio.file.SimpleFileVisitor<>() {
            @Override
            public java.nio.file.FileVisitResult preVisitDirectory(Path dir,
                    java.nio.file.attribute.BasicFileAttributes attributes) throws IOException {
                Files.createDirectories(to.resolve(from.relativize(dir).toString()));
                return java.nio.file.FileVisitResult.CONTINUE;
            }

            @Override
            public java.nio.file.FileVisitResult visitFile(Path f, java.nio.file.attribute.BasicFileAttributes attributes)
                    throws IOException {
                if (attributes.isRegularFile() && !f.getFileName().toString().endsWith(".signing")) {
                    try {
                        Files.copy(f, to.resolve(from.relativize(f).toString()), StandardCopyOption.COPY_ATTRIBUTES);
                    } catch (java.nio.file.NoSuchFileException goneMeanwhile) {
                        // a temporary file removed while we walked: not referenced by the snapshot
                    }
                }
                return java.nio.file.FileVisitResult.CONTINUE;
            }

            @Override
            public java.nio.file.FileVisitResult visitFileFailed(Path f, IOException e) throws IOException {
                if (e instanceof java.nio.file.NoSuchFileException) {
                    return java.nio.file.FileVisitResult.CONTINUE; // gone meanwhile, as above
                }
                throw e;
            }
        });
    }

    private static void ownerOnly(Path dir) {
        try {
            Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwx------"));
        } catch (UnsupportedOperationException | IOException e) {
            // not a POSIX file system: the operator protects the backup folder
        }
    }
}
