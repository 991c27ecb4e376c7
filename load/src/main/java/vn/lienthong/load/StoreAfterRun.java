package vn.lienthong.load;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.List;
import java.util.Locale;

/**
 * The database's bytes per document once a run is over, the way issue 11's target means them ("≤ 5 KB of database
 * per document", packages and attachments aside): the live rows with their indexes, next to what the database
 * occupies on disk. The run's own "H2 Δ" column is the file's growth while the adapter still runs, which on H2 is
 * mostly free space and the chunks H2 keeps for {@code RETENTION_TIME} (transient, reused, not data).
 *
 * <ul>
 * <li>H2 (run with the adapter stopped, as scripts/load.sh does): the file as the adapter left it, the tables'
 * {@code DISK_SPACE_USED}, and the file after {@code SHUTDOWN COMPACT} (what the live data needs on disk).</li>
 * <li>PostgreSQL: {@code pg_total_relation_size} of the tables and {@code pg_database_size}, before and after
 * {@code VACUUM FULL} (dead row versions of updated rows are reclaimed by autovacuum in place; the full vacuum shows
 * the live data; skipped above 200,000 documents, where it would take minutes).</li>
 * </ul>
 * Usage: {@code StoreAfterRun <jdbc-url> <mode> <results-file|-> [note]}; appends one markdown row.
 */
public final class StoreAfterRun {

    static final String HEADER = "| Date (UTC) | Mode | Database | Documents (rows) | **Tables B/doc (live rows + indexes)**"
            + " | On disk B/doc after the run | On disk B/doc compacted | File / database MiB after the run | Note |\n"
            + "|---|---|---|---|---|---|---|---|---|\n";
    private static final long VACUUM_FULL_LIMIT = 200_000;

    private StoreAfterRun() {
    }

    record Figures(String database, long documents, long tableBytes, long diskBytes, long compactedBytes) {

        String row(String mode, String note) {
            return String.format(Locale.ROOT, "| %s | %s | %s | %d | **%s** | %s | %s | %.1f | %s |",
                    LoadRun.MINUTE.format(Instant.now()), mode, database, documents, perDocument(tableBytes),
                    perDocument(diskBytes), compactedBytes < 0 ? "—" : perDocument(compactedBytes),
                    diskBytes / 1048576.0, note);
        }

        String perDocument(long bytes) {
            return documents == 0 ? "—" : String.format(Locale.ROOT, "%.0f", (double) bytes / documents);
        }
    }

    public static void main(String[] args) throws Exception {
        String url = args[0];
        String mode = args[1];
        Figures f = url.startsWith("jdbc:postgresql:") ? postgres(url) : h2(url);
        String row = f.row(mode, args.length > 3 ? args[3] : "");
        System.out.println("STORE AFTER RUN " + row);
        if (!"-".equals(args[2])) {
            Path results = Path.of(args[2]);
            if (!Files.exists(results)) {
                Files.writeString(results, HEADER, StandardCharsets.UTF_8);
            }
            Files.writeString(results, row + "\n", StandardCharsets.UTF_8, StandardOpenOption.APPEND);
            System.out.println("row appended to " + results);
        }
    }

    /** H2 with the adapter stopped: the URL names the file without ".mv.db". */
    static Figures h2(String url) throws SQLException {
        Path file = Path.of(url.replaceFirst("^jdbc:h2:(file:)?", "").replaceFirst(";.*$", "") + ".mv.db");
        long disk = sizeOf(file);
        long documents;
        long tables;
        try (Connection c = DriverManager.getConnection(url, "sa", "")) {
            List<StoreSizes.TableSize> sizes = StoreSizes.sizes(c, false);
            documents = documents(sizes);
            tables = sizes.stream().mapToLong(StoreSizes.TableSize::bytes).sum();
            try (Statement s = c.createStatement()) {
                s.execute("SHUTDOWN COMPACT");
            }
        }
        return new Figures("H2", documents, tables, disk, sizeOf(file));
    }

    static Figures postgres(String url) throws SQLException {
        try (Connection c = DriverManager.getConnection(url, "postgres", "")) {
            List<StoreSizes.TableSize> sizes = StoreSizes.sizes(c, true);
            long documents = documents(sizes);
            long tables = sizes.stream().mapToLong(StoreSizes.TableSize::bytes).sum();
            long disk = databaseSize(c);
            long compacted = -1;
            if (documents <= VACUUM_FULL_LIMIT) {
                try (Statement s = c.createStatement()) {
                    s.execute("VACUUM FULL");
                }
                compacted = databaseSize(c);
                long tablesAfter = StoreSizes.sizes(c, true).stream().mapToLong(StoreSizes.TableSize::bytes).sum();
                System.out.printf(Locale.ROOT, "PostgreSQL tables after VACUUM FULL: %d B (%.0f B/document)%n",
                        tablesAfter, documents == 0 ? 0.0 : (double) tablesAfter / documents);
            }
            return new Figures("PostgreSQL", documents, tables, disk, compacted);
        }
    }

    private static long documents(List<StoreSizes.TableSize> sizes) {
        sizes.forEach(t -> System.out.printf(Locale.ROOT, "  %-24s %10d rows %12d B%n", t.table(), t.rows(), t.bytes()));
        return sizes.stream().filter(t -> t.table().equalsIgnoreCase("document")).mapToLong(StoreSizes.TableSize::rows)
                .findFirst().orElse(0);
    }

    private static long databaseSize(Connection c) throws SQLException {
        try (ResultSet r = c.createStatement().executeQuery("SELECT pg_database_size(current_database())")) {
            r.next();
            return r.getLong(1);
        }
    }

    private static long sizeOf(Path file) {
        try {
            return Files.size(file);
        } catch (java.io.IOException e) {
            return 0;
        }
    }
}
