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
        report("| Query | Rows | Documents counted | Wall time, runs 1/2/3 | CPU of the calling thread (H2: the query) |%n");
        ExchangeStatistics statistics = new ExchangeStatistics(ds);
        // Holds the database open between queries, as the server's pool does (an H2 file database is closed and
        // re-opened — seconds at this size — whenever its last connection closes).
        try (Connection keepOpen = ds.getConnection()) {
            measure(statistics);
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

    private void measure(ExchangeStatistics statistics) throws Exception {
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
        for (Object[] q : queries) {
            long[] ms = new long[Integer.getInteger("stats.benchmark.runs", 3)];
            long[] cpu = new long[ms.length];
            StatisticsResult r = null;
            var threads = java.lang.management.ManagementFactory.getThreadMXBean();
            for (int i = 0; i < ms.length; i++) {
                long s = System.nanoTime();
                long c = threads.getCurrentThreadCpuTime();
                r = statistics.compute((StatisticsQuery) q[1], LocalDate.of(2026, 12, 31));
                ms[i] = (System.nanoTime() - s) / 1_000_000;
                // H2 runs the query in this thread: its CPU time is the query's, whatever the machine's load
                cpu[i] = (threads.getCurrentThreadCpuTime() - c) / 1_000_000;
            }
            long sent = r.rows().stream().mapToLong(x -> x.sent().documents()).sum();
            long received = r.rows().stream().mapToLong(x -> x.received().documents()).sum();
            report("| %s | %d rows | %,d sent, %,d received | %s ms | %s ms |%n", q[0], r.rows().size(), sent,
                    received, runs(ms), runs(cpu));
            assertTrue(sent + received > 0, "the seeded year has documents");
        }
    }

    /** Outside Maven: {@code java -cp … StatisticsMillionBenchmark 1000000 postgres}. */
    public static void main(String[] args) throws Exception {
        System.setProperty("stats.benchmark", args[0]);
        StatisticsMillionBenchmark b = new StatisticsMillionBenchmark();
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
