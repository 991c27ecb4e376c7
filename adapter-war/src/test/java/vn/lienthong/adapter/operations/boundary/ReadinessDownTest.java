package vn.lienthong.adapter.operations.boundary;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static vn.lienthong.adapter.store.TestTransactions.runInTransaction;

import java.lang.reflect.Field;
import java.lang.reflect.Proxy;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;


import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityManagerFactory;

import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import vn.lienthong.adapter.configuration.AdapterSettings;
import vn.lienthong.adapter.operations.control.StoreReadings;
import vn.lienthong.adapter.store.TestStores;

/**
 * The readiness checks turn DOWN, naming what failed, and UP again when it clears — with real components: a real
 * data folder on the real file system, and the real store (H2, migrated by Flyway) behind the axis check. The HTTP
 * side (503 and the JSON answer from Payara's MicroProfile Health) is {@code HealthAndMetricsOnMicroIT}.
 */
class ReadinessDownTest {

    private static final String AXIS = "http://127.0.0.1:1/";

    static {
        // The container supplies the response builder (Payara's MicroProfile Health); outside it, this plain one.
        HealthCheckResponse.setResponseProvider(PlainBuilder::new);
    }

    /** Name, status and data, as HealthCheckResponse carries them. */
    static final class PlainBuilder extends org.eclipse.microprofile.health.HealthCheckResponseBuilder {
        private String name;
        private HealthCheckResponse.Status status = HealthCheckResponse.Status.DOWN;
        private final Map<String, Object> data = new java.util.LinkedHashMap<>();

        @Override
        public PlainBuilder name(String n) {
            name = n;
            return this;
        }

        @Override
        public PlainBuilder withData(String key, String value) {
            data.put(key, value);
            return this;
        }

        @Override
        public PlainBuilder withData(String key, long value) {
            data.put(key, value);
            return this;
        }

        @Override
        public PlainBuilder withData(String key, boolean value) {
            data.put(key, value);
            return this;
        }

        @Override
        public PlainBuilder up() {
            return status(true);
        }

        @Override
        public PlainBuilder down() {
            return status(false);
        }

        @Override
        public PlainBuilder status(boolean up) {
            status = up ? HealthCheckResponse.Status.UP : HealthCheckResponse.Status.DOWN;
            return this;
        }

        @Override
        public HealthCheckResponse build() {
            return new HealthCheckResponse(name, status, Optional.of(Map.copyOf(data)));
        }
    }

    @TempDir
    Path dir;

    @Test
    void theDataFolderCheckIsDownWhileTheFolderTakesNoFileAndUpWhenItDoesAgain() throws Exception {
        Path data = Files.createDirectories(dir.resolve("data"));
        DataFolderReadiness check = new DataFolderReadiness();
        check.settings = settings(data, Map.of(AdapterSettings.HEALTH_MIN_FREE_MB, "1"));
        assertUp(check.call(), "data-folder");

        // The folder's place taken by something that is not a folder (a failed mount, a mistaken copy): no file
        // can be created in it.
        Files.delete(data);
        Files.writeString(data, "not a folder");
        HealthCheckResponse down = check.call();
        assertDown(down, "data-folder");
        assertEquals(Boolean.FALSE, down.getData().orElseThrow().get("writable"));
        assertEquals("ok", down.getData().orElseThrow().get("freeSpace"));

        Files.delete(data);
        Files.createDirectories(data);
        assertUp(check.call(), "data-folder");

        // Permissions, where they bind (root writes anyway).
        if (!"root".equals(System.getProperty("user.name"))) {
            Files.setPosixFilePermissions(data, PosixFilePermissions.fromString("r-xr-xr-x"));
            try {
                assertDown(check.call(), "data-folder");
            } finally {
                Files.setPosixFilePermissions(data, PosixFilePermissions.fromString("rwx------"));
            }
            assertUp(check.call(), "data-folder");
        }
    }

    @Test
    void theDataFolderCheckIsDownWhileFreeSpaceIsUnderTheThreshold() throws Exception {
        Path data = Files.createDirectories(dir.resolve("data"));
        long freeMib = Files.getFileStore(data).getUsableSpace() / (1024 * 1024);
        DataFolderReadiness tight = new DataFolderReadiness();
        // A threshold above what the file system has free (by 1 TiB: other processes' writes cannot matter).
        tight.settings = settings(data,
                Map.of(AdapterSettings.HEALTH_MIN_FREE_MB, Long.toString(freeMib + 1_048_576)));
        HealthCheckResponse down = tight.call();
        assertDown(down, "data-folder");
        assertEquals("low", down.getData().orElseThrow().get("freeSpace"));
        assertEquals(Boolean.TRUE, down.getData().orElseThrow().get("writable"));

        DataFolderReadiness enough = new DataFolderReadiness();
        enough.settings = settings(data, Map.of(AdapterSettings.HEALTH_MIN_FREE_MB, "1"));
        assertUp(enough.call(), "data-folder");
    }

