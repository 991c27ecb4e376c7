package vn.lienthong.adapter.store;

import javax.sql.DataSource;

/**
 * The store on a real PostgreSQL server. By default an embedded PostgreSQL 14 is started in-process; set
 * {@code -Dit.postgres.url=jdbc:postgresql://host:port/db} (with it.postgres.user / it.postgres.password) to use
 * an external server instead.
 */
class PostgresStoreTest extends StoreContract {

    @Override
    protected DataSource dataSource() {
        return TestPostgres.dataSource();
    }
}
