package vn.lienthong.adapter.store;

import javax.sql.DataSource;

/**
 * Leases and the audit chain on a real PostgreSQL: embedded PostgreSQL 14 by default, or the server named by
 * {@code -Dit.postgres.url} (see {@link PostgresStoreTest}).
 */
class PostgresOutboxAndAuditTest extends OutboxAndAuditContract {

    @Override
    protected DataSource dataSource() {
        return TestPostgres.dataSource();
    }
}
