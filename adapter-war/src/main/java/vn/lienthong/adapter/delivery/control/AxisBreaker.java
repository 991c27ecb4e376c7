package vn.lienthong.adapter.delivery.control;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.DoubleSupplier;

import vn.lienthong.adapter.delivery.control.BreakerState.Phase;
import vn.lienthong.axis.client.AxisAuthenticationException;
import vn.lienthong.axis.client.AxisException;
import vn.lienthong.axis.client.AxisTransportException;

/**
 * The outbox's circuit breaker as pure state transitions (no database, no clock of its own), so every rule is
 * unit-tested. An axis failure opens it; while open, documents wait and only a cheap probe is made, with
 * exponential backoff ({@code probeMin} doubling up to {@code probeMax}, ±20 % jitter so nodes do not probe in
 * step); a successful probe half-opens it, the first successful send closes it. A trial send that fails again
 * (the probe's operation works but sending does not) re-opens it and counts as a failed probe.
 */
public final class AxisBreaker {

    private final Duration probeMin;
    private final Duration probeMax;
    private final Duration alertAfter;
    private final DoubleSupplier random;

    /** @param random values in [0, 1); tests pass a fixed one. */
    public AxisBreaker(Duration probeMin, Duration probeMax, Duration alertAfter, DoubleSupplier random) {
        if (probeMin.isNegative() || probeMin.isZero() || probeMax.compareTo(probeMin) < 0) {
            throw new IllegalArgumentException("Probe intervals must satisfy 0 < min <= max: " + probeMin + ", "
                    + probeMax);
        }
        this.probeMin = probeMin;
        this.probeMax = probeMax;
        this.alertAfter = alertAfter;
        this.random = random;
    }

    public static AxisBreaker of(Duration probeMin, Duration probeMax, Duration alertAfter) {
        return new AxisBreaker(probeMin, probeMax, alertAfter, () -> ThreadLocalRandom.current().nextDouble());
    }

    /**
     * True when the failure says the axis (network, server, our credentials) is unavailable, false when the axis
     * answered and refused this one package (a FAIL with a business code, an unexpected 4xx): only the former
     * concerns every document.
     */
    public static boolean isAxisFailure(AxisException e) {
        return e instanceof AxisTransportException || e instanceof AxisAuthenticationException;
    }

    /** Wait before the next probe after {@code failedProbes} failed ones. */
    public Duration probeDelay(int failedProbes) {
        int shift = Math.min(Math.max(failedProbes, 0), 30);
        long millis = Math.min(probeMin.toMillis() << shift, probeMax.toMillis());
        if (millis <= 0) { // shifted past the range of long
            millis = probeMax.toMillis();
        }
        return Duration.ofMillis((long) (millis * (0.8 + random.getAsDouble() * 0.4)));
    }

    /**
     * True when an axis failure while sending {@code documentId} is to be blamed on the document: the breaker is
     * closed, so the axis has accepted other documents since this very one last failed "because of the axis". Such
     * a package (e.g. one that makes the axis time out) gets its own backoff and maximum age instead of stopping
     * the whole outbox again.
     */
    public boolean blamesDocument(BreakerState s, String documentId) {
        return s.phase() == Phase.CLOSED && documentId != null && documentId.equals(s.suspect());
    }

    /** A document send (or the look-up before it) failed because of the axis. */
    public BreakerState axisFailed(BreakerState s, OffsetDateTime now, String error, String documentId) {
        return switch (s.phase()) {
            case CLOSED -> new BreakerState(Phase.OPEN, now, now.plus(probeDelay(0)), 0, false, error, documentId);
            // The probe's operation works, sending does not: back off further, the outage goes on.
            case HALF_OPEN -> new BreakerState(Phase.OPEN, s.openedAt(), now.plus(probeDelay(s.failedProbes() + 1)),
                    s.failedProbes() + 1, s.alerted(), error, documentId);
            // Another node's send that was already under way: the probe schedule stands.
            case OPEN -> new BreakerState(Phase.OPEN, s.openedAt(), s.nextProbeAt(), s.failedProbes(), s.alerted(),
                    error, documentId);
        };
    }

    /**
     * The document a half-open trial should avoid when others wait: the one that failed last, so a package that
     * fails by itself cannot be the only thing ever tried.
     */
    public String trialAvoids(BreakerState s) {
        return s.phase() == Phase.HALF_OPEN ? s.suspect() : null;
    }

    /** This node takes the due probe: the next one is scheduled now, so other nodes do not probe meanwhile. */
    public BreakerState probeTaken(BreakerState s, OffsetDateTime now) {
        requireOpen(s);
        return new BreakerState(Phase.OPEN, s.openedAt(), now.plus(probeDelay(s.failedProbes())), s.failedProbes(),
                s.alerted(), s.lastError(), s.suspect());
    }

    public BreakerState probeFailed(BreakerState s, OffsetDateTime now, String error) {
        if (s.phase() != Phase.OPEN) {
            return s; // a send succeeded meanwhile (another node): that is the better evidence
        }
        int failed = s.failedProbes() + 1;
        return new BreakerState(Phase.OPEN, s.openedAt(), now.plus(probeDelay(failed)), failed, s.alerted(), error,
                s.suspect());
    }

    public BreakerState probeSucceeded(BreakerState s) {
        if (s.phase() != Phase.OPEN) {
            return s;
        }
        return new BreakerState(Phase.HALF_OPEN, s.openedAt(), null, s.failedProbes(), s.alerted(), s.lastError(),
                s.suspect());
    }

    /** Any successful axis answer to a document send: the outage is over (the suspect is remembered). */
    public BreakerState sendSucceeded(BreakerState s) {
        return new BreakerState(Phase.CLOSED, null, null, 0, false, null, s.suspect());
    }

    /** True when this outage has lasted {@code alertAfter} and nobody has raised the ALERT yet. */
    public boolean alertDue(BreakerState s, OffsetDateTime now) {
        return s.phase() != Phase.CLOSED && !s.alerted() && s.openedAt() != null
                && !s.openedAt().plus(alertAfter).isAfter(now);
    }

    public BreakerState alertRaised(BreakerState s) {
        return new BreakerState(s.phase(), s.openedAt(), s.nextProbeAt(), s.failedProbes(), true, s.lastError(),
                s.suspect());
    }

    private static void requireOpen(BreakerState s) {
        if (s.phase() != Phase.OPEN) {
            throw new IllegalStateException("Only an open breaker is probed: " + s.phase());
        }
    }
}
