package vn.lienthong.adapter.statistics.control;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.sql.Connection;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.Set;

import javax.sql.DataSource;

import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

import vn.lienthong.adapter.platform.time.VietnamTime;
import vn.lienthong.adapter.statistics.entity.Granularity;
import vn.lienthong.adapter.statistics.entity.StatisticsQuery;
import vn.lienthong.adapter.statistics.entity.StatisticsResult;
import vn.lienthong.adapter.store.TestPostgres;
import vn.lienthong.adapter.store.TestStores;

/**
 * Not part of the test run (only with {@code -Dstats.benchmark=1000000}): seeds that many documents of 2026 into a
 * fresh H2 file database and the embedded PostgreSQL with JDBC batches — 60 % sent, 40 % received, 1–2
 * recipients, a realistic spread of status chains, transport attempts with 5 % retries — then times the statistics
 * queries (each three times, {@code -Dstats.benchmark.runs} to change; the first run is cold). Results are appended to {@code target/stats-benchmark.txt};
 * docs/benchmarks.md has them. {@code -Dstats.benchmark.db=h2|postgres} picks one database.
 */
@EnabledIfSystemProperty(named = "stats.benchmark", matches = "\\d+")
class StatisticsMillionBenchmark {

    private static final String[] OURS = {"000.00.00.G22", "000.00.00.G23", "000.00.00.G24", "000.00.00.G25",
        "000.00.00.G26"};
    private static final Path REPORT = Path.of("target", "stats-benchmark.txt");

    @Test
    void h2() throws Exception {
        if (!System.getProperty("stats.benchmark.db", "h2").contains("h2")) {
            return;
        }
        Path dir = Files.createTempDirectory("stats-bench-h2");
        JdbcDataSource ds = new JdbcDataSource();
        ds.setURL("jdbc:h2:file:" + dir.resolve("store") + ";DB_CLOSE_ON_EXIT=FALSE");
        ds.setUser("sa");
        ds.setPassword("");
        run("H2 2.2.224 (file)", ds);
    }

    @Test
    void postgres() throws Exception {
        if (!System.getProperty("stats.benchmark.db", "postgres").contains("postgres")) {
            return;
        }
        run("PostgreSQL 14 (embedded)", TestPostgres.dataSource());
    }

    /**
     * With {@code -Dstats.benchmark.url=jdbc:…} (user/password: {@code stats.benchmark.user/password}): an existing
     * store (e.g. a copy of a seeded adapter's), migrated to the current schema, nothing seeded; the rollup's clock
     * is then the real time, or {@code -Dstats.benchmark.clock=…} (e.g. 2027-01-01T00:00:00+07:00 for a store seeded
     * by this benchmark and kept in a server named with {@code -Dit.postgres.url}).
     */
    @Test
    void existingStore() throws Exception {
        String url = System.getProperty("stats.benchmark.url");
        if (url == null || url.isBlank()) {
            return;
        }
        DataSource ds;
        if (url.startsWith("jdbc:h2:")) {
            JdbcDataSource h2 = new JdbcDataSource();
            h2.setURL(url);
            h2.setUser(System.getProperty("stats.benchmark.user", "sa"));
            h2.setPassword(System.getProperty("stats.benchmark.password", ""));
            ds = h2;
        } else {
            org.postgresql.ds.PGSimpleDataSource pg = new org.postgresql.ds.PGSimpleDataSource();
            pg.setURL(url);
            pg.setUser(System.getProperty("stats.benchmark.user", "postgres"));
            pg.setPassword(System.getProperty("stats.benchmark.password", ""));
            ds = pg;
        }
        long t0 = System.nanoTime();
        // outOfOrder: a store made by a branch without some later-numbered migrations (a benchmark copy only)
        org.flywaydb.core.Flyway.configure().dataSource(ds).locations("classpath:db/migration").outOfOrder(true).load()
                .migrate();
        report("%n## existing store %s: migrated in %,d ms (load average %s)%n", url.replaceAll("password=[^;&]*", ""),
                (System.nanoTime() - t0) / 1_000_000, loadAverage());
        try (Connection keepOpen = ds.getConnection()) {
            // -Dstats.benchmark.clock=2027-01-01T00:00:00+07:00: the rollup's clock of a store this benchmark seeded
            String clock = System.getProperty("stats.benchmark.clock", "");
            measureBoth(ds, clock.isBlank() ? VietnamTime::now : () -> OffsetDateTime.parse(clock),
                    Integer.getInteger("stats.benchmark.documents", 1_000_000));
        }
    }

