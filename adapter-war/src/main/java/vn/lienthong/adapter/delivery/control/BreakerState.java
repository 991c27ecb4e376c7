package vn.lienthong.adapter.delivery.control;

import java.time.OffsetDateTime;

/**
 * What all nodes know about the axis: one row of {@code axis_breaker}. Immutable; {@link AxisBreaker} computes
 * the next state.
 *
 * @param openedAt     when the outage began (kept through HALF_OPEN until a send succeeds)
 * @param nextProbeAt  when the next probe is due (OPEN only)
 * @param failedProbes probes and trial sends that failed since the outage began; drives the probe backoff
 * @param alerted      the outage ALERT has been logged
 * @param suspect      the last document (its {@code document.id}) whose send failed because of the axis; kept after
 *                     the breaker closes, so a package that alone keeps failing is recognised
 */
public record BreakerState(Phase phase, OffsetDateTime openedAt, OffsetDateTime nextProbeAt, int failedProbes,
                           boolean alerted, String lastError, String suspect) {

    public enum Phase {
        /** The axis works: documents are sent. */
        CLOSED,
        /** The axis failed: no documents are sent, only probes. */
        OPEN,
        /** A probe succeeded: documents are tried again; the first successful send closes the breaker. */
        HALF_OPEN
    }

    public static final BreakerState CLOSED = new BreakerState(Phase.CLOSED, null, null, 0, false, null, null);

    public boolean sendingAllowed() {
        return phase != Phase.OPEN;
    }

    public boolean probeDue(OffsetDateTime now) {
        return phase == Phase.OPEN && (nextProbeAt == null || !nextProbeAt.isAfter(now));
    }
}
