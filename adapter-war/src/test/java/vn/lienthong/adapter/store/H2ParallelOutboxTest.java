package vn.lienthong.adapter.store;

import java.nio.file.Path;

import javax.sql.DataSource;

import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.io.TempDir;

/** Batch claims and parallel sends on the embedded default database (H2 file database). */
class H2ParallelOutboxTest extends ParallelOutboxContract {

    @TempDir
    static Path dir;

    @Override
    protected DataSource dataSource() {
        JdbcDataSource ds = new JdbcDataSource();
        // DB_CLOSE_DELAY=-1: unpooled data source; keep the database open between transactions as a pool would.
        ds.setURL("jdbc:h2:file:" + dir.resolve("parallel") + ";DB_CLOSE_ON_EXIT=FALSE;DB_CLOSE_DELAY=-1");
        ds.setUser("sa");
        ds.setPassword("");
        return ds;
    }
}