    private void run(String database, DataSource ds) throws Exception {
        int documents = Integer.getInteger("stats.benchmark");
        TestStores.freshSchema(ds);
        long t0 = System.nanoTime();
        // H2 takes JDBC batches at about a thousand rows a second on this machine: set-based SQL instead.
        long rows = database.startsWith("H2") ? H2BulkSeed.seed(ds, documents) : seed(ds, documents);
        long seedMs = (System.nanoTime() - t0) / 1_000_000;
        if (database.startsWith("PostgreSQL")) {
            try (Connection c = ds.getConnection()) {
                c.createStatement().execute("ANALYZE");
            }
        }
        report("%n## %s: %,d documents, %,d rows seeded in %,d s (load average %s)%n", database, documents, rows,
                seedMs / 1000, loadAverage());
        reportSize(ds, documents);
        // Holds the database open between queries, as the server's pool does (an H2 file database is closed and
        // re-opened — seconds at this size — whenever its last connection closes).
        try (Connection keepOpen = ds.getConnection()) {
            // the seeded year ends on 2026-12-31: the rollup's clock is just after it, so nothing seeded is "recent"
            measureBoth(ds, () -> OffsetDateTime.parse("2027-01-01T00:00:00+07:00"), documents);
        }
    }

    /** Live path (the reference), then the rollup: its build, the same queries, and the cost of refreshes. */
    private void measureBoth(DataSource ds, java.util.function.Supplier<OffsetDateTime> start, int documents)
            throws Exception {
        ExchangeStatistics statistics = new ExchangeStatistics(ds);
        java.util.concurrent.atomic.AtomicReference<OffsetDateTime> clock = new java.util.concurrent.atomic
                .AtomicReference<>(start.get());
        java.util.function.Supplier<StatisticsRollup> rollup = () -> new StatisticsRollup(ds,
                vn.lienthong.adapter.configuration.StatisticsSettings.DEFAULTS, "benchmark", clock::get);
        try (Connection c = ds.getConnection()) { // a rollup left by an earlier run is built again
            c.setAutoCommit(true);
            c.createStatement().executeUpdate("UPDATE stats_rollup_state SET checkpoint_at = NULL, owner = NULL");
        }
        List<StatisticsResult> reference = null;
        if (!Boolean.getBoolean("stats.benchmark.skip-live")) {
            report("%nLive joins (the reference), load average %s:%n%n", loadAverage());
            report("| Query | Rows | Documents counted | Wall time, runs | CPU of the calling thread (H2: the query) |%n");
            reference = measure(statistics, null, Integer.getInteger("stats.benchmark.live-runs", 1), true);
        }
        long t0 = System.nanoTime();
        StatisticsRollup.Run built = rollup.get().run();
        report("%nRollup built: %s, %,d rows in %,d ms (wall, load average %s)%n", built.outcome(), built.rows(),
                (System.nanoTime() - t0) / 1_000_000, loadAverage());
        report("%nThrough the rollup, nothing changed since the checkpoint:%n%n");
        report("| Query | Rows | Documents counted | Wall time, runs | CPU of the calling thread (H2: the query) |%n");
        measure(statistics, reference, Integer.getInteger("stats.benchmark.runs", 3), false);
        clock.set(clock.get().plusMinutes(10));
        t0 = System.nanoTime();
        StatisticsRollup.Run idle = rollup.get().run();
        report("%nRefresh with nothing changed: %s, %,d documents, %,d rows, %,d ms%n", idle.outcome(),
                idle.documents(), idle.rows(), (System.nanoTime() - t0) / 1_000_000);
        // Late changes, as a busy day brings: statuses of old documents, failures, documents going DEAD.
        int changes = Integer.getInteger("stats.benchmark.changes", 2_000);
        OffsetDateTime at = clock.get().plusMinutes(5);
        t0 = System.nanoTime();
        lateChanges(ds, changes, at);
        report("%n%,d late changes written (stamped %s) in %,d ms: %,d status events of random old documents,"
                + " %,d failed attempts, %,d documents DEAD%n", changes, at, (System.nanoTime() - t0) / 1_000_000,
                changes * 8 / 10, changes / 10, changes / 10);
        clock.set(at.plusMinutes(1));
        report("%nThrough the rollup with those changes pending (their documents read live):%n%n");
        report("| Query | Rows | Documents counted | Wall time, runs | CPU of the calling thread (H2: the query) |%n");
        measure(statistics, null, 1, false);
        t0 = System.nanoTime();
        StatisticsRollup.Run refreshed = rollup.get().run();
        report("%nRefresh after them: %s, %,d documents, %,d rows, %,d ms (load average %s)%n", refreshed.outcome(),
                refreshed.documents(), refreshed.rows(), (System.nanoTime() - t0) / 1_000_000, loadAverage());
        if (Boolean.getBoolean("stats.benchmark.check")) {
            report("%nRollup = live after the changes: checking every query once more …%n");
            List<StatisticsResult> live = new ArrayList<>();
            for (Object[] q : queries()) {
                live.add(statistics.computeLive((StatisticsQuery) q[1], TODAY));
            }
            for (int i = 0; i < live.size(); i++) {
                org.junit.jupiter.api.Assertions.assertEquals(live.get(i).rows(),
                        statistics.compute((StatisticsQuery) queries().get(i)[1], TODAY).rows());
            }
            report("equal.%n");
        }
    }

