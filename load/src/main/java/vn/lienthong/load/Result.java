package vn.lienthong.load;

import java.time.Instant;
import java.util.Locale;

/** The figures of one run: a one-line summary and a markdown row for the results file. */
record Result(LoadRun.RunOptions o, Instant at, Latencies latencies, long completed, long accepted, long refused,
        long failed, long deliveredInWindow, long deliveredOfRun, long acceptedOfRun, double drainSeconds,
        long serverCpuMillis, long simulatorCpuMillis, long heapDeltaKib, long dbDeltaBytes, long storeDeltaBytes,
        String loadAverage) {

    static final String HEADER = "| Date (UTC) | Mode | Threads | Window s | Completed | **Accepted/s** | Refused / failed"
            + " | Delivered/s (in window) | Delivered of accepted (drain s) | p50 ms | p95 ms | **p99 ms**"
            + " | **Server CPU ms/req** | Simulator CPU ms/req | Live heap Δ KiB/doc | H2 Δ KiB/doc | Store Δ KiB/doc"
            + " | Load avg at end | Note |\n"
            + "|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|\n";

    double seconds() {
        return o.duration().toMillis() / 1000.0;
    }

    /** Documents that stayed in the store: accepted submissions, warm-up included (the growth figures divide by it). */
    long documents() {
        return o.mode().submits() ? acceptedOfRun : 0;
    }

    String summaryLine() {
        return String.format(Locale.ROOT, "LOAD %s threads=%d window=%.0fs completed=%d accepted/s=%.1f refused=%d"
                + " failed=%d delivered/s=%s delivered=%s p50=%.0fms p95=%.0fms p99=%.0fms serverCpu=%s ms/req"
                + " simCpu=%s ms/req heapΔ=%s KiB/doc h2Δ=%s KiB/doc storeΔ=%s KiB/doc load=%s",
                o.mode().cliName(), o.threads(), seconds(), completed, accepted / seconds(), refused, failed,
                deliveredRate(), deliveredShare(), latencies.percentileMillis(50), latencies.percentileMillis(95),
                latencies.percentileMillis(99), perRequest(serverCpuMillis), perRequest(simulatorCpuMillis),
                perDocument(heapDeltaKib == Long.MIN_VALUE ? Long.MIN_VALUE : heapDeltaKib * 1024),
                perDocument(dbDeltaBytes), perDocument(storeDeltaBytes), loadAverage);
    }

    String markdownRow() {
        return String.format(Locale.ROOT, "| %s | %s | %d | %.0f | %d | **%.1f** | %d / %d | %s | %s | %.0f | %.0f | **%.0f**"
                + " | **%s** | %s | %s | %s | %s | %s | %s |",
                LoadRun.MINUTE.format(at), o.mode().cliName(), o.threads(), seconds(), completed, accepted / seconds(),
                refused, failed, deliveredRate(), deliveredShare(), latencies.percentileMillis(50),
                latencies.percentileMillis(95), latencies.percentileMillis(99), perRequest(serverCpuMillis),
                perRequest(simulatorCpuMillis),
                perDocument(heapDeltaKib == Long.MIN_VALUE ? Long.MIN_VALUE : heapDeltaKib * 1024),
                perDocument(dbDeltaBytes), perDocument(storeDeltaBytes), loadAverage, o.note());
    }

    private String deliveredRate() {
        return deliveredInWindow < 0 ? "—" : String.format(Locale.ROOT, "%.1f", deliveredInWindow / seconds());
    }

    private String deliveredShare() {
        return deliveredInWindow < 0 ? "—"
                : String.format(Locale.ROOT, "%d/%d (%.0f)", deliveredOfRun, acceptedOfRun, drainSeconds);
    }

    /** CPU milliseconds per completed request of the window; "—" without a process to watch. */
    String perRequest(long cpuMillis) {
        return cpuMillis < 0 || completed == 0 ? "—" : String.format(Locale.ROOT, "%.1f", (double) cpuMillis / completed);
    }

    /** KiB per stored document; "—" when the mode stores nothing or the figure is unknown. */
    String perDocument(long bytes) {
        return bytes == Long.MIN_VALUE || documents() == 0 ? "—"
                : String.format(Locale.ROOT, "%.1f", bytes / 1024.0 / documents());
    }
}
