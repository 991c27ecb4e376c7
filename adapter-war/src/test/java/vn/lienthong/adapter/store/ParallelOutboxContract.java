package vn.lienthong.adapter.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static vn.lienthong.adapter.store.TestTransactions.inTransaction;

import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import javax.sql.DataSource;

import jakarta.persistence.EntityManagerFactory;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import vn.lienthong.adapter.delivery.control.DirectLedger;
import vn.lienthong.adapter.delivery.control.OutboxClaims;
import vn.lienthong.adapter.delivery.control.OutboxProcessor.Outcome;
import vn.lienthong.adapter.delivery.control.ParallelOutbox;
import vn.lienthong.adapter.delivery.control.SendSlots;
import vn.lienthong.adapter.delivery.control.SharedAxisBreaker;
import vn.lienthong.adapter.platform.time.VietnamTime;
import vn.lienthong.adapter.tracking.entity.Document;
import vn.lienthong.adapter.tracking.entity.DocumentState;
import vn.lienthong.adapter.tracking.entity.Recipient;

/**
 * Batch claims and parallel sends on each real database, two nodes simulated by two EntityManagerFactories with
 * separate EclipseLink sessions: one commit per batch, urgent first, each document to exactly one node, the
 * per-endpoint bound of sends under way, leases renewed before a send and released when a send never starts.
 */
abstract class ParallelOutboxContract {

    private static final Duration LONG_LEASE = Duration.ofMinutes(5);
    private static final String AXIS = "http://axis.test/";

    private EntityManagerFactory nodeA;
    private EntityManagerFactory nodeB;

    protected abstract DataSource dataSource();

    @BeforeEach
    void migrateAndOpen() {
        TestStores.freshSchema(dataSource());
        nodeA = node("node-a");
        nodeB = node("node-b");
        for (EntityManagerFactory emf : List.of(nodeA, nodeB)) {
            inTransaction(emf, em -> new OutboxClaims(em).databaseNow());
        }
    }

    private EntityManagerFactory node(String name) {
        return TestStores.persistenceUnit(dataSource(),
                Map.of("eclipselink.session-name", getClass().getSimpleName() + "-" + name));
    }

    @AfterEach
    void close() {
        nodeA.close();
        nodeB.close();
    }

    @Test
    void aBatchTakesTheMostUrgentDueDocumentsFirst() {
        OffsetDateTime now = VietnamTime.now();
        inTransaction(nodeA, em -> {
            for (int i = 0; i < 6; i++) {
                em.persist(newDocument("normal-" + i, 0, now.minusMinutes(30 - i)));
            }
            em.persist(newDocument("urgent-1", 1, now.minusMinutes(2)));
            em.persist(newDocument("urgent-4", 4, now.minusMinutes(1)));
            em.persist(newDocument("urgent-3", 3, now.minusMinutes(3)));
            Document later = newDocument("urgent-later", 4, now.minusMinutes(5));
            later.failedAttempt("boom", now.plusHours(1), now);
            em.persist(later);
            return null;
        });
        List<String> first = documentIds(nodeA, ids(
                inTransaction(nodeA, em -> new OutboxClaims(em).claimBatch("node-a", LONG_LEASE, 5, null))));
        assertEquals(List.of("urgent-4", "urgent-3", "urgent-1", "normal-0", "normal-1"), first);
        List<String> rest = documentIds(nodeB, ids(
                inTransaction(nodeB, em -> new OutboxClaims(em).claimBatch("node-b", LONG_LEASE, 5, null))));
        assertEquals(List.of("normal-2", "normal-3", "normal-4", "normal-5"), rest, "the other node gets the rest");
    }

    /** Node A claims through JPA (the store tests' way), node B through {@link DirectLedger}'s JDBC: one SQL. */
    @Test
    void twoNodesClaimingBatchesConcurrentlyNeverShareADocument() throws Exception {
        int documents = 300;
        seed(documents, 0);
        Map<String, Integer> claims = new ConcurrentHashMap<>();
        Map<String, AtomicInteger> perNode = Map.of("node-a", new AtomicInteger(), "node-b", new AtomicInteger());
        ExecutorService pool = Executors.newFixedThreadPool(4);
        CountDownLatch start = new CountDownLatch(1);
        try {
            List<Future<?>> workers = new ArrayList<>();
            for (int t = 0; t < 4; t++) {
                String node = t % 2 == 0 ? "node-a" : "node-b";
                EntityManagerFactory emf = t % 2 == 0 ? nodeA : nodeB;
                workers.add(pool.submit(() -> {
                    start.await();
                    for (int round = 0; round < documents; round++) {
                        List<String> batch = ids(emf == nodeA
                                ? inTransaction(emf, em -> new OutboxClaims(em).claimBatch(node, LONG_LEASE, 8, null))
                                : new DirectLedger(dataSource()).claimBatch(node, LONG_LEASE, 8, null));
                        if (batch.isEmpty()) {
                            break;
                        }
                        batch.forEach(id -> claims.merge(id, 1, Integer::sum));
                        perNode.get(node).addAndGet(batch.size());
                    }
                    return null;
                }));
            }
            start.countDown();
            for (Future<?> w : workers) {
                w.get(120, TimeUnit.SECONDS);
            }
        } finally {
            pool.shutdownNow();
        }
        assertEquals(documents, claims.size(), "every document claimed");
        claims.forEach((id, n) -> assertEquals(1, n, "document " + id + " claimed " + n + " times"));
        assertEquals(documents, perNode.get("node-a").get() + perNode.get("node-b").get());
    }

