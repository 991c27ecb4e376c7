package vn.lienthong.adapter.delivery.control;

import java.sql.Timestamp;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;

import jakarta.persistence.EntityManager;

import vn.lienthong.adapter.delivery.control.BreakerState.Phase;

/**
 * The breaker row of one axis endpoint in {@code axis_breaker} (no row = CLOSED), in plain SQL so H2 and
 * PostgreSQL behave alike. Plain class over an {@link EntityManager}; the caller owns the transaction.
 */
public final class BreakerTable {

    private static final String COLUMNS =
            "state, opened_at, next_probe_at, failed_probes, alerted, last_error, suspect_doc";

    private final EntityManager em;
    private final String endpoint;

    public BreakerTable(EntityManager em, String endpoint) {
        this.em = em;
        this.endpoint = endpoint;
    }

    /** The state as committed, without a lock (the common, cheap check before every claim). */
    public BreakerState read() {
        return select("");
    }

    /**
     * The state with the row locked until the transaction ends, so two nodes cannot both take the same probe or
     * both apply a transition to the same old state. Creates the row first if needed.
     */
    public BreakerState lock(OffsetDateTime now) {
        // Only typed values in the SELECT list: PostgreSQL reads a bare NULL there as text.
        em.createNativeQuery("INSERT INTO axis_breaker (endpoint, state, failed_probes, alerted, updated_at)"
                        + " SELECT ?1, 'CLOSED', 0, FALSE, ?2"
                        + " WHERE NOT EXISTS (SELECT 1 FROM axis_breaker WHERE endpoint = ?1)")
                .setParameter(1, endpoint)
                .setParameter(2, now)
                .executeUpdate();
        return select(" FOR UPDATE");
    }

    public void write(BreakerState s, OffsetDateTime now) {
        String error = s.lastError() == null || s.lastError().length() <= 1000 ? s.lastError()
                : s.lastError().substring(0, 1000);
        em.createNativeQuery("UPDATE axis_breaker SET state = ?2, opened_at = ?3, next_probe_at = ?4,"
                        + " failed_probes = ?5, alerted = ?6, last_error = ?7, updated_at = ?8, suspect_doc = ?9"
                        + " WHERE endpoint = ?1")
                .setParameter(1, endpoint)
                .setParameter(2, s.phase().name())
                .setParameter(3, s.openedAt())
                .setParameter(4, s.nextProbeAt())
                .setParameter(5, s.failedProbes())
                .setParameter(6, s.alerted())
                .setParameter(7, error)
                .setParameter(8, now)
                .setParameter(9, s.suspect())
                .executeUpdate();
    }

    /**
     * The breaker closed: every document that waits only because the axis failed becomes due now, so the claim
     * order (priority 4 … 0, then oldest) decides what goes first. Rows under a live lease are left to their
     * holder; a document's own backoff ({@code axis_deferred} false) stays.
     */
    public int releaseDeferred(OffsetDateTime now) {
        return em.createNativeQuery("UPDATE document SET next_attempt_at = ?1, axis_deferred = FALSE"
                        + " WHERE state = 'QUEUED' AND axis_deferred = TRUE"
                        + " AND (lease_until IS NULL OR lease_until < ?1)")
                .setParameter(1, now)
                .executeUpdate();
    }

    private BreakerState select(String lock) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("SELECT " + COLUMNS + " FROM axis_breaker WHERE endpoint = ?1"
                        + lock)
                .setParameter(1, endpoint)
                .getResultList();
        if (rows.isEmpty()) {
            return BreakerState.CLOSED;
        }
        Object[] r = rows.get(0);
        return new BreakerState(Phase.valueOf((String) r[0]), time(r[1]), time(r[2]), ((Number) r[3]).intValue(),
                Boolean.TRUE.equals(r[4]), (String) r[5], (String) r[6]);
    }

    private static OffsetDateTime time(Object value) {
        // The drivers differ: H2 answers OffsetDateTime, PostgreSQL a java.sql.Timestamp.
        if (value == null) {
            return null;
        }
        if (value instanceof OffsetDateTime odt) {
            return odt;
        }
        if (value instanceof Timestamp ts) {
            return ts.toInstant().atOffset(ZoneOffset.UTC);
        }
        throw new IllegalStateException("Unexpected timestamp type " + value.getClass());
    }
}
