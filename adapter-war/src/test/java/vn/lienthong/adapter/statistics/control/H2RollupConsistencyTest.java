package vn.lienthong.adapter.statistics.control;

import java.nio.file.Path;

import javax.sql.DataSource;

import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.io.TempDir;

/** Rollup path = live path on the embedded default database (H2 file database). */
class H2RollupConsistencyTest extends RollupConsistencyContract {

    @TempDir
    static Path dir;

    /** One random store on H2 (slower per query than PostgreSQL); PostgreSQL checks two. */
    @Override
    protected long[] seeds() {
        return new long[] {20261128};
    }

    @Override
    protected DataSource dataSource() {
        JdbcDataSource ds = new JdbcDataSource();
        ds.setURL("jdbc:h2:file:" + dir.resolve("rollup") + ";DB_CLOSE_ON_EXIT=FALSE");
        ds.setUser("sa");
        ds.setPassword("");
        return ds;
    }
}
