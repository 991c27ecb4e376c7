package vn.lienthong.adapter.recall.control;

import javax.sql.DataSource;

import vn.lienthong.adapter.store.TestPostgres;

/** The recall race on a real PostgreSQL (embedded PostgreSQL 14). */
class PostgresRecallRaceTest extends RecallRaceContract {

    @Override
    protected DataSource dataSource() {
        return TestPostgres.dataSource();
    }
}
