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

    private StoreFigures last;
    private long readAtNanos;

    public synchronized StoreFigures get() {
        Duration maxAge = settings.operations().metricsCache();
        if (last == null || System.nanoTime() - readAtNanos > maxAge.toNanos()) {
            last = readings.read();
            readAtNanos = System.nanoTime();
        }
        return last;
    }

    /** The figures if they can be read; null when the store does not answer (the gauges then show nothing new). */
    public StoreFigures getOrNull() {
        try {
            return get();
        } catch (RuntimeException storeDown) {
            return null;
        }
    }
}
