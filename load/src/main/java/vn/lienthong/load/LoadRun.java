package vn.lienthong.load;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * One bounded load run against a running adapter (scripts/load.sh starts one when no target is given): N client
 * threads send requests of one mode for a warm-up, then a measured window; every thread stops by itself at the end.
 * Prints a one-line summary and appends a markdown row to the results file.
 */
public final class LoadRun {

    /** Soak sampling interval (a minute: the target compares the first and the last minute). */
    static final Duration SAMPLE_EVERY = Duration.ofSeconds(60);

    private final RunOptions o;
    private final Latencies latencies = new Latencies();
    private final AtomicLong completed = new AtomicLong();
    private final AtomicLong accepted = new AtomicLong();
    private final AtomicLong refused = new AtomicLong();
    private final AtomicLong failed = new AtomicLong();
    /** DocumentIds of every accepted submission (warm-up included). */
    private final Set<String> acceptedIds = ConcurrentHashMap.newKeySet();
    private final Map<String, Integer> errorSamples = new ConcurrentHashMap<>();

    private LoadRun(RunOptions o) {
        this.o = o;
    }

    public static void main(String[] args) throws Exception {
        RunOptions options = RunOptions.parse(args);
        System.exit(new LoadRun(options).run() ? 0 : 1);
    }

    private boolean run() throws Exception {
        Target target = new Target(o.http(), o.https(), o.data());
        Workload workload = new Workload(o.mode(), target,
                o.mode() == Mode.LEGACY_SEND ? target.issueLegacyToken() : null, o.attachmentBytes(), o.seeded());
        ProcessProbe server = new ProcessProbe(o.pid());
        SimulatorProbe simulator = new SimulatorProbe(o.simulator());
        Path db = o.data().resolve("db");

        long heapBefore = server.heapUsedKib(true);
        long dbBefore = databaseSize(db);
        long dataBefore = storeSize(o.data());
        Set<String> deliveredBefore = simulator.delivered(Workload.NOTATION);

        long start = System.nanoTime();
        long windowStart = start + o.warmup().toNanos();
        long windowEnd = windowStart + o.duration().toNanos();
        List<Thread> threads = new ArrayList<>();
        for (int i = 0; i < o.threads(); i++) {
            Thread t = new Thread(() -> drive(target, workload, windowStart, windowEnd), "load-" + i);
            t.start();
            threads.add(t);
        }
        sleepUntil(windowStart);
        // The window's wall clock, to cut a JFR recording of the adapter to the measured minute.
        Instant windowStartedAt = Instant.now();
        System.out.println("window starts " + windowStartedAt + " (" + o.duration().toSeconds() + " s)");
        long cpuStart = server.cpuMillis();
        long simCpuStart = new ProcessProbe(o.simulatorPid()).cpuMillis();
        Set<String> deliveredAtStart = mine(simulator.delivered(Workload.NOTATION), deliveredBefore);
        Sampler sampler = o.mode() == Mode.SOAK ? Sampler.start(server, () -> databaseSize(db),
                o.data().resolve("logs").resolve("adapter.log"), accepted::get, acceptedIds::size, SAMPLE_EVERY) : null;
        sleepUntil(windowEnd);
        long cpuEnd = server.cpuMillis();
        long simCpuEnd = new ProcessProbe(o.simulatorPid()).cpuMillis();
        Set<String> deliveredAtEnd = mine(simulator.delivered(Workload.NOTATION), deliveredBefore);
        for (Thread t : threads) {
            t.join(Duration.ofSeconds(120).toMillis()); // each finishes at most its last request (client timeout 60 s)
        }
        if (sampler != null) {
            sampler.stop();
        }

        // Drain: wait (bounded) until every accepted document is at the simulator.
        Set<String> deliveredAll = deliveredAtEnd;
        long drainStart = System.nanoTime();
        long drainEnd = drainStart + o.drain().toNanos();
        while (o.mode().submits() && simulator.enabled() && !deliveredAll.containsAll(acceptedIds)
                && System.nanoTime() < drainEnd) {
            Thread.sleep(2000);
            deliveredAll = mine(simulator.delivered(Workload.NOTATION), deliveredBefore);
        }
        double drainSeconds = (System.nanoTime() - drainStart) / 1e9;
        Set<String> deliveredOfRun = new HashSet<>(deliveredAll);
        deliveredOfRun.retainAll(acceptedIds);

        long heapAfter = server.heapUsedKib(true);
        long dbAfter = databaseSize(db);
        long dataAfter = storeSize(o.data());

        String soak = sampler == null ? null : Sampler.summary(sampler.samples(), windowStartedAt);
        if (soak != null) {
            System.out.println(soak);
        }
        RunOptions ro = soak == null ? o : o.withNote((o.note().isEmpty() ? "" : o.note() + "; ") + soak);
        Result r = new Result(ro, Instant.now(), latencies, completed.get(), accepted.get(), refused.get(), failed.get(),
                o.mode().submits() && simulator.enabled() ? deliveredInWindow(deliveredAtStart, deliveredAtEnd) : -1,
                deliveredOfRun.size(), acceptedIds.size(), drainSeconds,
                cpuStart < 0 || cpuEnd < 0 ? -1 : cpuEnd - cpuStart,
                simCpuStart < 0 || simCpuEnd < 0 ? -1 : simCpuEnd - simCpuStart,
                heapBefore < 0 || heapAfter < 0 ? Long.MIN_VALUE : heapAfter - heapBefore,
                dbAfter - dbBefore, dataAfter - dataBefore, loadAverage());
        System.out.println(r.summaryLine());
        errorSamples.forEach((k, v) -> System.out.println("  error x" + v + ": " + k));
        if (o.results() != null) {
            Path results = o.results();
            if (!Files.exists(results)) {
                Files.writeString(results, Result.HEADER, StandardCharsets.UTF_8);
            }
            Files.writeString(results, r.markdownRow() + "\n", StandardCharsets.UTF_8, StandardOpenOption.APPEND);
            System.out.println("row appended to " + results);
        }
        return accepted.get() > 0;
    }