    /** {@code n} changes stamped {@code at}, on documents picked at random from the store. */
    private static void lateChanges(DataSource ds, int n, OffsetDateTime at) throws Exception {
        Random random = new Random(99);
        List<String[]> pairs = new ArrayList<>();
        try (Connection c = ds.getConnection()) {
            c.setAutoCommit(false);
            try (var ps = c.prepareStatement("SELECT r.document_ref, r.organ_id FROM recipient r"
                    + " WHERE r.document_ref >= ? ORDER BY r.document_ref FETCH FIRST 1 ROWS ONLY")) {
                while (pairs.size() < n) {
                    // UUID keys, or the load Seeder's seed-<n>
                    ps.setString(1, random.nextBoolean() ? Integer.toHexString(random.nextInt()) + "-"
                            : "seed-" + random.nextInt(1_000_000));
                    try (var rs = ps.executeQuery()) {
                        if (rs.next()) {
                            pairs.add(new String[] {rs.getString(1), rs.getString(2)});
                        }
                    }
                }
            }
            try (var st = c.prepareStatement("INSERT INTO status_event (id, document_ref, organ_id, status_code,"
                    + " occurred_at, recorded_at) VALUES (?, ?, ?, ?, ?, ?)");
                    var at2 = c.prepareStatement("INSERT INTO transport_attempt (id, document_ref, attempted_at,"
                            + " outcome) VALUES (?, ?, ?, 'RETRY')");
                    var dead = c.prepareStatement("UPDATE document SET state = 'DEAD', updated_at = ? WHERE id = ?")) {
                for (int i = 0; i < n; i++) {
                    String[] p = pairs.get(i);
                    if (i % 10 < 8) {
                        st.setString(1, java.util.UUID.randomUUID().toString());
                        st.setString(2, p[0]);
                        st.setString(3, p[1]);
                        st.setString(4, i % 2 == 0 ? "06" : "03");
                        st.setObject(5, at.minusDays(1));
                        st.setObject(6, at);
                        st.addBatch();
                    } else if (i % 10 == 8) {
                        at2.setString(1, java.util.UUID.randomUUID().toString());
                        at2.setString(2, p[0]);
                        at2.setObject(3, at);
                        at2.addBatch();
                    } else {
                        dead.setObject(1, at);
                        dead.setString(2, p[0]);
                        dead.addBatch();
                    }
                }
                st.executeBatch();
                at2.executeBatch();
                dead.executeBatch();
            }
            c.commit();
        }
    }

    /** Bytes the seeded store takes per document: tables with their indexes (H2 DISK_SPACE_USED, PostgreSQL
     *  pg_total_relation_size), and what the database as a whole takes (PostgreSQL pg_database_size). */
    private static void reportSize(DataSource ds, int documents) throws Exception {
        try (Connection c = ds.getConnection()) {
            boolean postgres = c.getMetaData().getDatabaseProductName().toLowerCase().contains("postgres");
            long tables = 0;
            StringBuilder per = new StringBuilder();
            for (String t : new String[] {"document", "recipient", "status_event", "transport_attempt",
                "received_package"}) {
                try (var r = c.createStatement().executeQuery(postgres ? "SELECT pg_total_relation_size('" + t + "')"
                        : "SELECT DISK_SPACE_USED('" + t.toUpperCase() + "')")) {
                    r.next();
                    tables += r.getLong(1);
                    per.append(String.format("%s %,d B/doc; ", t, r.getLong(1) / documents));
                }
            }
            String whole = "";
            if (postgres) {
                try (var r = c.createStatement().executeQuery("SELECT pg_database_size(current_database())")) {
                    r.next();
                    whole = String.format(", pg_database_size %,d B/doc", r.getLong(1) / documents);
                }
            }
            report("Store size: %,d B per document in the tables with their indexes (%s)%s%n", tables / documents,
                    per.toString().trim(), whole);
        }
    }

