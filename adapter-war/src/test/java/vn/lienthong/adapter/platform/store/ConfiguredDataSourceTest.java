package vn.lienthong.adapter.platform.store;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.sql.Connection;
import java.sql.ResultSet;

import org.junit.jupiter.api.Test;

/** The H2 connections the adapter opens keep enough parsed statements (issue 11: re-parsing cost 5–8 % CPU). */
class ConfiguredDataSourceTest {

    @Test
    void anH2DatabaseOpenedByTheAdapterHasTheLargerQueryCache() throws Exception {
        var settings = new DatabaseSettings("jdbc:h2:mem:querycache;DB_CLOSE_DELAY=-1", "sa", "");
        try (Connection c = ConfiguredDataSource.create(settings).getConnection();
                ResultSet rs = c.createStatement().executeQuery(
                        "SELECT SETTING_VALUE FROM INFORMATION_SCHEMA.SETTINGS WHERE SETTING_NAME = 'QUERY_CACHE_SIZE'")) {
            rs.next();
            assertEquals(String.valueOf(ConfiguredDataSource.H2_QUERY_CACHE_SIZE), rs.getString(1));
        }
    }

    @Test
    void aQueryCacheSizeInTheConfiguredUrlWins() {
        assertEquals("jdbc:h2:mem:x;query_cache_size=4",
                ConfiguredDataSource.withQueryCache("jdbc:h2:mem:x;query_cache_size=4"));
        assertEquals("jdbc:h2:file:/d/db;WRITE_DELAY=0;QUERY_CACHE_SIZE=128",
                ConfiguredDataSource.withQueryCache("jdbc:h2:file:/d/db;WRITE_DELAY=0"));
    }
}
