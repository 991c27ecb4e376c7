package vn.lienthong.adapter.legacy.control;

import javax.sql.DataSource;

import vn.lienthong.adapter.store.TestPostgres;

/** Old-protocol store on a real PostgreSQL (embedded PostgreSQL 14, or -Dit.postgres.url=… for an external one). */
class PostgresLegacyStoreTest extends LegacyStoreContract {

    @Override
    protected DataSource dataSource() {
        return TestPostgres.dataSource();
    }
}