    static final LocalDate TODAY = LocalDate.of(2026, 12, 31);

    private static List<Object[]> queries() {
        YearMonth month = YearMonth.of(2026, 11);
        List<Object[]> queries = new ArrayList<>();
        queries.add(new Object[] {"a month, all organisations, one row", StatisticsQuery.month(month)});
        queries.add(new Object[] {"a month, day by day", StatisticsQuery.range(month.atDay(1), month.atEndOfMonth(),
                Granularity.DAY)});
        queries.add(new Object[] {"a month, per organisation and counterpart", StatisticsQuery.month(month)
                .perOrganisation(true).perCounterpart(true)});
        queries.add(new Object[] {"a month, one organisation", StatisticsQuery.month(month)
                .forOrganisations(Set.of(OURS[0]))});
        queries.add(new Object[] {"a year, month by month", StatisticsQuery.range(LocalDate.of(2026, 1, 1),
                LocalDate.of(2026, 12, 31), Granularity.MONTH)});
        queries.add(new Object[] {"a year, per counterpart", StatisticsQuery.range(LocalDate.of(2026, 1, 1),
                LocalDate.of(2026, 12, 31), Granularity.TOTAL).perCounterpart(true)});
        queries.add(new Object[] {"a year, one counterpart", StatisticsQuery.range(LocalDate.of(2026, 1, 1),
                LocalDate.of(2026, 12, 31), Granularity.TOTAL).withCounterpart(counterpart(7))});
        queries.add(new Object[] {"any range (10 Mar - 20 Aug), per organisation", StatisticsQuery.range(
                LocalDate.of(2026, 3, 10), LocalDate.of(2026, 8, 20), Granularity.TOTAL).perOrganisation(true)});
        return queries;
    }

    /**
     * Times every query {@code runs} times: the live joins when {@code live}, else through
     * {@link ExchangeStatistics#compute}; a non-null {@code reference} is compared with the answers.
     */
    private List<StatisticsResult> measure(ExchangeStatistics statistics, List<StatisticsResult> reference, int runs,
            boolean live) throws Exception {
        List<StatisticsResult> results = new ArrayList<>();
        int index = 0;
        for (Object[] q : queries()) {
            long[] ms = new long[runs];
            long[] cpu = new long[ms.length];
            StatisticsResult r = null;
            var threads = java.lang.management.ManagementFactory.getThreadMXBean();
            for (int i = 0; i < ms.length; i++) {
                long s = System.nanoTime();
                long c = threads.getCurrentThreadCpuTime();
                r = live ? statistics.computeLive((StatisticsQuery) q[1], TODAY)
                        : statistics.compute((StatisticsQuery) q[1], TODAY);
                ms[i] = (System.nanoTime() - s) / 1_000_000;
                // H2 runs the query in this thread: its CPU time is the query's, whatever the machine's load
                cpu[i] = (threads.getCurrentThreadCpuTime() - c) / 1_000_000;
            }
            long sent = r.rows().stream().mapToLong(x -> x.sent().documents()).sum();
            long received = r.rows().stream().mapToLong(x -> x.received().documents()).sum();
            String same = "";
            if (reference != null) {
                boolean equal = reference.get(index).rows().equals(r.rows());
                same = equal ? " (= live)" : " (DIFFERS FROM LIVE)";
                org.junit.jupiter.api.Assertions.assertTrue(equal, q[0] + ": rollup path differs from the live joins");
            }
            report("| %s%s | %d rows | %,d sent, %,d received | %s ms | %s ms |%n", q[0], same, r.rows().size(), sent,
                    received, runs(ms), runs(cpu));
            results.add(r);
            index++;
        }
        return results;
    }

