package vn.lienthong.adapter.store;

import java.util.Map;

import javax.sql.DataSource;

import jakarta.persistence.EntityManagerFactory;
import jakarta.persistence.Persistence;

import org.flywaydb.core.Flyway;

/**
 * Store tests outside the container: a clean schema made only by the Flyway migrations, and the production
 * persistence unit (EclipseLink, as Payara ships it) switched to resource-local transactions on that data source.
 */
public final class TestStores {

    private TestStores() {
    }

    /** Drops everything in the database and migrates it to the current schema. */
    public static void freshSchema(DataSource dataSource) {
        Flyway.configure().dataSource(dataSource).cleanDisabled(false).load().clean();
        Flyway.configure().dataSource(dataSource).locations("classpath:db/migration").load().migrate();
    }

    /** The production persistence unit on {@code dataSource}; extra properties (e.g. a session name) may be added. */
    public static EntityManagerFactory persistenceUnit(DataSource dataSource, Map<String, Object> extra) {
        Map<String, Object> properties = new java.util.HashMap<>(Map.of(
                "jakarta.persistence.transactionType", "RESOURCE_LOCAL",
                "jakarta.persistence.jtaDataSource", "",
                "jakarta.persistence.nonJtaDataSource", dataSource));
        properties.putAll(extra);
        return Persistence.createEntityManagerFactory("lienthong", properties);
    }

    public static EntityManagerFactory persistenceUnit(DataSource dataSource) {
        return persistenceUnit(dataSource, Map.of());
    }
}
