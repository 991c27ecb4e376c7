package vn.lienthong.adapter.delivery.control;

import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;

/** Exponential backoff with jitter: 2 s, 4 s, 8 s … capped at 10 minutes; dead after 20 attempts. */
public final class RetryPolicy {

    static final int MAX_ATTEMPTS = 20;
    private static final long BASE_MILLIS = 2_000;
    private static final long CAP_MILLIS = Duration.ofMinutes(10).toMillis();

    private RetryPolicy() {
    }

    /** Delay before the next try, after {@code attemptsSoFar} failed ones (jitter ±20 % spreads a backlog). */
    public static Duration delayAfter(int attemptsSoFar) {
        long exp = BASE_MILLIS << Math.min(attemptsSoFar, 20);
        long capped = Math.min(exp, CAP_MILLIS);
        double jitter = 0.8 + ThreadLocalRandom.current().nextDouble() * 0.4;
        return Duration.ofMillis((long) (capped * jitter));
    }

    public static boolean exhausted(int attemptsSoFar) {
        return attemptsSoFar + 1 >= MAX_ATTEMPTS;
    }
}
