package vn.lienthong.adapter.retention.control;

import java.time.OffsetDateTime;

import jakarta.persistence.EntityManager;

/**
 * The retention job's lease ({@code retention_lease}, one row): a run claims it with a conditional update that only
 * succeeds when nobody holds it or the holder's time ran out, renews it before every batch, and releases it at the
 * end. Kept in the database, so it holds across nodes and restarts; a node that dies keeps it until it expires.
 * The delete transaction of every batch renews it too: a run that lost its lease (paused past it while another node
 * took over) cannot delete anything.
 */
final class RetentionLease {

    private static final String ROW = "retention";

    private RetentionLease() {
    }

    static boolean claim(EntityManager em, String runId, OffsetDateTime now, OffsetDateTime until) {
        return em.createNativeQuery("UPDATE retention_lease SET owner = ?1, lease_until = ?2 WHERE id = ?3"
                        + " AND (owner IS NULL OR lease_until IS NULL OR lease_until < ?4)")
                .setParameter(1, runId).setParameter(2, until).setParameter(3, ROW).setParameter(4, now)
                .executeUpdate() == 1;
    }

    /** Extends this run's lease; false when it is no longer this run's (expired and taken over). */
    static boolean renew(EntityManager em, String runId, OffsetDateTime now, OffsetDateTime until) {
        return em.createNativeQuery("UPDATE retention_lease SET lease_until = ?1 WHERE id = ?2 AND owner = ?3"
                        + " AND lease_until >= ?4")
                .setParameter(1, until).setParameter(2, ROW).setParameter(3, runId).setParameter(4, now)
                .executeUpdate() == 1;
    }

    static void release(EntityManager em, String runId, OffsetDateTime now) {
        em.createNativeQuery("UPDATE retention_lease SET owner = NULL, lease_until = NULL, last_run_at = ?1"
                        + " WHERE id = ?2 AND owner = ?3")
                .setParameter(1, now).setParameter(2, ROW).setParameter(3, runId).executeUpdate();
    }
}
