package vn.lienthong.it.support;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.Callable;

/** Polls a condition until it holds or a deadline passes; the interval is bounded by the deadline. */
public final class Await {

    private Await() {
    }

    public static <T> T until(String what, Duration timeout, Callable<Optional<T>> probe) throws Exception {
        Instant deadline = Instant.now().plus(timeout);
        do {
            Optional<T> value = probe.call();
            if (value.isPresent()) {
                return value.get();
            }
            Thread.sleep(200);
        } while (Instant.now().isBefore(deadline));
        throw new AssertionError("Timed out after " + timeout.toSeconds() + " s waiting for " + what);
    }
}