    @Test
    void aRenewedLeaseOutlivesTheFirstAndAReleasedDocumentIsClaimableAtOnce() throws Exception {
        seed(2, 0);
        Duration shortLease = Duration.ofMillis(1_500);
        List<String> claimed = ids(inTransaction(nodeA,
                em -> new OutboxClaims(em).claimBatch("node-a", shortLease, 2, null)));
        assertEquals(2, claimed.size());
        boolean renewed = inTransaction(nodeA, em -> new OutboxClaims(em).renew(claimed.get(0), "node-a", LONG_LEASE));
        assertTrue(renewed);
        assertEquals(0, (int) inTransaction(nodeB, em -> new OutboxClaims(em).release(claimed, "node-b")),
                "a node gives back only its own leases");
        TimeUnit.MILLISECONDS.sleep(2_000); // the first lease (1.5 s) has run out; the renewed one has not
        assertEquals(List.of(claimed.get(1)),
                ids(inTransaction(nodeB, em -> new OutboxClaims(em).claimBatch("node-b", LONG_LEASE, 2, null))),
                "only the document whose lease was not renewed is taken over");
        boolean renewedAfterTakeover = inTransaction(nodeA,
                em -> new OutboxClaims(em).renew(claimed.get(1), "node-a", LONG_LEASE));
        assertTrue(!renewedAfterTakeover, "an expired lease taken by another node is not renewed");
        assertEquals(1, (int) inTransaction(nodeA, em -> new OutboxClaims(em).release(claimed, "node-a")));
        assertEquals(List.of(claimed.get(0)),
                ids(inTransaction(nodeB, em -> new OutboxClaims(em).claimBatch("node-b", LONG_LEASE, 2, null))),
                "a released document is claimable at once");
    }

