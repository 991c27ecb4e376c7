package vn.lienthong.it.support;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * The adapter's own H2 database, opened next to the running server (the Micro tests start it with
 * {@code AUTO_SERVER=TRUE}, arquillian.xml): to count what was stored, read the audit trail, and reproduce a row as
 * an older version of the adapter left it. Nothing else of the tests looks behind the adapter's interfaces.
 */
public final class AdapterDatabase {

    private final String url;

    public AdapterDatabase(Path dataDir) {
        this.url = "jdbc:h2:file:" + dataDir.resolve("db").resolve("lienthong").toAbsolutePath()
                + ";AUTO_SERVER=TRUE";
    }

    public long count(String sql, Object... parameters) throws SQLException {
        try (Connection c = connect(); PreparedStatement s = prepared(c, sql, parameters);
                ResultSet r = s.executeQuery()) {
            r.next();
            return r.getLong(1);
        }
    }

    public int update(String sql, Object... parameters) throws SQLException {
        try (Connection c = connect(); PreparedStatement s = prepared(c, sql, parameters)) {
            return s.executeUpdate();
        }
    }

    /** The newest audit position, to look only at entries written after it. */
    public long auditHead() throws SQLException {
        awaitAuditLinked();
        return count("SELECT COALESCE(MAX(chain_seq), 0) FROM audit_entry");
    }

    /** Audit entries after position {@code since}: {@code actor|action|organ|outcome|code|detail}, oldest first. */
    public List<String> auditSince(long since) throws SQLException {
        awaitAuditLinked();
        List<String> rows = new ArrayList<>();
        try (Connection c = connect(); PreparedStatement s = prepared(c, "SELECT actor, action, organ_id, outcome,"
                + " code, detail FROM audit_entry WHERE chain_seq > ? ORDER BY chain_seq", since);
                ResultSet r = s.executeQuery()) {
            while (r.next()) {
                rows.add(r.getString(1) + "|" + r.getString(2) + "|" + r.getString(3) + "|" + r.getString(4) + "|"
                        + r.getString(5) + "|" + r.getString(6));
            }
        }
        return rows;
    }

    /**
     * Waits (at most 10 s) until the adapter's chainer has linked every audit entry written so far: entries are
     * stored pending and get their chain position moments later (issue 11).
     */
    private void awaitAuditLinked() throws SQLException {
        long deadline = System.nanoTime() + 10_000_000_000L;
        while (count("SELECT COUNT(*) FROM audit_entry WHERE chain_seq IS NULL AND pending_mac IS NOT NULL") > 0
                && System.nanoTime() < deadline) {
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    public long documents() throws SQLException {
        return count("SELECT COUNT(*) FROM document");
    }

    private Connection connect() throws SQLException {
        return DriverManager.getConnection(url, "sa", "");
    }

    private static PreparedStatement prepared(Connection c, String sql, Object... parameters) throws SQLException {
        PreparedStatement s = c.prepareStatement(sql);
        for (int i = 0; i < parameters.length; i++) {
            s.setObject(i + 1, parameters[i]);
        }
        return s;
    }
}
