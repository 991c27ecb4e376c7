package vn.lienthong.adapter.retention.control;

import javax.sql.DataSource;

import vn.lienthong.adapter.store.TestPostgres;

/** The retention job on a real PostgreSQL: embedded PostgreSQL 14 by default, or -Dit.postgres.url (TestPostgres). */
class PostgresRetentionTest extends RetentionContract {

    @Override
    protected DataSource dataSource() {
        return TestPostgres.dataSource();
    }
}
