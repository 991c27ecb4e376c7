package vn.lienthong.adapter.operations.control;

import java.time.Duration;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import vn.lienthong.adapter.configuration.AdapterSettings;
import vn.lienthong.adapter.operations.entity.StoreFigures;

/**
 * The last {@link StoreFigures}, re-read at most once per {@code adapter.metrics.cache-ms}: a Prometheus scrape
 * reads a dozen gauges and probes come every few seconds, so without it each would query the store.
 */
@ApplicationScoped
public class FiguresCache {

    @Inject
    StoreReadings readings;
    @Inject
    AdapterSettings settings;

    /** Running totals of outgoing documents and attempts: full count once, then only the new rows. */
    private final RunningTally documents = new RunningTally();
    private final RunningTally attempts = new RunningTally();
    private StoreFigures last;
    private long readAtNanos;

    /** The figures if they can be read; null when the store does not answer (gauges then read NaN). */
    public synchronized StoreFigures getOrNull() {
        Duration maxAge = settings.operations().metricsCache();
        if (last == null || System.nanoTime() - readAtNanos > maxAge.toNanos()) {
            StoreFigures read = readings.readOrNull(documents, attempts);
            if (read == null) {
                return null; // not cached: the next call tries again
            }
            last = read;
            readAtNanos = System.nanoTime();
        }
        return last;
    }
}
