package vn.lienthong.adapter.legacy.control;

import java.io.IOException;

import javax.sql.DataSource;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

/** Old-protocol store on a real PostgreSQL (embedded PostgreSQL 14, or -Dit.postgres.url=… for an external one). */
class PostgresLegacyStoreTest extends LegacyStoreContract {

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
