package vn.lienthong.adapter.platform.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Duration;
import java.time.OffsetDateTime;

import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;

/**
 * A job's lease kept in one row of a table with the columns {@code id}, {@code owner} and {@code lease_until}
 * (retention's {@code retention_lease}, V16; the statistics rollup's {@code stats_rollup_state}, V19), so that one
 * node at a time runs the job, across nodes and restarts: a run claims it with a conditional update that only
 * succeeds when nobody holds it or the holder's time ran out, renews it while working (inside the work's own
 * transaction, so a run that lost it writes nothing), and releases it at the end. A node that dies keeps it until it
 * expires; the expiry is compared on the claimer's clock. The one implementation of that protocol: the jobs pass
 * how their transaction runs a statement ({@link #jdbc(Connection)} or {@link #jpa(EntityManager)}).
 */
public final class DatabaseLease {

    /** Runs one update statement with positional parameters in the caller's transaction; answers the row count. */
    @FunctionalInterface
    public interface Updates<E extends Exception> {
        int execute(String sql, Object... parameters) throws E;
    }

    private final String table;
    private final String row;
    private final Duration length;

    /** The lease in the row {@code row} of {@code table} (a constant of the caller, never user input). */
    public DatabaseLease(String table, String row, Duration length) {
        if (!table.matches("[a-z_]+")) {
            throw new IllegalArgumentException("not a table name: " + table);
        }
        this.table = table;
        this.row = row;
        this.length = length;
    }

    /** Takes the lease for {@code owner} when it is free or expired at {@code now}. */
    public <E extends Exception> boolean claim(Updates<E> db, String owner, OffsetDateTime now) throws E {
        return db.execute("UPDATE " + table + " SET owner = ?, lease_until = ? WHERE id = ?"
                + " AND (owner IS NULL OR lease_until IS NULL OR lease_until < ?)",
                owner, now.plus(length), row, now) == 1;
    }

    /** Extends {@code owner}'s lease; false when it is no longer its own (expired and taken over). */
    public <E extends Exception> boolean renew(Updates<E> db, String owner, OffsetDateTime now) throws E {
        return db.execute("UPDATE " + table + " SET lease_until = ? WHERE id = ? AND owner = ? AND lease_until >= ?",
                now.plus(length), row, owner, now) == 1;
    }

    /** Gives the lease up if {@code owner} still holds it. */
    public <E extends Exception> void release(Updates<E> db, String owner) throws E {
        db.execute("UPDATE " + table + " SET owner = NULL, lease_until = NULL WHERE id = ? AND owner = ?", row, owner);
    }

    /** Gives the lease up if {@code owner} still holds it, stamping {@code column} (e.g. the last run's end). */
    public <E extends Exception> void release(Updates<E> db, String owner, String column, OffsetDateTime stamp)
            throws E {
        if (!column.matches("[a-z_]+")) {
            throw new IllegalArgumentException("not a column name: " + column);
        }
        db.execute("UPDATE " + table + " SET owner = NULL, lease_until = NULL, " + column + " = ? WHERE id = ?"
                + " AND owner = ?", stamp, row, owner);
    }

    /** Statements on a JDBC connection (in its current transaction). */
    public static Updates<SQLException> jdbc(Connection c) {
        return (sql, parameters) -> {
            try (PreparedStatement ps = c.prepareStatement(sql)) {
                for (int i = 0; i < parameters.length; i++) {
                    ps.setObject(i + 1, parameters[i]);
                }
                return ps.executeUpdate();
            }
        };
    }

    /** Native statements through JPA (in the entity manager's transaction). */
    public static Updates<RuntimeException> jpa(EntityManager em) {
        return (sql, parameters) -> {
            StringBuilder numbered = new StringBuilder();
            int n = 0;
            for (char ch : sql.toCharArray()) {
                if (ch == '?') {
                    numbered.append('?').append(++n);
                } else {
                    numbered.append(ch);
                }
            }
            Query q = em.createNativeQuery(numbered.toString());
            for (int i = 0; i < parameters.length; i++) {
                q.setParameter(i + 1, parameters[i]);
            }
            return q.executeUpdate();
        };
    }
}
