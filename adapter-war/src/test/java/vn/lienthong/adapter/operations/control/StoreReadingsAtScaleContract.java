package vn.lienthong.adapter.operations.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.Proxy;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;

import javax.sql.DataSource;

import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityManagerFactory;

import org.eclipse.microprofile.config.Config;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import vn.lienthong.adapter.configuration.AdapterSettings;
import vn.lienthong.adapter.operations.entity.Face;
import vn.lienthong.adapter.operations.entity.StoreFigures;
import vn.lienthong.adapter.store.BulkSentDocuments;
import vn.lienthong.adapter.store.TestStores;

/**
 * The metrics' store figures on 100,000 sent documents (issue 13 at 1,000,000 documents: whole-store counts on each
 * scrape read NaN on H2). The figures equal the whole-store counts they replace, follow later changes (a queued
 * document sent, new documents and attempts) through the running tallies, and each query's plan uses an index.
 */
abstract class StoreReadingsAtScaleContract {

    static final int SEEDED = 100_000;

    protected abstract DataSource dataSource();

    @TempDir
    Path dataDir;

    EntityManagerFactory emf;
    EntityManager em;
    StoreReadings readings;
    OffsetDateTime now;

    @BeforeEach
    void fresh() {
        TestStores.freshSchema(dataSource());
        emf = TestStores.persistenceUnit(dataSource());
        em = emf.createEntityManager();
        readings = new StoreReadings();
        readings.em = em;
        readings.settings = settings(dataDir);
        now = OffsetDateTime.now(ZoneOffset.UTC).truncatedTo(ChronoUnit.MILLIS);
        BulkSentDocuments.seed(dataSource(), SEEDED, now.minusDays(60), "000.00.00.H41");
    }

    @AfterEach
    void close() {
        em.close();
        emf.close();
    }

    @Test
    void figuresEqualTheWholeStoreCountsAndFollowChanges() {
        String queued = document("ws-client", "QUEUED", now.minusMinutes(1));
        document("ws-client", "QUEUED", now.minusMinutes(1));
        String dead = document("legacy", "DEAD", now.minusDays(2));
        attempt(dead, "REJECTED", now.minusDays(2));
        attempt(queued, "RETRY", now.minusMinutes(1));
        RunningTally documents = new RunningTally();
        RunningTally attempts = new RunningTally();

        StoreFigures first = readings.readOrNull(documents, attempts);
        assertNotNull(first);
        assertEquals(SEEDED / 2, first.documents(Face.WS, "SENT"));
        assertEquals(SEEDED / 2, first.documents(Face.LEGACY, "SENT"));
        assertEquals(2, first.documents(Face.WS, "QUEUED"));
        assertEquals(1, first.documents(Face.LEGACY, "DEAD"));
        assertEquals(2, first.outboxDepth());
        assertWholeStore(first);

        sql("UPDATE document SET state = 'SENT' WHERE id = ?", queued);
        attempt(queued, "SENT", now);
        String later = document("legacy", "SENT", now);
        attempt(later, "SENT", now);
        StoreFigures second = readings.readOrNull(documents, attempts);
        assertEquals(SEEDED / 2 + 1, second.documents(Face.WS, "SENT"));
        assertEquals(SEEDED / 2 + 1, second.documents(Face.LEGACY, "SENT"));
        assertEquals(1, second.documents(Face.WS, "QUEUED"));
        assertEquals(SEEDED / 2 + 1, second.attempts(Face.WS, "SENT"));
        assertEquals(1, second.attempts(Face.WS, "RETRY"));
        assertWholeStore(second);
    }

    @Test
    void eachFigureIsAnIndexedQuery() {
        readings.readOrNull(new RunningTally(), new RunningTally());
        OffsetDateTime from = RunningTally.settleAt(now);
        assertPlanUses(plan(StoreReadings.LIVE_STATES), "ix_document_outbox", "ix_document_lease");
        assertPlanUses(plan(StoreReadings.OUTGOING, from, now), "ix_console_document_created", "ix_document_stats");
        assertPlanUses(plan(StoreReadings.ATTEMPTS, from, now), "ix_console_attempt_time");
    }

