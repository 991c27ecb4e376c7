package vn.lienthong.adapter.delivery.control;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import java.sql.Connection;

import jakarta.persistence.EntityManager;

/**
 * Claims outbox work for one node with row leases, so several adapter instances on one database never send the
 * same document at the same time.
 *
 * <p>A claim is a conditional {@code UPDATE … WHERE lease_until IS NULL OR lease_until < now}: on PostgreSQL and
 * on H2 a second node's update of the same row waits for the first one's commit, re-reads the row and then
 * finds the lease taken, so exactly one update counts one row. This is portable (no {@code SKIP LOCKED}, which
 * H2 lacks) and needs no long-held row locks: the lease, not a transaction, protects the send. Times are the
 * database's clock, so skewed node clocks cannot shorten a lease.
 *
 * <p>Plain class over an {@link EntityManager} (the store tests, in a resource-local transaction) or a JDBC
 * {@link Connection} (the outbox worker, in a local transaction of that connection, without the container: see
 * {@link DirectLedger}); the same SQL either way. The caller owns the transaction.
 */
public final class OutboxClaims {

    /** Candidates read per claim: enough to step past rows another node claims at the same moment. */
    private static final int CANDIDATES = 8;

    private final LedgerSql sql;

    public OutboxClaims(EntityManager em) {
        this(LedgerSql.of(em));
    }

    public OutboxClaims(Connection c) {
        this(LedgerSql.of(c));
    }

    OutboxClaims(LedgerSql sql) {
        this.sql = sql;
    }

    /** Claims the most urgent due document (priority 4 … 0, then oldest) for {@code node}, if any. */
    public Optional<String> claimNext(String node, Duration lease) {
        return claimNext(node, lease, null);
    }

    /**
     * Like {@link #claimNext(String, Duration)}, but passes over {@code avoid} (a {@code document.id}, may be null)
     * while another document is due: a half-open breaker's trial does not retry the package that failed last.
     */
    public Optional<String> claimNext(String node, Duration lease, String avoid) {
        return claimBatch(node, lease, 1, avoid).stream().map(Claimed::id).findFirst();
    }

    /** A claimed document and its priority (0 normal … 4 most urgent), which orders the sends. */
    public record Claimed(String id, int priority) {
    }

    /**
     * Claims up to {@code max} of the most urgent due documents (priority 4 … 0, then oldest) for {@code node} in the
     * caller's one transaction, so a batch costs one commit, not one per document. Each row is still taken by its
     * own conditional update, so the rule of {@link #claim} (one winner per row) is unchanged; the rows are taken in
     * the claim order, the same on every node, so two nodes claiming at once wait for each other but never deadlock.
     * {@code avoid} (may be null) is taken only if nothing else was.
     *
     * @return the claimed ids in claim order (most urgent first)
     */
    public List<Claimed> claimBatch(String node, Duration lease, int max, String avoid) {
        OffsetDateTime now = databaseNow();
        List<Object[]> candidates = sql.rows(
                "SELECT id, priority FROM document WHERE state = 'QUEUED' AND next_attempt_at <= ?1"
                        + " AND (lease_until IS NULL OR lease_until < ?1)"
                        + " ORDER BY priority DESC, created_at, id", max + CANDIDATES, now);
        List<Claimed> claimed = new ArrayList<>();
        Claimed avoided = null;
        for (Object[] row : candidates) {
            Claimed candidate = new Claimed((String) row[0], ((Number) row[1]).intValue());
            if (claimed.size() == max) {
                break;
            }
            if (candidate.id().equals(avoid)) {
                avoided = candidate;
            } else if (claim(candidate.id(), node, now, now.plus(lease))) {
                claimed.add(candidate);
            }
        }
        // Nothing else is due (among the candidates read): the avoided one is better than nothing.
        if (claimed.isEmpty() && avoided != null && claim(avoid, node, now, now.plus(lease))) {
            claimed.add(avoided);
        }
        return claimed;
    }

    /**
     * Renews {@code node}'s lease on a document it claimed, just before its send starts: a document claimed in a
     * batch may wait for a free send slot, and the lease must still cover the whole axis call from here on.
     * False when the lease is no longer ours (it expired and another node may have taken the document).
     */
    public boolean renew(String id, String node, Duration lease) {
        OffsetDateTime now = databaseNow();
        return sql.update("UPDATE document SET lease_until = ?1, version = version + 1"
                + " WHERE id = ?2 AND lease_owner = ?3 AND lease_until > ?4", now.plus(lease), id, node, now) == 1;
    }

    /**
     * {@link #renew} and the send mark in one statement, just before the axis call: true when {@code node} still
     * holds an unexpired lease on the still queued document, which from this commit on is "in doubt" (the next
     * claimer asks the axis before sending again) until its outcome is recorded.
     */
    public boolean startSend(String id, String node, Duration lease, OffsetDateTime startedAt) {
        OffsetDateTime now = databaseNow();
        return sql.update("UPDATE document SET lease_until = ?1, send_started_at = ?2, version = version + 1"
                + " WHERE id = ?3 AND lease_owner = ?4 AND lease_until > ?5 AND state = 'QUEUED'",
                now.plus(lease), startedAt, id, node, now) == 1;
    }

    /**
     * Gives back leases of claimed documents whose send never started (the breaker opened, or the node stops), so
     * this or another node can take them at once instead of after the lease. A send mark of an earlier attempt
     * stays: whoever takes the document next still looks it up on the axis first.
     */
    public int release(List<String> ids, String node) {
        int released = 0;
        for (String id : ids) {
            released += sql.update("UPDATE document SET lease_owner = NULL, lease_until = NULL,"
                    + " version = version + 1 WHERE id = ?1 AND lease_owner = ?2 AND state = 'QUEUED'", id, node);
        }
        return released;
    }

    /** Takes one document if it is still queued and nobody holds a live lease on it. */
    public boolean claim(String id, String node, OffsetDateTime now, OffsetDateTime until) {
        // version + 1: a concurrent JPA change of the same row (e.g. a recall) fails optimistically instead of
        // silently overwriting the lease.
        return sql.update("UPDATE document SET lease_owner = ?1, lease_until = ?2, version = version + 1"
                + " WHERE id = ?3 AND state = 'QUEUED' AND (lease_until IS NULL OR lease_until < ?4)",
                node, until, id, now) == 1;
    }

    /** True while {@code node} holds an unexpired lease on the document. */
    public boolean holds(String id, String node) {
        Number n = (Number) sql.value(
                "SELECT COUNT(*) FROM document WHERE id = ?1 AND lease_owner = ?2 AND lease_until > ?3",
                id, node, databaseNow());
        return n.intValue() == 1;
    }

    /** The database's clock, the one all nodes share. */
    public OffsetDateTime databaseNow() {
        Object value = sql.value("SELECT CURRENT_TIMESTAMP");
        // The drivers differ: H2 answers OffsetDateTime, PostgreSQL a java.sql.Timestamp.
        if (value instanceof OffsetDateTime odt) {
            return odt;
        }
        if (value instanceof Timestamp ts) {
            return ts.toInstant().atOffset(ZoneOffset.UTC);
        }
        throw new IllegalStateException("Unexpected CURRENT_TIMESTAMP type " + value.getClass());
    }
}
