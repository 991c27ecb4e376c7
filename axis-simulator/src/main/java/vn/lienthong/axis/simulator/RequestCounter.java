package vn.lienthong.axis.simulator;

import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * How many API requests of each operation arrived, counted before any fault strikes: a refused or dropped
 * request counts too, so tests can tell how hard a client hammers an axis that is down. Thread-safe.
 */
public final class RequestCounter {

    private final Map<String, AtomicLong> counts = new ConcurrentHashMap<>();

    void count(String operation) {
        counts.computeIfAbsent(operation, k -> new AtomicLong()).incrementAndGet();
    }

    /** Requests of {@code operation} since start or the last {@link #clear()}. */
    public long of(String operation) {
        AtomicLong n = counts.get(operation);
        return n == null ? 0 : n.get();
    }

    /** Every operation seen, sorted by name. */
    public Map<String, Long> snapshot() {
        Map<String, Long> copy = new TreeMap<>();
        counts.forEach((op, n) -> copy.put(op, n.get()));
        return copy;
    }

    public void clear() {
        counts.clear();
    }
}