    /** The old whole-store GROUP BYs, which the figures must still equal. */
    private void assertWholeStore(StoreFigures f) {
        Map<String, Map<String, Long>> documents = grouped("SELECT submitted_by, state, COUNT(*) FROM document"
                + " WHERE direction = 'OUT' GROUP BY submitted_by, state");
        Map<String, Map<String, Long>> attempts = grouped("SELECT d.submitted_by, t.outcome, COUNT(*)"
                + " FROM transport_attempt t JOIN document d ON t.document_ref = d.id GROUP BY d.submitted_by, t.outcome");
        for (String face : Face.SUBMITTING) {
            for (String state : AdapterMetrics.STATES) {
                assertEquals(documents.getOrDefault(face, Map.of()).getOrDefault(state, 0L), f.documents(face, state),
                        face + " " + state);
            }
            for (String outcome : AdapterMetrics.OUTCOMES) {
                assertEquals(attempts.getOrDefault(face, Map.of()).getOrDefault(outcome, 0L),
                        f.attempts(face, outcome), face + " " + outcome);
            }
        }
    }

    private Map<String, Map<String, Long>> grouped(String sql) {
        Map<String, Map<String, Long>> out = new HashMap<>();
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery(sql).getResultList();
        for (Object[] r : rows) {
            out.computeIfAbsent(Face.ofSubmitter((String) r[0]), x -> new HashMap<>())
                    .merge((String) r[1], ((Number) r[2]).longValue(), Long::sum);
        }
        return out;
    }

    private String plan(String sql, Object... params) {
        var q = em.createNativeQuery("EXPLAIN " + sql);
        for (int i = 0; i < params.length; i++) {
            q.setParameter(i + 1, params[i]);
        }
        @SuppressWarnings("unchecked")
        List<Object> rows = q.getResultList();
        String plan = rows.stream().map(String::valueOf).collect(Collectors.joining("\n"));
        System.out.println("Plan of " + sql + ":\n" + plan);
        return plan;
    }

    private static void assertPlanUses(String plan, String... anyOf) {
        String lower = plan.toLowerCase();
        boolean uses = false;
        for (String index : anyOf) {
            uses |= lower.contains(index);
        }
        assertTrue(uses, "expected one of " + List.of(anyOf) + " in\n" + plan);
    }

    private String document(String submittedBy, String state, OffsetDateTime at) {
        String id = UUID.randomUUID().toString();
        sql("INSERT INTO document (id, direction, document_id, sender_organ_id, priority, business_type, state,"
                + " attempts, created_at, updated_at, queued_at, version, dedup_key, submitted_by)"
                + " VALUES (?, 'OUT', ?, '000.00.00.G22', 0, 0, ?, 0, ?, ?, ?, 1, ?, ?)",
                id, "D/" + id, state, at, at, at, "OUT|EDOC|" + id, submittedBy);
        return id;
    }

    private void attempt(String documentRef, String outcome, OffsetDateTime at) {
        sql("INSERT INTO transport_attempt (id, document_ref, attempted_at, outcome) VALUES (?, ?, ?, ?)",
                UUID.randomUUID().toString(), documentRef, at, outcome);
    }

    private void sql(String sql, Object... params) {
        try (Connection c = dataSource().getConnection(); PreparedStatement p = c.prepareStatement(sql)) {
            for (int i = 0; i < params.length; i++) {
                p.setObject(i + 1, params[i]);
            }
            p.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Defaults for every setting but the data folder (as MicroProfile Config would give them). */
    private static AdapterSettings settings(Path dataDir) {
        Map<String, String> all = Map.of("adapter.data.dir", dataDir.toString(),
                AdapterSettings.AXIS_ENDPOINT, "http://127.0.0.1:1/");
        Config config = (Config) Proxy.newProxyInstance(Config.class.getClassLoader(), new Class<?>[] {Config.class},
                (proxy, method, args) -> switch (method.getName()) {
                    case "getOptionalValue" -> Optional.ofNullable(all.get((String) args[0]));
                    case "getValue" -> all.get((String) args[0]);
                    case "getPropertyNames" -> List.copyOf(all.keySet());
                    default -> null;
                });
        return AdapterSettings.from(config);
    }
}
