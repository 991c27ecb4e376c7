package vn.lienthong.adapter.delivery.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.OffsetDateTime;

import org.junit.jupiter.api.Test;

class RetryPolicyTest {

    private static final Duration DAY = Duration.ofHours(24);

    @Test
    void delaysDoubleFromTwoSecondsUpToTenMinutes() {
        RetryPolicy middle = new RetryPolicy(DAY, () -> 0.5); // jitter factor exactly 1.0
        assertEquals(Duration.ofSeconds(2), middle.delayAfter(0));
        assertEquals(Duration.ofSeconds(4), middle.delayAfter(1));
        assertEquals(Duration.ofSeconds(8), middle.delayAfter(2));
        assertEquals(Duration.ofMinutes(10), middle.delayAfter(9));
        assertEquals(Duration.ofMinutes(10), middle.delayAfter(500), "no overflow on huge attempt counts");
    }

    @Test
    void jitterStaysWithinPlusMinusTwentyPercent() {
        assertEquals(Duration.ofMillis(1_600), new RetryPolicy(DAY, () -> 0.0).delayAfter(0));
        assertEquals(Duration.ofMillis(2_399), new RetryPolicy(DAY, () -> 0.99999).delayAfter(0));
        RetryPolicy real = RetryPolicy.withMaxAge(DAY);
        for (int i = 0; i < 1_000; i++) {
            long ms = real.delayAfter(3).toMillis();
            assertTrue(ms >= 12_800 && ms < 19_200, "16 s ± 20 %: " + ms);
        }
    }

    @Test
    void aDocumentIsTooOldOnlyAfterTheMaximumAgeSinceItWasQueued() {
        RetryPolicy policy = RetryPolicy.withMaxAge(Duration.ofMinutes(30));
        OffsetDateTime queued = OffsetDateTime.parse("2026-11-23T08:00:00+07:00");
        assertFalse(policy.tooOld(queued, queued.plusMinutes(30)));
        assertTrue(policy.tooOld(queued, queued.plusMinutes(30).plusSeconds(1)));
        assertFalse(policy.tooOld(queued, queued.minusMinutes(5)), "a clock step backwards does not kill");
    }

    @Test
    void theMaximumAgeMustBePositive() {
        assertThrows(IllegalArgumentException.class, () -> RetryPolicy.withMaxAge(Duration.ZERO));
    }
}
