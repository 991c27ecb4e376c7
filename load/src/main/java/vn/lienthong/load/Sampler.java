package vn.lienthong.load;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.LongSupplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * During a soak: at a fixed interval, the requests accepted so far, live heap (after a full collection), resident memory, the database's
 * size and (H2) the live bytes the adapter's H2 housekeeping last logged; printed and kept, so that the run can
 * compare its first and last minute and the store's growth per document over the second half (drift shows as
 * growth that does not level off).
 */
final class Sampler {

    private static final Pattern H2_LIVE = Pattern.compile("H2 store: file (\\d+) KiB, fill (\\d+) %, chunks fill (\\d+) %,"
            + " live ~(\\d+) KiB");

    /** One sample: when, accepted requests of the window and documents of the run so far, sizes in bytes. */
    record Sample(Instant at, long accepted, long documents, long heapKib, long rssKib, long dbBytes, long h2LiveKib) {
    }

    private final Thread thread;
    private final List<Sample> samples;

    private Sampler(Thread thread, List<Sample> samples) {
        this.thread = thread;
        this.samples = samples;
    }

    static Sampler start(ProcessProbe server, LongSupplier dbBytes, Path adapterLog, LongSupplier accepted,
            LongSupplier documents, Duration every) {
        List<Sample> samples = java.util.Collections.synchronizedList(new ArrayList<>());
        Thread t = new Thread(() -> {
            try {
                while (!Thread.currentThread().isInterrupted()) {
                    Thread.sleep(every.toMillis());
                    Sample s = new Sample(Instant.now(), accepted.getAsLong(), documents.getAsLong(),
                            server.heapUsedKib(true), server.rssKib(), dbBytes.getAsLong(), lastH2LiveKib(adapterLog));
                    samples.add(s);
                    System.out.printf(Locale.ROOT, "soak sample %s accepted %d, documents %d, live heap %d KiB,"
                            + " RSS %d KiB, db %d KiB, H2 live %s KiB, load %s%n", s.at(), s.accepted(), s.documents(),
                            s.heapKib(), s.rssKib(), s.dbBytes() / 1024, s.h2LiveKib() < 0 ? "?" : s.h2LiveKib(),
                            LoadRun.loadAverage());
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, "soak-sampler");
        t.setDaemon(true);
        t.start();
        return new Sampler(t, samples);
    }

    void stop() {
        thread.interrupt();
    }

    List<Sample> samples() {
        synchronized (samples) {
            return List.copyOf(samples);
        }
    }

    /**
     * First minute against last minute (accepted per second) and the database's growth per document over the second
     * half of the samples.
     */
    static String summary(List<Sample> samples, Instant windowStart) {
        if (samples.size() < 2) {
            return "soak: fewer than two samples";
        }
        Sample first = samples.get(0);
        Sample beforeLast = samples.get(samples.size() - 2);
        Sample last = samples.get(samples.size() - 1);
        // the real intervals: a sample also waits for jcmd's full collection, so they are a little over a minute
        double firstRate = first.accepted() / seconds(windowStart, first.at());
        double lastRate = (last.accepted() - beforeLast.accepted()) / seconds(beforeLast.at(), last.at());
        Sample mid = samples.get(samples.size() / 2);
        long docs = last.documents() - mid.documents();
        String growth = docs <= 0 ? "—" : String.format(Locale.ROOT, "%.1f", (last.dbBytes() - mid.dbBytes()) / 1024.0 / docs);
        String live = docs <= 0 || last.h2LiveKib() < 0 || mid.h2LiveKib() < 0 ? "—"
                : String.format(Locale.ROOT, "%.1f", (double) (last.h2LiveKib() - mid.h2LiveKib()) / docs);
        return String.format(Locale.ROOT, "soak: first minute %.1f/s, last minute %.1f/s (%.0f %%); second half"
                + " (%d documents): database file +%s KiB/doc, H2 live +%s KiB/doc; live heap %d → %d KiB",
                firstRate, lastRate, firstRate == 0 ? 0.0 : 100 * lastRate / firstRate, docs, growth, live,
                first.heapKib(), last.heapKib());
    }

    private static double seconds(Instant from, Instant to) {
        return Math.max(1, Duration.between(from, to).toMillis()) / 1000.0;
    }

    /** The live KiB of the last "H2 store:" line in the adapter's log (H2Housekeeping), or -1. */
    static long lastH2LiveKib(Path log) {
        String tail = tail(log, 256 * 1024);
        Matcher m = H2_LIVE.matcher(tail);
        long live = -1;
        while (m.find()) {
            live = Long.parseLong(m.group(4));
        }
        return live;
    }

    private static String tail(Path log, int bytes) {
        if (log == null || !log.toFile().isFile()) {
            return "";
        }
        try (RandomAccessFile f = new RandomAccessFile(log.toFile(), "r")) {
            long start = Math.max(0, f.length() - bytes);
            byte[] b = new byte[(int) (f.length() - start)];
            f.seek(start);
            f.readFully(b);
            return new String(b, StandardCharsets.UTF_8);
        } catch (IOException e) {
            return "";
        }
    }
}
