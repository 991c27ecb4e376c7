package vn.lienthong.adapter.delivery.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

import org.junit.jupiter.api.Test;

import vn.lienthong.adapter.delivery.control.BreakerState.Phase;
import vn.lienthong.axis.client.AxisAuthenticationException;
import vn.lienthong.axis.client.AxisRejectedException;
import vn.lienthong.axis.client.AxisTransportException;

class AxisBreakerTest {

    private static final OffsetDateTime T0 = OffsetDateTime.of(2026, 11, 28, 9, 0, 0, 0, ZoneOffset.ofHours(7));
    /** No jitter (random 0.5 → factor 1.0). */
    private final AxisBreaker breaker = new AxisBreaker(Duration.ofSeconds(2), Duration.ofSeconds(30),
            Duration.ofMinutes(10), () -> 0.5);

    @Test
    void axisFailuresAreTransportAndAuthenticationButNotABusinessRefusal() {
        assertTrue(AxisBreaker.isAxisFailure(new AxisTransportException("sendEdoc", "connection reset", null)));
        assertTrue(AxisBreaker.isAxisFailure(new AxisTransportException("sendEdoc", "HTTP 503", 503, null)));
        assertTrue(AxisBreaker.isAxisFailure(new AxisAuthenticationException("sendEdoc", 401, "BAD_SIGNATURE", "x")));
        assertFalse(AxisBreaker.isAxisFailure(new AxisRejectedException("sendEdoc", "HASH_MISMATCH", "x")));
    }

    @Test
    void theFirstAxisFailureOpensTheBreakerAndSchedulesAProbe() {
        BreakerState open = breaker.axisFailed(BreakerState.CLOSED, T0, "down", "doc-1");
        assertEquals(Phase.OPEN, open.phase());
        assertFalse(open.sendingAllowed());
        assertEquals(T0, open.openedAt());
        assertEquals(T0.plusSeconds(2), open.nextProbeAt());
        assertFalse(open.probeDue(T0.plusSeconds(1)));
        assertTrue(open.probeDue(T0.plusSeconds(2)));
        assertEquals("down", open.lastError());
    }

    @Test
    void failedProbesBackOffExponentiallyUpToTheMaximum() {
        BreakerState s = breaker.axisFailed(BreakerState.CLOSED, T0, "down", "doc-1");
        OffsetDateTime now = T0;
        long[] expected = {4, 8, 16, 30, 30};
        for (long seconds : expected) {
            now = s.nextProbeAt();
            s = breaker.probeFailed(breaker.probeTaken(s, now), now, "still down");
            assertEquals(now.plusSeconds(seconds), s.nextProbeAt());
        }
        assertEquals(T0, s.openedAt(), "the outage began with the first failure");
    }

    @Test
    void jitterStaysWithinTwentyPercent() {
        AxisBreaker low = new AxisBreaker(Duration.ofSeconds(10), Duration.ofSeconds(10), Duration.ofMinutes(1), () -> 0.0);
        AxisBreaker high = new AxisBreaker(Duration.ofSeconds(10), Duration.ofSeconds(10), Duration.ofMinutes(1),
                () -> 0.999_999);
        assertEquals(Duration.ofSeconds(8), low.probeDelay(3));
        assertTrue(high.probeDelay(3).compareTo(Duration.ofSeconds(12)) <= 0);
        assertTrue(high.probeDelay(3).compareTo(Duration.ofMillis(11_999)) >= 0);
    }

    @Test
    void takingAProbePushesTheNextOneSoAnotherNodeDoesNotProbeMeanwhile() {
        BreakerState open = breaker.axisFailed(BreakerState.CLOSED, T0, "down", "doc-1");
        BreakerState taken = breaker.probeTaken(open, T0.plusSeconds(2));
        assertFalse(taken.probeDue(T0.plusSeconds(3)));
        assertTrue(taken.probeDue(T0.plusSeconds(4)), "if the prober dies, the slot runs out");
        assertThrows(IllegalStateException.class, () -> breaker.probeTaken(BreakerState.CLOSED, T0));
    }

    @Test
    void aSuccessfulProbeHalfOpensAndTheFirstSuccessfulSendCloses() {
        BreakerState open = breaker.axisFailed(BreakerState.CLOSED, T0, "down", "doc-1");
        BreakerState half = breaker.probeSucceeded(breaker.probeTaken(open, T0.plusSeconds(2)));
        assertEquals(Phase.HALF_OPEN, half.phase());
        assertTrue(half.sendingAllowed());
        assertEquals(T0, half.openedAt());
        BreakerState closed = breaker.sendSucceeded(half);
        assertEquals(Phase.CLOSED, closed.phase());
        assertTrue(closed.sendingAllowed());
        assertEquals(0, closed.failedProbes());
        assertEquals(null, closed.openedAt());
    }

