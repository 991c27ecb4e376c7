package vn.lienthong.adapter.delivery.control;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.function.DoubleSupplier;

/**
 * When to try a failed document again and when to give up: exponential backoff (2 s, 4 s, 8 s … capped at
 * 10 minutes) with ±20 % jitter, and a maximum age counted from the time the document was queued. An axis
 * outage shorter than the maximum age therefore never loses a document; a longer one ends in DEAD + ALERT.
 */
public final class RetryPolicy {

    static final long BASE_MILLIS = 2_000;
    static final long CAP_MILLIS = Duration.ofMinutes(10).toMillis();

    private final Duration maxAge;
    private final DoubleSupplier random;

    /** @param random values in [0, 1); tests pass a fixed one to check the jitter bounds. */
    public RetryPolicy(Duration maxAge, DoubleSupplier random) {
        if (maxAge.isNegative() || maxAge.isZero()) {
            throw new IllegalArgumentException("The maximum age must be positive: " + maxAge);
        }
        this.maxAge = maxAge;
        this.random = random;
    }

    public static RetryPolicy withMaxAge(Duration maxAge) {
        return new RetryPolicy(maxAge, () -> java.util.concurrent.ThreadLocalRandom.current().nextDouble());
    }

    /** Delay before the next try, after {@code attemptsSoFar} failed ones (jitter spreads a backlog). */
    public Duration delayAfter(int attemptsSoFar) {
        long exp = BASE_MILLIS << Math.min(Math.max(attemptsSoFar, 0), 20);
        long capped = Math.min(exp, CAP_MILLIS);
        double jitter = 0.8 + random.getAsDouble() * 0.4;
        return Duration.ofMillis((long) (capped * jitter));
    }

    /** True when a document queued at {@code queuedAt} has been failing for longer than the maximum age. */
    public boolean tooOld(OffsetDateTime queuedAt, OffsetDateTime now) {
        return Duration.between(queuedAt, now).compareTo(maxAge) > 0;
    }

    public Duration maxAge() {
        return maxAge;
    }
}
