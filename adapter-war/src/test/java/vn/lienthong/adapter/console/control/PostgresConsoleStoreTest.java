package vn.lienthong.adapter.console.control;

import javax.sql.DataSource;

import vn.lienthong.adapter.store.TestPostgres;

/** The console's queries on a real PostgreSQL (embedded unless it.postgres.url is set). */
class PostgresConsoleStoreTest extends ConsoleStoreContract {

    @Override
    protected DataSource dataSource() {
        return TestPostgres.dataSource();
    }
}
