package vn.lienthong.adapter.delivery.control;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

/**
 * How many sends one node may have under way to each axis endpoint at once ({@code adapter.outbox.max-parallel-sends}).
 * A slot is taken before a document is handed to a sender thread and given back when its send has ended, whatever
 * the outcome, so the axis never sees more than the bound from this node (with several nodes: the bound times the
 * number of nodes).
 */
public final class SendSlots {

    private final int perEndpoint;
    private final Map<String, Semaphore> slots = new ConcurrentHashMap<>();

    public SendSlots(int perEndpoint) {
        if (perEndpoint < 1) {
            throw new IllegalArgumentException("At least one send slot per endpoint: " + perEndpoint);
        }
        this.perEndpoint = perEndpoint;
    }

    public int perEndpoint() {
        return perEndpoint;
    }

    /** Takes one slot for {@code endpoint}, waiting at most {@code wait}; false when none became free. */
    public boolean take(String endpoint, Duration wait) throws InterruptedException {
        return of(endpoint).tryAcquire(wait.toMillis(), TimeUnit.MILLISECONDS);
    }

    public void giveBack(String endpoint) {
        of(endpoint).release();
    }

    /** Sends under way to {@code endpoint}. */
    public int inUse(String endpoint) {
        return perEndpoint - of(endpoint).availablePermits();
    }

    private Semaphore of(String endpoint) {
        return slots.computeIfAbsent(endpoint, e -> new Semaphore(perEndpoint));
    }
}
