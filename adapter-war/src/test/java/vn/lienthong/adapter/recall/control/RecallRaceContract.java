package vn.lienthong.adapter.recall.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static vn.lienthong.adapter.store.TestTransactions.inTransaction;
import static vn.lienthong.adapter.store.TestTransactions.runInTransaction;

import java.time.Duration;
import java.time.LocalDate;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import javax.sql.DataSource;

import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityManagerFactory;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import vn.lienthong.adapter.store.TestStores;
import vn.lienthong.adapter.delivery.control.OutboxClaims;
import vn.lienthong.adapter.platform.time.VietnamTime;
import vn.lienthong.adapter.tracking.entity.Document;

/**
 * A recall racing with transmission ends in one consistent outcome, many times over, on a real database: either
 * the recall wins (the document is RECALLED and the outbox can no longer claim it) or the outbox wins (the
 * document is sent and the recall is queued to follow it as 13 + type 1). Never both, never neither.
 */
abstract class RecallRaceContract {

    /** Rounds per database; H2 serialises conflicting row locks slowly, so it gets fewer. */
    protected int rounds() {
        return 150;
    }

    private EntityManagerFactory emf;

    protected abstract DataSource dataSource();

    @BeforeEach
    void open() {
        TestStores.freshSchema(dataSource());
        emf = TestStores.persistenceUnit(dataSource());
    }

    @AfterEach
    void close() {
        emf.close();
    }

    @Test
    void recallAndTransmissionRacingAlwaysEndInOneConsistentOutcome() throws Exception {
        int recalledLocally = 0;
        int sentThenRecalled = 0;
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            for (int round = 0; round < rounds(); round++) {
                String id = queuedDocument(round);
                CyclicBarrier start = new CyclicBarrier(2);
                Future<Boolean> outbox = pool.submit(() -> {
                    start.await(10, TimeUnit.SECONDS);
                    return transmit(id);
                });
                Future<RecallService.Outcome> recall = pool.submit(() -> {
                    start.await(10, TimeUnit.SECONDS);
                    return recall(id);
                });
                boolean sent = outbox.get(30, TimeUnit.SECONDS);
                RecallService.Outcome outcome = recall.get(30, TimeUnit.SECONDS);

                Object[] row = row(id);
                if (outcome == RecallService.Outcome.CANCELLED_LOCALLY) {
                    assertEquals(false, sent, "round " + round + ": recalled locally but also sent");
                    assertEquals("RECALLED", row[0]);
                    assertEquals("CANCELLED_LOCALLY", row[1]);
                    recalledLocally++;
                } else {
                    assertEquals(true, sent, "round " + round + ": recall queued for a document never sent");
                    assertEquals("SENT", row[0]);
                    assertEquals("REQUESTED", row[1], "the recall follows the document");
                    sentThenRecalled++;
                }
            }
        } finally {
            pool.shutdownNow();
        }
        assertEquals(rounds(), recalledLocally + sentThenRecalled);
        System.out.printf("recall race: %d recalled locally, %d sent then recalled%n", recalledLocally,
                sentThenRecalled);
    }

    /** What the outbox does: claim (conditional UPDATE), mark the send started, then record it sent. */
    private boolean transmit(String id) {
        EntityManager em = emf.createEntityManager();
        try {
            boolean claimed = inTransaction(em, () -> {
                OutboxClaims claims = new OutboxClaims(em);
                var now = claims.databaseNow();
                return claims.claim(id, "node-a", now, now.plus(Duration.ofSeconds(30)));
            });
            if (!claimed) {
                return false;
            }
            inTransaction(em, () -> em.createNativeQuery(
                    "UPDATE document SET send_started_at = CURRENT_TIMESTAMP WHERE id = ?1")
                    .setParameter(1, id).executeUpdate());
            inTransaction(em, () -> em.createNativeQuery("UPDATE document SET state = 'SENT', axis_doc_id = 'axis-1',"
                            + " lease_owner = NULL, lease_until = NULL, send_started_at = NULL"
                            + " WHERE id = ?1 AND lease_owner = 'node-a'")
                    .setParameter(1, id).executeUpdate());
            return true;
        } finally {
            em.close();
        }
    }

    private RecallService.Outcome recall(String id) {
        return inTransaction(emf, em -> {
            RecallService service = new RecallService();
            service.em = em;
            return service.decide(id, "Văn bản ban hành nhầm");
        });
    }

    private String queuedDocument(int round) {
        Document d = Document.outgoing("race-" + round, "000.00.00.G22", VietnamTime.now());
        d.describe(Integer.toString(round), "RACE", "Race " + round, 0, 0, LocalDate.of(2026, 11, 23));
        runInTransaction(emf, em -> em.persist(d));
        return d.getId();
    }

    private Object[] row(String id) {
        EntityManager em = emf.createEntityManager();
        try {
            return (Object[]) em.createNativeQuery("SELECT state, recall_state FROM document WHERE id = ?1")
                    .setParameter(1, id).getSingleResult();
        } finally {
            em.close();
        }
    }
}