    /**
     * The outbox's JDBC steps ({@link DirectLedger}) on each real database: the document read in one statement, the
     * send mark only under the node's own lease, "sent" recorded as the container records it (state, axis id, lease
     * and mark cleared, one attempt in the history) and declined, with nothing written, whenever the container's
     * rules are needed (another node's lease, the breaker not closed); released leases are claimable at once.
     */
    @Test
    void theDirectLedgerRecordsTheUsualSendAndLeavesEveryOtherCaseToTheContainer() {
        DirectLedger direct = new DirectLedger(dataSource());
        OffsetDateTime past = VietnamTime.now().minusMinutes(1);
        List<String> ids = inTransaction(nodeA, em -> {
            List<String> made = new ArrayList<>();
            for (int i = 0; i < 2; i++) {
                Document d = newDocument("direct-" + i, 0, past.plusSeconds(i));
                d.addRecipient(new Recipient("000.00.00.H41", "Counterpart"));
                d.addRecipient(new Recipient("000.00.00.A01", "First"));
                em.persist(d);
                made.add(d.getId());
            }
            return made;
        });
        assertEquals(ids, ids(direct.claimBatch("node-a", LONG_LEASE, 2, null)));
        String id = ids.get(0);

        DirectLedger.Outgoing read = direct.read(id).orElseThrow();
        assertEquals("direct-0", read.documentId());
        assertEquals(List.of("000.00.00.A01", "000.00.00.H41"), read.recipients());
        assertTrue(read.queued() && !read.inDoubt() && !read.status());
        assertTrue(direct.read("no-such-document").isEmpty());

        assertFalse(direct.startSend(id, "node-b", LONG_LEASE, VietnamTime.now()), "not node B's lease");
        assertFalse(direct.read(id).orElseThrow().inDoubt());
        assertTrue(direct.startSend(id, "node-a", LONG_LEASE, VietnamTime.now()));
        assertTrue(direct.read(id).orElseThrow().inDoubt(), "the send mark is committed before the call");

        assertFalse(direct.sent(id, "node-b", AXIS, "axis-b", "by node-b", VietnamTime.now()));
        assertEquals(DocumentState.QUEUED, inTransaction(nodeA, em -> em.find(Document.class, id).getState()));
        assertTrue(direct.sent(id, "node-a", AXIS, "axis-a", "axis DocId axis-a by node-a", VietnamTime.now()));
        inTransaction(nodeB, em -> {
            Document d = em.find(Document.class, id);
            assertEquals(DocumentState.SENT, d.getState());
            assertEquals("axis-a", d.getAxisDocId());
            assertEquals(1, d.getAttempts());
            assertNull(d.getLeaseOwner());
            assertNull(d.getSendStartedAt());
            assertEquals(List.of("SENT|axis DocId axis-a by node-a"), em.createNativeQuery(
                    "SELECT outcome || '|' || detail FROM transport_attempt WHERE document_ref = ?1")
                    .setParameter(1, id).getResultList());
            return null;
        });
        assertFalse(direct.read(id).orElseThrow().queued());

        String other = ids.get(1);
        assertTrue(direct.breakerClosed(AXIS), "no breaker row is a closed breaker");
        inTransaction(nodeA, em -> em.createNativeQuery("INSERT INTO axis_breaker (endpoint, state, failed_probes,"
                + " alerted, updated_at) VALUES (?1, 'HALF_OPEN', 0, FALSE, ?2)").setParameter(1, AXIS)
                .setParameter(2, VietnamTime.now()).executeUpdate());
        assertFalse(direct.breakerClosed(AXIS));
        assertTrue(direct.startSend(other, "node-a", LONG_LEASE, VietnamTime.now()));
        assertFalse(direct.sent(other, "node-a", AXIS, "axis-other", "by node-a", VietnamTime.now()),
                "closing the breaker is the container's");
        assertEquals(DocumentState.QUEUED, inTransaction(nodeA, em -> em.find(Document.class, other).getState()));
        long attempts = inTransaction(nodeA, em -> ((Number) em.createNativeQuery(
                "SELECT COUNT(*) FROM transport_attempt WHERE document_ref = ?1").setParameter(1, other)
                .getSingleResult()).longValue());
        assertEquals(0, attempts);

        assertEquals(0, direct.release(List.of(other), "node-b"), "a node gives back only its own leases");
        assertEquals(1, direct.release(List.of(other), "node-a"));
        assertEquals(List.of(other), ids(direct.claimBatch("node-b", LONG_LEASE, 2, null)));
        assertTrue(direct.read(other).orElseThrow().inDoubt(), "a release keeps an earlier send's mark");
    }

    /**
     * Two nodes, each with its own bound of parallel sends to the one axis endpoint: every document is sent exactly
     * once, no node ever has more sends under way than its bound, and (on node A, which starts alone) no normal
     * document's send starts before every urgent one has been claimed.
     */
    @Test
    void parallelSendsOfTwoNodesRespectTheBoundSendUrgentFirstAndEachDocumentOnce() throws Exception {
        int urgent = 12;
        int normal = 60;
        int bound = 4;
        seed(normal, 0);
        Set<String> urgentIds = seed(urgent, 4); // created after the normal ones: only the priority puts them first
        Map<String, Integer> sent = new ConcurrentHashMap<>();
        Set<String> claimedByA = ConcurrentHashMap.newKeySet();
        List<String> orderViolations = new ArrayList<>();
        NodeUnderTest a = new NodeUnderTest("node-a", nodeA, bound, sent, id -> {
            if (!urgentIds.contains(id) && !claimedByA.containsAll(urgentIds)) {
                synchronized (orderViolations) {
                    orderViolations.add(id);
                }
            }
        }, claimedByA);
        NodeUnderTest b = new NodeUnderTest("node-b", nodeB, bound, sent, id -> { },
                ConcurrentHashMap.newKeySet());
        try {
            Future<?> roundA = a.rounds.submit(() -> {
                a.outbox.round();
                return null;
            });
            // Node B joins once A has claimed the urgent documents, so the order seen on A is one claim order.
            for (int i = 0; i < 600 && !claimedByA.containsAll(urgentIds); i++) {
                TimeUnit.MILLISECONDS.sleep(50);
            }
            Future<?> roundB = b.rounds.submit(() -> {
                b.outbox.round();
                return null;
            });
            roundA.get(120, TimeUnit.SECONDS);
            roundB.get(120, TimeUnit.SECONDS);
            a.senders.shutdown();
            b.senders.shutdown();
            assertTrue(a.senders.awaitTermination(60, TimeUnit.SECONDS)
                    && b.senders.awaitTermination(60, TimeUnit.SECONDS));
        } finally {
            a.close();
            b.close();
        }
        assertEquals(urgent + normal, sent.size(), "every document sent");
        sent.forEach((id, n) -> assertEquals(1, n, "document " + id + " sent " + n + " times"));
        assertTrue(a.maxInFlight.get() <= bound && b.maxInFlight.get() <= bound,
                "at most " + bound + " sends under way per node: " + a.maxInFlight + ", " + b.maxInFlight);
        assertTrue(a.maxInFlight.get() > 1, "node A sent in parallel: " + a.maxInFlight);
        assertEquals(List.of(), orderViolations, "normal documents whose send started before all urgent ones were claimed");
        long queued = inTransaction(nodeA, em -> ((Number) em.createNativeQuery(
                "SELECT COUNT(*) FROM document WHERE state = 'QUEUED'").getSingleResult()).longValue());
        assertEquals(0, queued);
    }

