package vn.lienthong.adapter.statistics.control;

import javax.sql.DataSource;

import vn.lienthong.adapter.store.TestPostgres;

/** The seeded month on a real PostgreSQL (embedded 14, or -Dit.postgres.url). */
class PostgresStatisticsTest extends StatisticsContract {

    @Override
    protected DataSource dataSource() {
        return TestPostgres.dataSource();
    }
}
