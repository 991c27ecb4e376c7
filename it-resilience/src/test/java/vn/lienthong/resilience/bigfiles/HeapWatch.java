package vn.lienthong.resilience.bigfiles;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The adapter's live heap while a large attachment goes through, from outside its JVM: a full collection is
 * requested every few seconds ({@code jcmd <pid> GC.run}), and the heap each leaves behind is read from the
 * adapter's GC log ({@code -Xlog:gc:file=…}). What a full collection leaves is what the adapter holds at that
 * moment — garbage between collections is not "held". Growth = highest of these during a window minus the last
 * one before it.
 */
final class HeapWatch implements AutoCloseable {

    private static final Pattern HEAP = Pattern.compile("Pause Full.* (\\d+)([KMG])->(\\d+)([KMG])\\((\\d+)([KMG])\\)");
    private static final Pattern ANY = Pattern.compile(" (\\d+)([KMG])->(\\d+)([KMG])\\((\\d+)([KMG])\\)");

    private final long pid;
    private final Path gcLog;
    private ScheduledExecutorService collector;

    HeapWatch(long pid, Path gcLog) {
        this.pid = pid;
        this.gcLog = gcLog;
    }

    /** JVM options the adapter needs for this watch. */
    static List<String> jvmOptions(Path gcLog) {
        return List.of("-Xlog:gc:file=" + gcLog + ":uptime");
    }

    /** What full collections left behind, and the largest heap seen before any collection, in a window. */
    record Window(long baselineBytes, long peakLiveBytes, long peakUsedBytes, int fullCollections) {
        long growthBytes() {
            return Math.max(0, peakLiveBytes - baselineBytes);
        }

        @Override
        public String toString() {
            return String.format("baseline %d MiB, peak after full GC %d MiB (growth %d MiB, %d full GCs),"
                    + " peak used before any GC %d MiB", baselineBytes >> 20, peakLiveBytes >> 20,
                    growthBytes() >> 20, fullCollections, peakUsedBytes >> 20);
        }
    }

    /** Collects now and returns the position in the log where a window starts, with the heap left behind. */
    Mark mark() throws IOException, InterruptedException {
        collect();
        List<String> lines = lines();
        long live = -1;
        for (String line : lines) {
            Matcher m = HEAP.matcher(line);
            if (m.find()) {
                live = bytes(m.group(3), m.group(4));
            }
        }
        return new Mark(lines.size(), live);
    }

    record Mark(int line, long liveBytes) {
    }

    /** Starts requesting a full collection every {@code seconds}. */
    void start(int seconds) {
        collector = Executors.newSingleThreadScheduledExecutor();
        collector.scheduleWithFixedDelay(() -> {
            try {
                collect();
            } catch (IOException | InterruptedException e) {
                // the adapter may be busy or gone; the next round tries again
            }
        }, seconds, seconds, TimeUnit.SECONDS);
    }

    /** The window from {@code start} to now (one last collection included). */
    Window since(Mark start) throws IOException, InterruptedException {
        collect();
        List<String> lines = lines();
        long peakLive = start.liveBytes();
        long peakUsed = 0;
        int full = 0;
        for (String line : lines.subList(Math.min(start.line(), lines.size()), lines.size())) {
            Matcher any = ANY.matcher(line);
            if (any.find()) {
                peakUsed = Math.max(peakUsed, bytes(any.group(1), any.group(2)));
            }
            Matcher m = HEAP.matcher(line);
            if (m.find()) {
                full++;
                peakLive = Math.max(peakLive, bytes(m.group(3), m.group(4)));
            }
        }
        return new Window(start.liveBytes(), peakLive, peakUsed, full);
    }

    private void collect() throws IOException, InterruptedException {
        Process p = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "jcmd").toString(),
                Long.toString(pid), "GC.run").redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        if (!p.waitFor(60, TimeUnit.SECONDS)) {
            p.destroyForcibly();
        }
        TimeUnit.MILLISECONDS.sleep(200); // the log line is written after the pause
    }

    private List<String> lines() throws IOException {
        return Files.exists(gcLog) ? Files.readAllLines(gcLog) : List.of();
    }

    private static long bytes(String value, String unit) {
        long v = Long.parseLong(value);
        return switch (unit) {
            case "K" -> v << 10;
            case "M" -> v << 20;
            default -> v << 30;
        };
    }

    @Override
    public void close() {
        if (collector != null) {
            collector.shutdownNow();
        }
    }
}
