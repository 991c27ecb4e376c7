package vn.lienthong.adapter.security.control;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;

import vn.lienthong.adapter.platform.io.Sha256;

/**
 * The {@code ws_replay_mark} table through plain JDBC: "first use" is an insert guarded by the primary key, so two
 * nodes that see the same token at once cannot both accept it. Plain JDBC because a refused duplicate is the
 * normal outcome here and must stay quiet: through JPA every replay would log the provider's exception stack.
 */
public final class ReplayMarks {

    private final Connection connection;

    public ReplayMarks(Connection connection) {
        this.connection = connection;
    }

    /**
     * Records the mark; false when it is already there (a replay), also when another node inserts it concurrently
     * (the primary key refuses the second insert).
     */
    public boolean firstUse(String key, OffsetDateTime expiresAt) throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement("INSERT INTO ws_replay_mark (mark_key, expires_at)"
                + " SELECT ?, ? WHERE NOT EXISTS (SELECT 1 FROM ws_replay_mark WHERE mark_key = ?)")) {
            insert.setString(1, key);
            insert.setObject(2, expiresAt);
            insert.setString(3, key);
            return insert.executeUpdate() == 1;
        } catch (SQLException e) {
            if (isUniqueViolation(e)) {
                return false;
            }
            throw e;
        }
    }

    /** Deletes marks whose timestamp could no longer be accepted anyway; returns how many. */
    public int purgeExpired(OffsetDateTime now) throws SQLException {
        try (PreparedStatement delete = connection.prepareStatement(
                "DELETE FROM ws_replay_mark WHERE expires_at < ?")) {
            delete.setObject(1, now);
            return delete.executeUpdate();
        }
    }

    public long count() throws SQLException {
        try (PreparedStatement q = connection.prepareStatement("SELECT COUNT(*) FROM ws_replay_mark");
                ResultSet rs = q.executeQuery()) {
            rs.next();
            return rs.getLong(1);
        }
    }

    /** Hex SHA-256 of the parts, each length-prefixed so that no two part lists share a key. */
    public static String key(String... parts) {
        MessageDigest sha = Sha256.digest();
        for (String p : parts) {
            String v = p == null ? "" : p;
            sha.update((v.length() + ":" + v + "|").getBytes(StandardCharsets.UTF_8));
        }
        return Sha256.hex(sha);
    }

    /** SQLState class 23 (integrity constraint violation): 23505 on PostgreSQL and H2. */
    private static boolean isUniqueViolation(SQLException e) {
        for (SQLException x = e; x != null; x = x.getNextException()) {
            if (x.getSQLState() != null && x.getSQLState().startsWith("23")) {
                return true;
            }
        }
        return false;
    }
}
