package vn.lienthong.adapter.store;

import javax.sql.DataSource;

/** Replay marks on a real PostgreSQL: embedded PostgreSQL 14 by default, or -Dit.postgres.url (see TestPostgres). */
class PostgresReplayMarksTest extends ReplayMarksContract {

    @Override
    protected DataSource dataSource() {
        return TestPostgres.dataSource();
    }
}
