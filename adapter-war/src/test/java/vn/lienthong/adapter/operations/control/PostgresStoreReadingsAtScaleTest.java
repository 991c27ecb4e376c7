package vn.lienthong.adapter.operations.control;

import javax.sql.DataSource;

import vn.lienthong.adapter.store.TestPostgres;

/** {@link StoreReadingsAtScaleContract} on a real PostgreSQL (embedded 14, or -Dit.postgres.url). */
class PostgresStoreReadingsAtScaleTest extends StoreReadingsAtScaleContract {

    @Override
    protected DataSource dataSource() {
        return TestPostgres.dataSource();
    }
}