    /** Outside Maven: {@code java -cp … StatisticsMillionBenchmark 1000000 postgres|h2|<jdbc url of a store>}. */
    public static void main(String[] args) throws Exception {
        System.setProperty("stats.benchmark", args[0]);
        StatisticsMillionBenchmark b = new StatisticsMillionBenchmark();
        if (args.length > 1 && args[1].startsWith("jdbc:")) { // an existing store: … 1000000 jdbc:h2:file:/…/lienthong
            System.setProperty("stats.benchmark.url", args[1]);
            b.existingStore();
            System.exit(0);
        }
        if (args.length < 2 || args[1].contains("postgres")) {
            b.postgres();
        }
        if (args.length < 2 || args[1].contains("h2")) {
            b.h2();
        }
        System.exit(0);
    }

    private static String counterpart(int i) {
        return String.format("000.00.%02d.H%02d", i % 100, i % 63);
    }

    /** Seeds {@code documents} documents spread evenly over 2026 (Vietnam time); returns the rows written. */
    static long seed(DataSource ds, int documents) throws Exception {
        Random random = new Random(12);
        long rows = 0;
        OffsetDateTime yearStart = LocalDate.of(2026, 1, 1).atStartOfDay(VietnamTime.ZONE).toOffsetDateTime();
        long yearSeconds = 365L * 86400;
        try (Connection c = ds.getConnection()) {
            c.setAutoCommit(false);
            try (StoreSeed s = new StoreSeed(c)) {
                for (int n = 0; n < documents; n++) {
                    OffsetDateTime created = yearStart.plusSeconds(yearSeconds * n / documents);
                    boolean out = random.nextInt(10) < 6;
                    String our = OURS[random.nextInt(OURS.length)];
                    String other = counterpart(random.nextInt(50));
                    int businessType = random.nextInt(100) < 95 ? 0 : 1 + random.nextInt(3);
                    int priority = random.nextInt(10) < 8 ? 0 : random.nextInt(5);
                    LocalDate due = random.nextInt(4) == 0 ? created.toLocalDate().plusDays(10) : null;
                    String id;
                    List<String> recipients = new ArrayList<>();
                    if (out) {
                        String state = random.nextInt(100) < 2 ? "DEAD" : "SENT";
                        id = s.sent(our, businessType, 1 + random.nextInt(3), priority, state, created, due);
                        recipients.add(other);
                        if (random.nextInt(10) < 3) {
                            recipients.add(counterpart(50 + random.nextInt(13)));
                        }
                        s.attempt(id, random.nextInt(100) < 5 ? "RETRY" : "SENT", created.plusSeconds(1));
                        rows++;
                    } else {
                        id = s.received(other, businessType, 1 + random.nextInt(3), priority, created, due);
                        recipients.add(our);
                    }
                    rows++;
                    for (String r : recipients) {
                        s.recipient(id, r);
                        rows++;
                        if (businessType == 0) {
                            rows += chain(s, random, id, r, created);
                        }
                    }
                }
            }
            c.commit();
        }
        return rows;
    }

    /** A status chain as seen in practice: most arrive (01), many are handled (03 … 06), a few refused (02). */
    private static int chain(StoreSeed s, Random random, String id, String organ, OffsetDateTime created)
            throws Exception {
        int roll = random.nextInt(100);
        if (roll < 10) {
            return 0;
        }
        OffsetDateTime t = created.plusSeconds(5 + random.nextInt(600));
        s.status(id, organ, "01", t);
        if (roll < 30) {
            return 1;
        }
        if (roll < 35) {
            s.status(id, organ, "02", t.plusSeconds(random.nextInt(86400)));
            return 2;
        }
        t = t.plusSeconds(60 + random.nextInt(7200));
        s.status(id, organ, "03", t);
        if (roll < 60) {
            return 2;
        }
        t = t.plusSeconds(600 + random.nextInt(5 * 86400));
        s.status(id, organ, "06", t);
        return 3;
    }

    private static String runs(long[] values) {
        return java.util.Arrays.stream(values).mapToObj(v -> String.format("%,d", v))
                .collect(java.util.stream.Collectors.joining(" / "));
    }

    private static String loadAverage() {
        try {
            return Files.readString(Path.of("/proc/loadavg")).split(" ")[0];
        } catch (IOException e) {
            return "?";
        }
    }

    private static void report(String format, Object... args) throws IOException {
        String line = String.format(format, args);
        System.out.print(line);
        Files.createDirectories(REPORT.getParent());
        Files.writeString(REPORT, line, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
    }
}
