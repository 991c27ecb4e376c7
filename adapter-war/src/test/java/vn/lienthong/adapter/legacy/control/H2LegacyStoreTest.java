package vn.lienthong.adapter.legacy.control;

import java.nio.file.Path;

import javax.sql.DataSource;

import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.io.TempDir;

/** Old-protocol store on the embedded default database (H2 file database). */
class H2LegacyStoreTest extends LegacyStoreContract {

    @TempDir
    static Path dir;

    @Override
    protected DataSource dataSource() {
        JdbcDataSource ds = new JdbcDataSource();
        ds.setURL("jdbc:h2:file:" + dir.resolve("legacy") + ";DB_CLOSE_ON_EXIT=FALSE");
        ds.setUser("sa");
        ds.setPassword("");
        return ds;
    }
}
