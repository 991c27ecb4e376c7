package vn.lienthong.adapter.store;

import java.nio.file.Path;

import javax.sql.DataSource;

import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.io.TempDir;

/** Leases and the audit chain on the embedded default database (H2 file database, as in the one-command run). */
class H2OutboxAndAuditTest extends OutboxAndAuditContract {

    @TempDir
    static Path dir;

    @Override
    protected DataSource dataSource() {
        JdbcDataSource ds = new JdbcDataSource();
        // DB_CLOSE_DELAY=-1: the data source is unpooled; without it H2 would close and reopen the file database
        // between transactions whenever no connection happens to be open, as a server's pool never lets it.
        ds.setURL("jdbc:h2:file:" + dir.resolve("outbox") + ";DB_CLOSE_ON_EXIT=FALSE;DB_CLOSE_DELAY=-1");
        ds.setUser("sa");
        ds.setPassword("");
        return ds;
    }
}
