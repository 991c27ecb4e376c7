package vn.lienthong.adapter.signatures.control;

import java.time.Duration;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

import jakarta.enterprise.context.ApplicationScoped;

/**
 * Wakes the verifier when a transaction that queued a document commits, so a verdict follows acceptance within
 * moments instead of at the next interval; the interval remains for other nodes' documents and after a crash.
 */
@ApplicationScoped
public class VerificationSignal {

    private final Semaphore work = new Semaphore(0);

    public void wake() {
        if (work.availablePermits() == 0) {
            work.release();
        }
    }

    /** Waits until woken or {@code max} has passed. */
    public void await(Duration max) throws InterruptedException {
        if (work.tryAcquire(max.toMillis(), TimeUnit.MILLISECONDS)) {
            work.drainPermits();
        }
    }
}
