package vn.lienthong.adapter.store;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;
import java.util.TreeMap;

import javax.sql.DataSource;

import org.flywaydb.core.Flyway;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * V9 on credentials issued before it (issue 9 item 1): each old-protocol credential records who granted its token
 * — the admin, or the client credential that issued it (so an over-broad grant made through the old hole is
 * refused at use) — and credentials of their own record none. On H2 and on PostgreSQL.
 */
class CredentialGrantorMigrationTest {

    @TempDir
    Path dir;

    @Test
    void onH2() throws SQLException {
        JdbcDataSource h2 = new JdbcDataSource();
        h2.setURL("jdbc:h2:file:" + dir.resolve("grantor") + ";DB_CLOSE_ON_EXIT=FALSE");
        h2.setUser("sa");
        migratesTheGrantors(h2);
    }

    @Test
    void onPostgres() throws SQLException {
        migratesTheGrantors(TestPostgres.dataSource());
    }

    private static void migratesTheGrantors(DataSource ds) throws SQLException {
        Flyway.configure().dataSource(ds).cleanDisabled(false).load().clean();
        Flyway.configure().dataSource(ds).locations("classpath:db/migration").target("6").load().migrate();
        try (Connection c = ds.getConnection(); Statement s = c.createStatement()) {
            s.executeUpdate("INSERT INTO client_credential (username, password_hash, organ_ids, enabled, created_at)"
                    + " VALUES ('clerk', 'h', '000.00.00.G22', TRUE, CURRENT_TIMESTAMP),"
                    + " ('legacy:000.00.00.G22', 'legacy-token-only', '000.00.00.G22,000.00.00.H49', TRUE, CURRENT_TIMESTAMP),"
                    + " ('legacy:000.00.00.G23', 'legacy-token-only', '000.00.00.G23', TRUE, CURRENT_TIMESTAMP),"
                    + " ('legacy:000.00.00.G24', 'legacy-token-only', '000.00.00.G24', TRUE, CURRENT_TIMESTAMP)");
            s.executeUpdate("INSERT INTO legacy_token (id, organ_id, token_salt, token_hash, enabled, issued_by, issued_at)"
                    + " VALUES ('1', '000.00.00.G22', 's', 'h', TRUE, 'clerk', CURRENT_TIMESTAMP),"
                    + " ('2', '000.00.00.G22', 's', 'h', FALSE, 'admin', CURRENT_TIMESTAMP),"
                    + " ('3', '000.00.00.G23', 's', 'h', TRUE, 'admin', CURRENT_TIMESTAMP)");
        }
        Flyway.configure().dataSource(ds).locations("classpath:db/migration").load().migrate();
        Map<String, String> grantors = new TreeMap<>();
        try (Connection c = ds.getConnection(); Statement s = c.createStatement();
                ResultSet r = s.executeQuery("SELECT username, granted_by FROM client_credential")) {
            while (r.next()) {
                grantors.put(r.getString(1), String.valueOf(r.getString(2)));
            }
        }
        assertEquals(Map.of("clerk", "null",
                "legacy:000.00.00.G22", "credential:clerk",   // the active token's issuer, not the revoked one's
                "legacy:000.00.00.G23", "admin",
                "legacy:000.00.00.G24", "credential:"), grantors); // no active token: names no one
    }
}
