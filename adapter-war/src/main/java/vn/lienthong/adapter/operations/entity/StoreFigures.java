package vn.lienthong.adapter.operations.entity;

import java.time.OffsetDateTime;
import java.util.Map;

/**
 * One reading of the store for health and metrics (all nodes see the same figures: they come from the shared
 * database). Faces are {@code ws} and {@code legacy}; counts are totals since the store began.
 *
 * @param documents      outgoing documents per face and state (QUEUED, SENT, DEAD, …)
 * @param attempts       transport attempts per face and outcome (SENT, RETRY, REJECTED)
 * @param outboxDepth    outgoing documents still QUEUED
 * @param oldestQueuedAt when the oldest of them was queued; null when none waits
 * @param breakerPhase   the axis breaker (CLOSED, OPEN, HALF_OPEN)
 * @param lastSent       the last successful send to the axis (any node); null if none yet
 * @param lastReceived   the last package received from the axis; null if none yet
 * @param readAt         when the store was read
 */
public record StoreFigures(Map<String, Map<String, Long>> documents, Map<String, Map<String, Long>> attempts,
        long outboxDepth, OffsetDateTime oldestQueuedAt, String breakerPhase, OffsetDateTime lastSent,
        OffsetDateTime lastReceived, OffsetDateTime readAt) {

    public long documents(String face, String state) {
        return documents.getOrDefault(face, Map.of()).getOrDefault(state, 0L);
    }

    public long attempts(String face, String outcome) {
        return attempts.getOrDefault(face, Map.of()).getOrDefault(outcome, 0L);
    }

    /** Seconds the oldest queued document has waited at {@code readAt}; 0 when the outbox is empty. */
    public double oldestQueuedSeconds() {
        return oldestQueuedAt == null ? 0
                : Math.max(0, java.time.Duration.between(oldestQueuedAt, readAt).toMillis() / 1000.0);
    }
}
