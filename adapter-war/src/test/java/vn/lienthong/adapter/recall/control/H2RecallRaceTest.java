package vn.lienthong.adapter.recall.control;

import java.nio.file.Path;

import javax.sql.DataSource;

import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.io.TempDir;

/** The recall race on the embedded default database. */
class H2RecallRaceTest extends RecallRaceContract {

    @TempDir
    static Path dir;

    @Override
    protected int rounds() {
        return 25;
    }

    @Override
    protected DataSource dataSource() {
        JdbcDataSource ds = new JdbcDataSource();
        ds.setURL("jdbc:h2:file:" + dir.resolve("race") + ";DB_CLOSE_ON_EXIT=FALSE");
        ds.setUser("sa");
        return ds;
    }
}
