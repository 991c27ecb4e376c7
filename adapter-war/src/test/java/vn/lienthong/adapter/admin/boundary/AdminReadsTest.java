package vn.lienthong.adapter.admin.boundary;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static vn.lienthong.adapter.store.TestTransactions.runInTransaction;

import java.nio.file.Path;
import java.time.temporal.ChronoUnit;
import java.util.List;

import jakarta.json.JsonObject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityManagerFactory;

import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import vn.lienthong.adapter.platform.time.VietnamTime;
import vn.lienthong.adapter.store.TestStores;
import vn.lienthong.adapter.tracking.boundary.StoreAdminResourceAccess;

/**
 * The read-only admin views the security regression suite relies on, on H2: audit entries after a chain position
 * (oldest first, bounded) and the store counts.
 */
class AdminReadsTest {

    @TempDir
    Path dir;
    private EntityManagerFactory emf;
    private EntityManager em;

    @BeforeEach
    void open() {
        JdbcDataSource ds = new JdbcDataSource();
        ds.setURL("jdbc:h2:file:" + dir.resolve("reads") + ";DB_CLOSE_ON_EXIT=FALSE;DB_CLOSE_DELAY=-1");
        ds.setUser("sa");
        ds.setPassword("");
        TestStores.freshSchema(ds);
        emf = TestStores.persistenceUnit(ds);
        em = emf.createEntityManager();
        runInTransaction(em, () -> {
            // Rows as the chain leaves them, written with plain SQL so the test does not depend on how entries are
            // chained (plain or keyed hashes): the reads only look at positions and fields.
            for (int i = 1; i <= 5; i++) {
                em.createNativeQuery("INSERT INTO audit_entry (id, occurred_at, actor, action, organ_id, outcome,"
                                + " code, detail, chain_seq, prev_hash, entry_hash)"
                                + " VALUES (?, ?, ?, 'ACTION', '000.00.00.G22', ?, ?, ?, ?, 'p', 'h')")
                        .setParameter(1, "entry-" + i)
                        .setParameter(2, VietnamTime.now().truncatedTo(ChronoUnit.MILLIS))
                        .setParameter(3, "actor" + i)
                        .setParameter(4, i % 2 == 0 ? "REFUSED" : "ACCEPTED")
                        .setParameter(5, i % 2 == 0 ? "AUTH.ADMIN" : null)
                        .setParameter(6, "detail " + i)
                        .setParameter(7, (long) i)
                        .executeUpdate();
            }
        });
    }

    @AfterEach
    void close() {
        em.close();
        emf.close();
    }

    @Test
    void entriesAfterAPositionComeOldestFirstWithTheHeadAndAreBounded() {
        AuditAdminResource resource = new AuditAdminResource();
        resource.em = em;
        JsonObject page = resource.entries(2L, null, 2);
        assertEquals(5, page.getJsonNumber("headSeq").longValue());
        List<JsonObject> entries = page.getJsonArray("entries").getValuesAs(JsonObject.class);
        assertEquals(List.of(3L, 4L), entries.stream().map(e -> e.getJsonNumber("seq").longValue()).toList());
        assertEquals("AUTH.ADMIN", entries.get(1).getString("code"));
        assertEquals("REFUSED", entries.get(1).getString("outcome"));
        assertFalse(entries.get(0).containsKey("code"), "absent values are left out");
        assertEquals(0, resource.entries(0L, null, 0).getJsonArray("entries").size(), "limit 0: the head only");
        assertEquals(5, resource.entries(-7L, null, 5000).getJsonArray("entries").size());
    }

    @Test
    void withoutAPositionTheNewestComeFirstOptionallyOfOneCode() {
        AuditAdminResource resource = new AuditAdminResource();
        resource.em = em;
        List<Long> newest = resource.entries(null, null, 2).getJsonArray("entries").getValuesAs(JsonObject.class)
                .stream().map(e -> e.getJsonNumber("seq").longValue()).toList();
        assertEquals(List.of(5L, 4L), newest);
        List<JsonObject> refused = resource.entries(null, "AUTH.ADMIN", 100).getJsonArray("entries")
                .getValuesAs(JsonObject.class);
        assertFalse(refused.isEmpty());
        refused.forEach(e -> assertEquals("AUTH.ADMIN", e.getString("code")));
        assertEquals(List.of(4L, 2L), refused.stream().map(e -> e.getJsonNumber("seq").longValue()).toList());
    }

    @Test
    void storeCountsNameEveryKindOfStoredThing() {
        JsonObject counts = StoreAdminResourceAccess.counts(em);
        assertEquals(0, counts.getInt("documents"));
        assertEquals(0, counts.getInt("legacyTokens"));
        assertEquals(List.of("documents", "recipients", "attachments", "statusEvents", "transportAttempts", "inboxItems",
                "receivedPackages", "legacyTokens", "legacyNumbers", "clientCredentials"), List.copyOf(counts.keySet()));
    }
}
