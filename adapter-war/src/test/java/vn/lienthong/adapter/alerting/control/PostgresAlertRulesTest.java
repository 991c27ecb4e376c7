package vn.lienthong.adapter.alerting.control;

import javax.sql.DataSource;

import vn.lienthong.adapter.store.TestPostgres;

/** The alert rules on a real PostgreSQL: embedded PostgreSQL 14 by default, or -Dit.postgres.url (TestPostgres). */
class PostgresAlertRulesTest extends AlertRulesContract {

    @Override
    protected DataSource dataSource() {
        return TestPostgres.dataSource();
    }
}
