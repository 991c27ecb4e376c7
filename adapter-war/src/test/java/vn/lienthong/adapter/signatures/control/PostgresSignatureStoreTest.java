package vn.lienthong.adapter.signatures.control;

import javax.sql.DataSource;

import vn.lienthong.adapter.store.TestPostgres;

/** Document signatures on a real PostgreSQL: embedded PostgreSQL 14 by default, or -Dit.postgres.url. */
class PostgresSignatureStoreTest extends SignatureStoreContract {

    @Override
    protected DataSource dataSource() {
        return TestPostgres.dataSource();
    }
}
