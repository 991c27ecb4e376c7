package vn.lienthong.adapter.alerting.control;

import javax.sql.DataSource;

import vn.lienthong.adapter.store.TestPostgres;

/** {@link AlertRulesAtScaleContract} on a real PostgreSQL (embedded 14, or -Dit.postgres.url). */
class PostgresAlertRulesAtScaleTest extends AlertRulesAtScaleContract {

    @Override
    protected DataSource dataSource() {
        return TestPostgres.dataSource();
    }
}
