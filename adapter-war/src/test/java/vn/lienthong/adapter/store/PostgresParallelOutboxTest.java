package vn.lienthong.adapter.store;

import javax.sql.DataSource;

/** Batch claims and parallel sends on a real PostgreSQL (embedded PostgreSQL 14 unless -Dit.postgres.url). */
class PostgresParallelOutboxTest extends ParallelOutboxContract {

    @Override
    protected DataSource dataSource() {
        return TestPostgres.dataSource();
    }
}
