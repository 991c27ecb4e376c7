package vn.lienthong.adapter.statistics.control;

import javax.sql.DataSource;

import vn.lienthong.adapter.store.TestPostgres;

/** Rollup path = live path on a real PostgreSQL (embedded 14, or -Dit.postgres.url). */
class PostgresRollupConsistencyTest extends RollupConsistencyContract {

    @Override
    protected DataSource dataSource() {
        return TestPostgres.dataSource();
    }
}
