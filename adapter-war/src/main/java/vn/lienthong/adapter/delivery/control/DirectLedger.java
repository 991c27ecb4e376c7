package vn.lienthong.adapter.delivery.control;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;

import javax.sql.DataSource;

import vn.lienthong.adapter.delivery.control.BreakerState.Phase;
import vn.lienthong.adapter.tracking.entity.TransportAttempt;

/**
 * The outbox's per-document steps in plain JDBC on a pooled connection used outside any container transaction:
 * the breaker's common check, the batch claim, the document read, the send mark and the "sent" record. Each step
 * is one auto-committed statement or one local transaction of that connection; what a step commits, and when,
 * is exactly what the container's transaction committed before ({@link TransportLedger}, {@link OutboxClaims},
 * {@link SharedAxisBreaker}), so the crash rules do not change: the send mark is committed before the axis call,
 * the outcome after it, each document is claimed by one conditional update per row.
 *
 * <p>Why (issue 11, session 5 profile): per document sent the outbox paid for two or three container transactions
 * (EJB call, JTA begin/commit, an EclipseLink unit of work and persistence context) around statements that are
 * already native SQL, plus an entity read with a lazily loaded recipient list. The unusual cases (the breaker
 * not closed, the lease lost, the document settled elsewhere, failures) keep the container's path, whose rules
 * they need ({@code sent} answers false and the caller falls back).
 *
 * <p>Plain class over a {@link DataSource}: in the container the application's pool (called from a method
 * without a transaction, so the connection is not enlisted), in the store tests the database directly.
 */
public final class DirectLedger {

    /** What a send needs of a document, read in one statement. {@code inDoubt}: an earlier send's mark is set. */
    public record Outgoing(String id, String documentId, String senderOrganId, String subject, boolean status,
            boolean queued, boolean inDoubt, String packagePath, List<String> recipients) {
    }

    private final DataSource dataSource;

    public DirectLedger(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** True when the breaker of {@code endpoint} is closed (no row counts as closed), as committed. */
    public boolean breakerClosed(String endpoint) {
        return autoCommitted(sql -> {
            Object state = sql.value("SELECT state FROM axis_breaker WHERE endpoint = ?1", endpoint);
            return state == null || Phase.CLOSED.name().equals(state);
        });
    }

    /** {@link OutboxClaims#claimBatch} in one local transaction (one commit for the batch). */
    public List<OutboxClaims.Claimed> claimBatch(String node, Duration lease, int max, String avoid) {
        return inTransaction(sql -> new OutboxClaims(sql).claimBatch(node, lease, max, avoid));
    }

    /** The document with its recipients (ordered by organisation, as the entity orders them), if it exists. */
    public Optional<Outgoing> read(String id) {
        return autoCommitted(sql -> {
            List<Object[]> rows = sql.rows("SELECT d.document_id, d.sender_organ_id, d.subject, d.message_type,"
                    + " d.state, d.send_started_at, d.package_path, r.organ_id FROM document d"
                    + " LEFT JOIN recipient r ON r.document_ref = d.id WHERE d.id = ?1 ORDER BY r.organ_id", 0, id);
            if (rows.isEmpty()) {
                return Optional.empty();
            }
            Object[] first = rows.get(0);
            List<String> recipients = new ArrayList<>(rows.size());
            for (Object[] r : rows) {
                if (r[7] != null) {
                    recipients.add((String) r[7]);
                }
            }
            return Optional.of(new Outgoing(id, (String) first[0], (String) first[1], (String) first[2],
                    "STATUS".equals(first[3]), "QUEUED".equals(first[4]), first[5] != null, (String) first[6],
                    List.copyOf(recipients)));
        });
    }

    /** {@link OutboxClaims#startSend}, committed at once (the database clock read, then one conditional update). */
    public boolean startSend(String id, String node, Duration lease, OffsetDateTime startedAt) {
        return autoCommitted(sql -> new OutboxClaims(sql).startSend(id, node, lease, startedAt));
    }

    /**
     * Records the usual "sent" in one local transaction: the breaker is closed, the document still queued and
     * {@code node}'s lease still holds; then the document is SENT and the attempt is in its history, as
     * {@link TransportLedger#sent} does in that case. False (nothing written) when any of that is not so: the
     * caller then records it through {@link TransportLedger#sent}, which knows the rules of the other cases.
     */
    public boolean sent(String id, String node, String endpoint, String axisDocId, String detail,
            OffsetDateTime now) {
        return inTransaction(sql -> {
            Object breaker = sql.value("SELECT state FROM axis_breaker WHERE endpoint = ?1", endpoint);
            if (breaker != null && !Phase.CLOSED.name().equals(breaker)) {
                return false; // closing the breaker belongs to the same commit: SharedAxisBreaker.sendSucceeded
            }
            if (sql.update("UPDATE document SET lease_owner = NULL, lease_until = NULL, send_started_at = NULL,"
                    + " state = 'SENT', axis_doc_id = ?1, attempts = attempts + 1, next_attempt_at = NULL,"
                    + " last_error = NULL, updated_at = ?2, version = version + 1"
                    + " WHERE id = ?3 AND state = 'QUEUED' AND lease_owner = ?4", axisDocId, now, id, node) != 1) {
                return false;
            }
            sql.update("INSERT INTO transport_attempt (id, attempted_at, outcome, detail, document_ref)"
                    + " VALUES (?1, ?2, ?3, ?4, ?5)", UUID.randomUUID().toString(), now,
                    TransportAttempt.Outcome.SENT.name(), detail, id);
            return true;
        });
    }

    /** Gives back leases ({@link OutboxClaims#release}) in one local transaction. */
    public int release(List<String> ids, String node) {
        return inTransaction(sql -> new OutboxClaims(sql).release(ids, node));
    }

    /** Each statement commits by itself. */
    private <T> T autoCommitted(Function<LedgerSql, T> work) {
        try (Connection c = dataSource.getConnection()) {
            if (!c.getAutoCommit()) {
                c.setAutoCommit(true);
            }
            return work.apply(LedgerSql.of(c));
        } catch (SQLException e) {
            throw new LedgerSql.LedgerSqlException(e);
        }
    }

    /**
     * One local transaction of the connection: committed when {@code work} answers anything but {@code false},
     * rolled back when it answers {@code false} (it wrote nothing that should stay) or fails.
     */
    private <T> T inTransaction(Function<LedgerSql, T> work) {
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            try {
                T result = work.apply(LedgerSql.of(c));
                if (Boolean.FALSE.equals(result)) {
                    c.rollback();
                } else {
                    c.commit();
                }
                return result;
            } catch (RuntimeException e) {
                c.rollback();
                throw e;
            } finally {
                c.setAutoCommit(true); // the pool hands the connection to others as it got it
            }
        } catch (SQLException e) {
            throw new LedgerSql.LedgerSqlException(e);
        }
    }
}