    @Test
    void theAxisCheckIsDownWhileTheSharedBreakerIsOpenUnlessTheAxisIsNotRequired() throws Exception {
        JdbcDataSource ds = new JdbcDataSource();
        ds.setURL("jdbc:h2:file:" + dir.resolve("store") + ";DB_CLOSE_DELAY=-1");
        ds.setUser("sa");
        TestStores.freshSchema(ds);
        EntityManagerFactory emf = TestStores.persistenceUnit(ds);
        EntityManager em = emf.createEntityManager();
        try {
            AxisReadiness required = axisCheck(em, Map.of());
            AxisReadiness optional = axisCheck(em, Map.of(AdapterSettings.HEALTH_AXIS_REQUIRED, "false"));
            assertUp(required.call(), "axis");

            // What the outbox records when the axis is unreachable: the shared breaker row goes OPEN.
            sql(em, "INSERT INTO axis_breaker (endpoint, state, opened_at, failed_probes, alerted, updated_at)"
                    + " VALUES (?1, 'OPEN', ?2, 3, FALSE, ?2)", AXIS, OffsetDateTime.now());
            HealthCheckResponse down = required.call();
            assertDown(down, "axis");
            assertEquals("OPEN", down.getData().orElseThrow().get("breaker"));
            HealthCheckResponse tolerated = optional.call();
            assertUp(tolerated, "axis");
            assertEquals("OPEN", tolerated.getData().orElseThrow().get("breaker"), "reported, not DOWN");

            // A probe was answered (HALF_OPEN), then the first send went through (CLOSED).
            sql(em, "UPDATE axis_breaker SET state = 'HALF_OPEN' WHERE endpoint = ?1", AXIS);
            assertUp(required.call(), "axis");
            sql(em, "UPDATE axis_breaker SET state = 'CLOSED' WHERE endpoint = ?1", AXIS);
            assertUp(required.call(), "axis");
        } finally {
            em.close();
            emf.close();
        }
    }

    private AxisReadiness axisCheck(EntityManager em, Map<String, String> extra) throws Exception {
        Map<String, String> values = new HashMap<>(extra);
        values.put(AdapterSettings.METRICS_CACHE_MS, "0"); // every probe reads the store
        values.put(AdapterSettings.AXIS_ENDPOINT, AXIS);
        AdapterSettings s = settings(dir, values);
        StoreReadings readings = new StoreReadings();
        set(readings, "em", em);
        set(readings, "settings", s);
        AxisReadiness check = new AxisReadiness();
        check.readings = readings; // readiness reads the store directly (not the metrics' FiguresCache)
        check.settings = s;
        return check;
    }

    private static void sql(EntityManager em, String statement, Object... params) {
        runInTransaction(em, () -> {
            var q = em.createNativeQuery(statement);
            for (int i = 0; i < params.length; i++) {
                q.setParameter(i + 1, params[i]);
            }
            q.executeUpdate();
        });
        em.clear();
    }

    private static void assertUp(HealthCheckResponse r, String name) {
        assertEquals(name, r.getName());
        assertEquals(HealthCheckResponse.Status.UP, r.getStatus(), r.getData().toString());
    }

    private static void assertDown(HealthCheckResponse r, String name) {
        assertEquals(name, r.getName());
        assertEquals(HealthCheckResponse.Status.DOWN, r.getStatus(), r.getData().toString());
    }

    private static void set(Object target, String field, Object value) throws ReflectiveOperationException {
        Field f = target.getClass().getDeclaredField(field);
        f.setAccessible(true);
        f.set(target, value);
    }

    /** Settings as MicroProfile Config would give them: these values, every other key at its default. */
    private static AdapterSettings settings(Path dataDir, Map<String, String> values) {
        Map<String, String> all = new HashMap<>(values);
        all.put("adapter.data.dir", dataDir.toString());
        Config config = (Config) Proxy.newProxyInstance(Config.class.getClassLoader(), new Class<?>[] {Config.class},
                (proxy, method, args) -> switch (method.getName()) {
                    case "getOptionalValue" -> Optional.ofNullable(all.get((String) args[0]))
                            .map(v -> convert(v, (Class<?>) args[1]));
                    case "getValue" -> convert(all.get((String) args[0]), (Class<?>) args[1]);
                    case "getPropertyNames" -> List.copyOf(all.keySet());
                    default -> null;
                });
        return AdapterSettings.from(config);
    }

    private static Object convert(String v, Class<?> type) {
        if (v == null) {
            return null;
        }
        if (type == Long.class) {
            return Long.valueOf(v);
        }
        if (type == Integer.class) {
            return Integer.valueOf(v);
        }
        if (type == Boolean.class) {
            return Boolean.valueOf(v);
        }
        return v;
    }
}