    /** One node: the real claims on its own session, a send that records itself and marks the document SENT. */
    private final class NodeUnderTest {
        final ExecutorService senders;
        final ExecutorService rounds = Executors.newSingleThreadExecutor();
        final ParallelOutbox outbox;
        final AtomicInteger inFlight = new AtomicInteger();
        final AtomicInteger maxInFlight = new AtomicInteger();

        NodeUnderTest(String node, EntityManagerFactory emf, int bound, Map<String, Integer> sent,
                java.util.function.Consumer<String> onStart, Set<String> claimed) {
            senders = Executors.newFixedThreadPool(bound);
            outbox = new ParallelOutbox(new ParallelOutbox.Outbox() {
                @Override
                public SharedAxisBreaker.Decision gate() {
                    return new SharedAxisBreaker.Decision(SharedAxisBreaker.Gate.SEND, null, false);
                }

                @Override
                public boolean probe() {
                    return true;
                }

                @Override
                public List<OutboxClaims.Claimed> claim(int max, String avoid) {
                    List<OutboxClaims.Claimed> batch = inTransaction(emf,
                            em -> new OutboxClaims(em).claimBatch(node, LONG_LEASE, max, avoid));
                    claimed.addAll(ids(batch));
                    return batch;
                }

                @Override
                public void release(List<String> ids) {
                    inTransaction(emf, em -> new OutboxClaims(em).release(ids, node));
                }

                @Override
                public Outcome send(String id) {
                    maxInFlight.accumulateAndGet(inFlight.incrementAndGet(), Math::max);
                    try {
                        onStart.accept(id);
                        if (!inTransaction(emf, em -> new OutboxClaims(em).renew(id, node, LONG_LEASE))) {
                            return Outcome.SKIPPED;
                        }
                        TimeUnit.MILLISECONDS.sleep(20); // an axis call takes a while: the sends overlap
                        sent.merge(id, 1, Integer::sum);
                        inTransaction(emf, em -> {
                            em.find(Document.class, id).sent("axis-" + id, VietnamTime.now());
                            return null;
                        });
                        return Outcome.SENT;
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                        return Outcome.SKIPPED;
                    } finally {
                        inFlight.decrementAndGet();
                    }
                }
            }, senders, new SendSlots(bound), AXIS, Duration.ofMillis(100));
        }

        void close() {
            senders.shutdownNow();
            rounds.shutdownNow();
        }
    }

    // -------------------------------------------------------------------------------------------- helpers

    private Set<String> seed(int count, int priority) {
        OffsetDateTime past = VietnamTime.now().minusMinutes(1);
        return inTransaction(nodeA, em -> {
            Set<String> ids = new java.util.HashSet<>();
            for (int i = 0; i < count; i++) {
                Document d = newDocument("p" + priority + "-" + i, priority, past);
                em.persist(d);
                ids.add(d.getId());
            }
            return ids;
        });
    }

    private static List<String> ids(List<OutboxClaims.Claimed> claimed) {
        return claimed.stream().map(OutboxClaims.Claimed::id).toList();
    }

    private List<String> documentIds(EntityManagerFactory emf, List<String> ids) {
        return inTransaction(emf, em -> ids.stream().map(id -> em.find(Document.class, id).getDocumentId()).toList());
    }

    private static Document newDocument(String documentId, int priority, OffsetDateTime at) {
        Document d = Document.outgoing(documentId, "000.00.00.G22", at);
        d.describe("12", "UBND-VP", "Trích yếu " + documentId, priority, 0, LocalDate.of(2026, 11, 23));
        return d;
    }
}
