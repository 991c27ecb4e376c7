package vn.lienthong.adapter.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.OffsetDateTime;

import javax.sql.DataSource;

/**
 * Many sent documents at once for store-size tests: set-based INSERT … SELECT over a generated series (H2
 * {@code SYSTEM_RANGE}, PostgreSQL {@code generate_series}; row-by-row batches are far too slow on H2). Each document
 * is outgoing, SENT at {@code at} with one SENT attempt and one recipient, no status; even ones from the legacy face.
 */
public final class BulkSentDocuments {

    private BulkSentDocuments() {
    }

    public static void seed(DataSource ds, int count, OffsetDateTime at, String recipient) {
        try (Connection c = ds.getConnection()) {
            boolean postgres = c.getMetaData().getDatabaseProductName().toLowerCase().contains("postgres");
            String series = postgres ? " FROM generate_series(1, " + count + ") AS g(x)"
                    : " FROM SYSTEM_RANGE(1, " + count + ")";
            insert(c, "INSERT INTO document (id, direction, document_id, sender_organ_id, priority, business_type,"
                    + " state, attempts, created_at, updated_at, version, dedup_key, submitted_by)"
                    + " SELECT 'bulk-' || x, 'OUT', 'B/' || x, '000.00.00.G22', 0, 0, 'SENT', 1, ?, ?, 1,"
                    + " 'OUT|EDOC|bulk-' || x, CASE WHEN MOD(x, 2) = 0 THEN 'legacy' ELSE 'ws-client' END" + series,
                    at, 2);
            insert(c, "INSERT INTO transport_attempt (id, document_ref, attempted_at, outcome)"
                    + " SELECT 'bulk-a-' || x, 'bulk-' || x, ?, 'SENT'" + series, at, 1);
            try (PreparedStatement p = c.prepareStatement("INSERT INTO recipient (id, document_ref, organ_id)"
                    + " SELECT 'bulk-r-' || x, 'bulk-' || x, ?" + series)) {
                p.setString(1, recipient);
                p.executeUpdate();
            }
            if (postgres) {
                try (Statement s = c.createStatement()) {
                    s.execute("ANALYZE"); // the planner's statistics, as autovacuum would have them
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void insert(Connection c, String sql, OffsetDateTime at, int times) throws SQLException {
        try (PreparedStatement p = c.prepareStatement(sql)) {
            for (int i = 1; i <= times; i++) {
                p.setObject(i, at);
            }
            p.executeUpdate();
        }
    }
}
