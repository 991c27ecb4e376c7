package vn.lienthong.adapter.store;

import java.io.IOException;

import javax.sql.DataSource;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

/**
 * Leases and the audit chain on a real PostgreSQL: embedded PostgreSQL 14 by default, or the server named by
 * {@code -Dit.postgres.url} (see {@link PostgresStoreTest}).
 */
class PostgresOutboxAndAuditTest extends OutboxAndAuditContract {

    private static EmbeddedPostgres embedded;
    private static DataSource dataSource;

    @BeforeAll
    static void start() throws IOException {
        String url = System.getProperty("it.postgres.url");
        if (url != null && !url.isBlank()) {
            org.postgresql.ds.PGSimpleDataSource ds = new org.postgresql.ds.PGSimpleDataSource();
            ds.setURL(url);
            ds.setUser(System.getProperty("it.postgres.user", "postgres"));
            ds.setPassword(System.getProperty("it.postgres.password", ""));
            dataSource = ds;
        } else {
            embedded = EmbeddedPostgres.builder().start();
            dataSource = embedded.getPostgresDatabase();
        }
    }

    @AfterAll
    static void stop() throws IOException {
        if (embedded != null) {
            embedded.close();
        }
    }

    @Override
    protected DataSource dataSource() {
        return dataSource;
    }
}