    @Test
    void aTrialSendThatFailsAgainReopensWithALongerWaitAndKeepsTheOutageStart() {
        BreakerState half = breaker.probeSucceeded(breaker.axisFailed(BreakerState.CLOSED, T0, "down", "doc-1"));
        OffsetDateTime now = T0.plusSeconds(3);
        BreakerState again = breaker.axisFailed(half, now, "sendEdoc still down", "doc-1");
        assertEquals(Phase.OPEN, again.phase());
        assertEquals(1, again.failedProbes());
        assertEquals(now.plusSeconds(4), again.nextProbeAt());
        assertEquals(T0, again.openedAt());
    }

    @Test
    void anotherNodesLateFailureKeepsTheProbeSchedule() {
        BreakerState open = breaker.axisFailed(BreakerState.CLOSED, T0, "down", "doc-1");
        BreakerState late = breaker.axisFailed(open, T0.plusSeconds(1), "timeout", "doc-1");
        assertEquals(open.nextProbeAt(), late.nextProbeAt());
        assertEquals(open.failedProbes(), late.failedProbes());
    }

    @Test
    void aProbeFailureAfterAnotherNodeClosedTheBreakerChangesNothing() {
        assertEquals(BreakerState.CLOSED, breaker.probeFailed(BreakerState.CLOSED, T0, "late"));
        assertEquals(BreakerState.CLOSED, breaker.probeSucceeded(BreakerState.CLOSED));
    }

    @Test
    void theAlertIsDueOnceAfterTheConfiguredOutage() {
        BreakerState open = breaker.axisFailed(BreakerState.CLOSED, T0, "down", "doc-1");
        assertFalse(breaker.alertDue(open, T0.plusMinutes(9)));
        assertTrue(breaker.alertDue(open, T0.plusMinutes(10)));
        BreakerState alerted = breaker.alertRaised(open);
        assertFalse(breaker.alertDue(alerted, T0.plusMinutes(20)));
        // A flapping axis (probe fine, send not) does not restart the clock nor repeat the alert.
        BreakerState half = breaker.probeSucceeded(alerted);
        assertFalse(breaker.alertDue(breaker.axisFailed(half, T0.plusMinutes(30), "x", "doc-1"), T0.plusMinutes(30)));
        assertFalse(breaker.alertDue(BreakerState.CLOSED, T0.plusDays(1)));
    }

    @Test
    void nonsensicalIntervalsAreRefused() {
        assertThrows(IllegalArgumentException.class, () -> AxisBreaker.of(Duration.ZERO, Duration.ofSeconds(1),
                Duration.ofMinutes(1)));
        assertThrows(IllegalArgumentException.class, () -> AxisBreaker.of(Duration.ofSeconds(5), Duration.ofSeconds(1),
                Duration.ofMinutes(1)));
    }

    @Test
    void aHalfOpenTrialAvoidsTheDocumentThatFailedLast() {
        BreakerState open = breaker.axisFailed(BreakerState.CLOSED, T0, "down", "doc-1");
        assertEquals(null, breaker.trialAvoids(open), "nothing is sent while open");
        BreakerState half = breaker.probeSucceeded(open);
        assertEquals("doc-1", breaker.trialAvoids(half));
        BreakerState again = breaker.probeSucceeded(breaker.axisFailed(half, T0.plusSeconds(3), "down", "doc-2"));
        assertEquals("doc-2", breaker.trialAvoids(again), "trials take turns, they do not stick to one package");
        assertEquals(null, breaker.trialAvoids(breaker.sendSucceeded(again)));
    }

    @Test
    void aDocumentThatFailsAgainAfterTheAxisAcceptedOthersIsBlamedItself() {
        BreakerState half = breaker.probeSucceeded(breaker.axisFailed(BreakerState.CLOSED, T0, "timeout", "poison"));
        assertFalse(breaker.blamesDocument(half, "poison"), "half-open: the axis has not proven itself yet");
        BreakerState closed = breaker.sendSucceeded(half); // another document went through
        assertTrue(breaker.blamesDocument(closed, "poison"));
        assertFalse(breaker.blamesDocument(closed, "innocent"), "another document failing is a new outage");
        assertFalse(breaker.blamesDocument(BreakerState.CLOSED, "poison"));
        assertFalse(breaker.blamesDocument(breaker.axisFailed(closed, T0, "down", "other"), "poison"));
    }
}
