package vn.lienthong.adapter.operations.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import vn.lienthong.adapter.reception.control.ReceiveRound;

/**
 * When this node's receive loop last began a round. The lag (seconds since then) stays near
 * {@code adapter.receive.interval-ms} while the loop runs, and grows when it hangs or is starved.
 */
@ApplicationScoped
public class ReceiveLag {

    private final long startedNanos = System.nanoTime();
    private volatile long lastRoundNanos;

    void onRound(@Observes ReceiveRound round) {
        lastRoundNanos = System.nanoTime();
    }

    /** Seconds since the last round began (since the application started when none has yet). */
    public double seconds() {
        long since = lastRoundNanos == 0 ? startedNanos : lastRoundNanos;
        return (System.nanoTime() - since) / 1e9;
    }
}