    private void drive(Target target, Workload workload, long windowStart, long windowEnd) {
        WsSecurity security;
        try {
            security = new WsSecurity(target.credentials().clientKeys());
        } catch (Exception e) {
            throw new IllegalStateException("client key store not readable", e);
        }
        while (System.nanoTime() < windowEnd) {
            Workload.Request req;
            try {
                req = workload.next(security);
            } catch (Exception e) {
                sample("client could not build a request: " + e);
                continue;
            }
            long sent = System.nanoTime();
            int status;
            String body;
            try {
                HttpResponse<String> answer = target.client().send(HttpRequest.newBuilder(req.uri())
                        .timeout(Duration.ofSeconds(60)).header("Content-Type", req.contentType())
                        .header("SOAPAction", "\"" + req.soapAction() + "\"")
                        .POST(HttpRequest.BodyPublishers.ofByteArray(req.body())).build(),
                        HttpResponse.BodyHandlers.ofString());
                status = answer.statusCode();
                body = answer.body();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (Exception e) {
                status = -1;
                body = e.toString();
            }
            long done = System.nanoTime();
            boolean ok = status > 0 && workload.accepted(status, body);
            if (ok && req.documentId() != null) {
                acceptedIds.add(req.documentId());
            }
            if (sent < windowStart || done > windowEnd) {
                continue; // warm-up, or finished after the window closed
            }
            completed.incrementAndGet();
            latencies.add((done - sent) / 1000);
            if (ok) {
                accepted.incrementAndGet();
            } else if (status < 0) {
                failed.incrementAndGet();
                sample("transport: " + body);
            } else {
                refused.incrementAndGet();
                sample("HTTP " + status + ": " + body);
            }
        }
    }

    private void sample(String error) {
        String key = error.length() > 300 ? error.substring(0, 300) : error;
        if (errorSamples.size() < 5 || errorSamples.containsKey(key)) {
            errorSamples.merge(key, 1, Integer::sum);
        }
    }

    /** This run's documents that reached the simulator during the window (not an earlier run's backlog). */
    private long deliveredInWindow(Set<String> atStart, Set<String> atEnd) {
        Set<String> s = new HashSet<>(atEnd);
        s.removeAll(atStart);
        s.retainAll(acceptedIds);
        return s.size();
    }

    private static Set<String> mine(Set<String> now, Set<String> before) {
        Set<String> s = new HashSet<>(now);
        s.removeAll(before);
        return s;
    }

    /** Bytes of the database: the H2 file folder, or PostgreSQL's own figure with --db-url. */
    private long databaseSize(Path h2Folder) {
        if (o.dbUrl() == null) {
            return ProcessProbe.sizeOf(h2Folder);
        }
        try (java.sql.Connection c = java.sql.DriverManager.getConnection(o.dbUrl(), "postgres", "");
                java.sql.ResultSet r = c.createStatement().executeQuery(
                        "SELECT pg_database_size(current_database())")) {
            r.next();
            return r.getLong(1);
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException("database size: " + e.getMessage(), e);
        }
    }

    /** The adapter's store: database, attachments and packages; not its logs, keys or the simulator's folder. */
    static long storeSize(Path data) {
        long total = ProcessProbe.sizeOf(data);
        return total - ProcessProbe.sizeOf(data.resolve("logs")) - ProcessProbe.sizeOf(data.resolve("axis"))
                - ProcessProbe.sizeOf(data.resolve("keys")) - ProcessProbe.sizeOf(data.resolve("tmp"))
                - ProcessProbe.sizeOf(data.resolve("pg")); // --db postgres: measured as the database, not the store
    }

    private static void sleepUntil(long nanoTime) throws InterruptedException {
        long left;
        while ((left = nanoTime - System.nanoTime()) > 0) {
            Thread.sleep(Math.max(1, Math.min(1000, left / 1_000_000)));
        }
    }

    static String loadAverage() {
        try {
            String[] f = Files.readString(Path.of("/proc/loadavg")).split("\\s+");
            return f[0] + " " + f[1] + " " + f[2];
        } catch (Exception e) {
            return "?";
        }
    }

    static final DateTimeFormatter MINUTE = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").withZone(ZoneOffset.UTC);

    /** Options of one run (see scripts/load.sh --help). */
    record RunOptions(Mode mode, int threads, Duration duration, Duration warmup, Duration drain, URI http, URI https,
            Path data, long pid, URI simulator, long simulatorPid, Path results, long seeded, int attachmentBytes,
            String note, String dbUrl) {

        RunOptions withNote(String newNote) {
            return new RunOptions(mode, threads, duration, warmup, drain, http, https, data, pid, simulator, simulatorPid,
                    results, seeded, attachmentBytes, newNote, dbUrl);
        }

        static RunOptions parse(String[] args) {
            Map<String, String> a = new LinkedHashMap<>();
            for (int i = 0; i + 1 < args.length; i += 2) {
                if (!args[i].startsWith("--")) {
                    throw new IllegalArgumentException("expected --option value, got " + args[i]);
                }
                a.put(args[i].substring(2), args[i + 1]);
            }
            Mode mode = Mode.of(a.getOrDefault("mode", "signed-submit"));
            String http = a.getOrDefault("http", "http://127.0.0.1:8080/lienthong/");
            return new RunOptions(mode, Integer.parseInt(a.getOrDefault("threads", "8")),
                    Duration.ofSeconds(Long.parseLong(a.getOrDefault("seconds", mode == Mode.SOAK ? "1800" : "60"))),
                    Duration.ofSeconds(Long.parseLong(a.getOrDefault("warmup", "10"))),
                    Duration.ofSeconds(Long.parseLong(a.getOrDefault("drain", "60"))), URI.create(http),
                    URI.create(a.getOrDefault("https", "https://localhost:8181/lienthong/")),
                    Path.of(a.getOrDefault("data", "adapter-data")).toAbsolutePath(),
                    Long.parseLong(a.getOrDefault("pid", "0")),
                    a.containsKey("simulator") ? URI.create(a.get("simulator")) : null,
                    Long.parseLong(a.getOrDefault("simulator-pid", "0")),
                    a.containsKey("results") ? Path.of(a.get("results")) : null,
                    Long.parseLong(a.getOrDefault("seeded", "0")),
                    Integer.parseInt(a.getOrDefault("attachment-bytes", "10240")), a.getOrDefault("note", ""),
                    a.get("db-url"));
        }
    }
}
