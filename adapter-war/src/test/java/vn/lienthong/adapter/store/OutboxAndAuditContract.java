package vn.lienthong.adapter.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static vn.lienthong.adapter.store.TestTransactions.inTransaction;

import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import javax.sql.DataSource;

import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityManagerFactory;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import vn.lienthong.adapter.audit.control.AuditChain;
import vn.lienthong.adapter.audit.control.AuditChainVerifier;
import vn.lienthong.adapter.audit.control.ChainKey;
import vn.lienthong.adapter.audit.entity.AuditEntry;
import vn.lienthong.adapter.delivery.control.AxisBreaker;
import vn.lienthong.adapter.delivery.control.BreakerState;
import vn.lienthong.adapter.delivery.control.BreakerTable;
import vn.lienthong.adapter.delivery.control.OutboxClaims;
import vn.lienthong.adapter.platform.time.VietnamTime;
import vn.lienthong.adapter.tracking.entity.Document;
import vn.lienthong.adapter.tracking.entity.DocumentState;

/**
 * Several nodes on one database, simulated by two EntityManagerFactories with separate EclipseLink sessions (as
 * two servers would have): outbox leases and the audit chain, on each real database.
 */
abstract class OutboxAndAuditContract {

    private static final Duration LONG_LEASE = Duration.ofMinutes(5);
    /** The audit key, as generated into the key store folder (here: fresh random bytes per test class). */
    private static final ChainKey KEY = ChainKey.of(randomBytes());

    private EntityManagerFactory nodeA;
    private EntityManagerFactory nodeB;

    protected abstract DataSource dataSource();

    @BeforeEach
    void migrateAndOpen() {
        TestStores.freshSchema(dataSource());
        nodeA = node("node-a");
        nodeB = node("node-b");
        // Log both sessions in now: a lazy first login takes longer than the short leases below.
        for (EntityManagerFactory emf : List.of(nodeA, nodeB)) {
            inTransaction(emf, em -> new OutboxClaims(em).databaseNow());
        }
    }

    private EntityManagerFactory node(String name) {
        // Without its own session name EclipseLink would give both factories one shared session.
        return TestStores.persistenceUnit(dataSource(),
                Map.of("eclipselink.session-name", getClass().getSimpleName() + "-" + name));
    }

    @AfterEach
    void close() {
        nodeA.close();
        nodeB.close();
    }

    // ---------------------------------------------------------------------------------------------- leases

    @Test
    void twoNodesClaimingConcurrentlyNeverClaimTheSameDocumentTwice() throws Exception {
        int documents = 300;
        OffsetDateTime past = VietnamTime.now().minusMinutes(1);
        inTransaction(nodeA, em -> {
            for (int i = 0; i < documents; i++) {
                em.persist(newDocument("lease-" + i, i % 5, past));
            }
            return null;
        });
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
                    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
                    for (int round = 0; round < documents && System.nanoTime() < deadline; round++) {
                        Optional<String> id = inTransaction(emf,
                                em -> new OutboxClaims(em).claimNext(node, LONG_LEASE));
                        if (id.isEmpty()) {
                            break;
                        }
                        claims.merge(id.get(), 1, Integer::sum);
                        perNode.get(node).incrementAndGet();
                    }
                    return null;
                }));
            }
            start.countDown();
            for (Future<?> w : workers) {
                w.get(90, TimeUnit.SECONDS);
            }
        } finally {
            pool.shutdownNow();
        }
        assertEquals(documents, claims.size(), "every document claimed");
        claims.forEach((id, n) -> assertEquals(1, n, "document " + id + " claimed " + n + " times"));
        assertTrue(perNode.get("node-a").get() > 0 && perNode.get("node-b").get() > 0, "both nodes got work " + perNode);
        long leased = inTransaction(nodeA, em -> ((Number) em.createNativeQuery(
                "SELECT COUNT(*) FROM document WHERE lease_owner IS NOT NULL").getSingleResult()).longValue());
        assertEquals(documents, leased);
    }

    @Test
    void anExpiredLeaseIsTakenOverByTheOtherNode() throws Exception {
        OffsetDateTime past = VietnamTime.now().minusMinutes(1);
        String id = inTransaction(nodeA, em -> {
            Document d = newDocument("takeover", 0, past);
            em.persist(d);
            return d.getId();
        });
        Duration shortLease = Duration.ofMillis(1_500);
        long started = System.nanoTime();
        assertEquals(Optional.of(id), inTransaction(nodeA, em -> new OutboxClaims(em).claimNext("node-a", shortLease)));
        assertEquals(Optional.empty(), inTransaction(nodeB, em -> new OutboxClaims(em).claimNext("node-b", shortLease)),
                "a live lease is respected");

        Optional<String> takenOver = Optional.empty();
        for (int i = 0; i < 100 && takenOver.isEmpty(); i++) { // bounded: 100 × 50 ms
            TimeUnit.MILLISECONDS.sleep(50);
            takenOver = inTransaction(nodeB, em -> new OutboxClaims(em).claimNext("node-b", LONG_LEASE));
        }
        long tookMs = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started);
        assertEquals(Optional.of(id), takenOver, "node B takes the document once A's lease expired");
        assertTrue(tookMs >= 1_400, "not before the lease expired: " + tookMs + " ms");
        boolean aHolds = inTransaction(nodeA, em -> new OutboxClaims(em).holds(id, "node-a"));
        boolean bHolds = inTransaction(nodeB, em -> new OutboxClaims(em).holds(id, "node-b"));
        assertFalse(aHolds);
        assertTrue(bHolds);
    }

    @Test
    void urgentDocumentsAreClaimedFirstAndSentOnesNever() {
        OffsetDateTime now = VietnamTime.now();
        inTransaction(nodeA, em -> {
            em.persist(newDocument("A", 0, now.minusMinutes(3)));
            em.persist(newDocument("B", 3, now.minusMinutes(1)));
            em.persist(newDocument("C", 1, now.minusMinutes(2)));
            Document sent = newDocument("D", 4, now.minusMinutes(5));
            sent.sent("axis-1", now);
            em.persist(sent);
            Document later = newDocument("E", 4, now.minusMinutes(5));
            later.failedAttempt("boom", now.plusHours(1), now);
            em.persist(later);
            return null;
        });
        List<String> order = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            inTransaction(nodeA, em -> new OutboxClaims(em).claimNext("node-a", LONG_LEASE))
                    .ifPresent(id -> order.add(inTransaction(nodeA, em -> em.find(Document.class, id).getDocumentId())));
        }
        assertEquals(List.of("B", "C", "A"), order);
    }

    @Test
    void aDeadDocumentReQueuedByAnOperatorIsClaimableAgainWithAFreshAge() {
        OffsetDateTime old = VietnamTime.now().minusDays(3);
        String id = inTransaction(nodeA, em -> {
            Document d = newDocument("dead", 0, old);
            d.dead("refused", old.plusHours(1));
            em.persist(d);
            return d.getId();
        });
        assertEquals(Optional.empty(), inTransaction(nodeA, em -> new OutboxClaims(em).claimNext("node-a", LONG_LEASE)));
        inTransaction(nodeA, em -> {
            em.find(Document.class, id).requeue(VietnamTime.now());
            return null;
        });
        Document back = inTransaction(nodeB, em -> em.find(Document.class, id));
        assertEquals(DocumentState.QUEUED, back.getState());
        assertTrue(back.getQueuedAt().isAfter(old.plusDays(2)), "maximum age counts from the re-queue");
        assertEquals(Optional.of(id), inTransaction(nodeB, em -> new OutboxClaims(em).claimNext("node-b", LONG_LEASE)));
    }

    // ------------------------------------------------------------------------------------ axis breaker

    @Test
    void theBreakerIsSharedAndOnlyOneNodeTakesADueProbe() {
        AxisBreaker breaker = new AxisBreaker(Duration.ofSeconds(2), Duration.ofSeconds(30), Duration.ofMinutes(10),
                () -> 0.5);
        String endpoint = "http://axis.example/";
        assertEquals(BreakerState.CLOSED, inTransaction(nodeB, em -> new BreakerTable(em, endpoint).read()),
                "no row: closed");
        inTransaction(nodeA, em -> {
            BreakerTable t = new BreakerTable(em, endpoint);
            OffsetDateTime now = new OutboxClaims(em).databaseNow();
            // Opened a minute ago: the first probe is due.
            t.write(breaker.axisFailed(t.lock(now), now.minusMinutes(1), "connection refused", "doc-1"), now);
            return null;
        });
        BreakerState seenByB = inTransaction(nodeB, em -> new BreakerTable(em, endpoint).read());
        assertEquals(BreakerState.Phase.OPEN, seenByB.phase());
        assertEquals("connection refused", seenByB.lastError());
        assertEquals("doc-1", seenByB.suspect());
        assertFalse(seenByB.sendingAllowed());
        Boolean bProbes = inTransaction(nodeB, em -> {
            BreakerTable t = new BreakerTable(em, endpoint);
            OffsetDateTime now = new OutboxClaims(em).databaseNow();
            BreakerState s = t.lock(now);
            if (!s.probeDue(now)) {
                return false;
            }
            t.write(breaker.probeTaken(s, now), now);
            return true;
        });
        assertTrue(bProbes);
        Boolean aProbesToo = inTransaction(nodeA, em -> new BreakerTable(em, endpoint).read()
                .probeDue(new OutboxClaims(em).databaseNow()));
        assertFalse(aProbesToo, "node A does not probe as well");
        // The other endpoint's breaker is a different one.
        assertEquals(BreakerState.CLOSED, inTransaction(nodeA, em -> new BreakerTable(em, "http://other/").read()));
    }

    @Test
    void closingTheBreakerMakesAxisDeferredDocumentsDueUrgentFirstAndKeepsADocumentsOwnBackoff() {
        OffsetDateTime now = VietnamTime.now();
        OffsetDateTime later = now.plusHours(1);
        inTransaction(nodeA, em -> {
            Document normal = newDocument("normal", 0, now.minusMinutes(10));
            normal.axisUnavailable("axis unavailable: down", later, now);
            em.persist(normal);
            Document urgent = newDocument("urgent", 3, now.minusMinutes(1));
            urgent.axisUnavailable("axis unavailable: down", later, now);
            em.persist(urgent);
            Document own = newDocument("own-backoff", 4, now.minusMinutes(20));
            own.failedAttempt("package file unreadable", later, now);
            em.persist(own);
            return null;
        });
        assertEquals(Optional.empty(), inTransaction(nodeA, em -> new OutboxClaims(em).claimNext("node-a", LONG_LEASE)));
        assertEquals(2, (int) inTransaction(nodeB, em -> new BreakerTable(em, "http://axis.example/")
                .releaseDeferred(new OutboxClaims(em).databaseNow())));
        List<String> order = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            inTransaction(nodeA, em -> new OutboxClaims(em).claimNext("node-a", LONG_LEASE))
                    .ifPresent(id -> order.add(inTransaction(nodeA, em -> em.find(Document.class, id).getDocumentId())));
        }
        assertEquals(List.of("urgent", "normal"), order);
    }

    @Test
    void aClaimPassesOverTheAvoidedDocumentOnlyWhileAnotherIsDue() {
        OffsetDateTime now = VietnamTime.now();
        List<String> ids = inTransaction(nodeA, em -> {
            Document urgent = newDocument("urgent", 3, now.minusMinutes(1));
            Document normal = newDocument("normal", 0, now.minusMinutes(2));
            em.persist(urgent);
            em.persist(normal);
            return List.of(urgent.getId(), normal.getId());
        });
        assertEquals(Optional.of(ids.get(1)),
                inTransaction(nodeA, em -> new OutboxClaims(em).claimNext("node-a", LONG_LEASE, ids.get(0))));
        assertEquals(Optional.of(ids.get(0)),
                inTransaction(nodeB, em -> new OutboxClaims(em).claimNext("node-b", LONG_LEASE, ids.get(0))),
                "nothing else due: the avoided one is taken");
    }

    @Test
    void theSameSubmissionStoredConcurrentlyByTwoNodesYieldsOneDocument() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            for (int round = 0; round < 20; round++) {
                String documentId = "000.00.00.G22,2026/11/23," + round + "/VP";
                CountDownLatch start = new CountDownLatch(1);
                List<Future<Boolean>> results = new ArrayList<>();
                for (EntityManagerFactory emf : List.of(nodeA, nodeB)) {
                    results.add(pool.submit(() -> {
                        start.await();
                        try {
                            inTransaction(emf, em -> {
                                em.persist(newDocument(documentId, 0, VietnamTime.now()));
                                return null;
                            });
                            return true;
                        } catch (RuntimeException e) {
                            return false; // unique index: the second insert fails, the caller answers from the first
                        }
                    }));
                }
                start.countDown();
                int stored = 0;
                for (Future<Boolean> r : results) {
                    stored += r.get(30, TimeUnit.SECONDS) ? 1 : 0;
                }
                assertEquals(1, stored, "round " + round);
                long rows = inTransaction(nodeA, em -> em.createQuery(
                                "SELECT COUNT(d) FROM Document d WHERE d.documentId = :id", Long.class)
                        .setParameter("id", documentId).getSingleResult());
                assertEquals(1, rows);
            }
        } finally {
            pool.shutdownNow();
        }
    }

    // ----------------------------------------------------------------------------------------- audit chain

    @Test
    void concurrentAppendsFromTwoNodesFormOneIntactChain() throws Exception {
        appendConcurrently(60);
        AuditChainVerifier.Report report = verify();
        assertTrue(report.intact(), report.problems().toString());
        assertEquals(60, report.checked());
        assertEquals(60, report.headSeq());
    }

    @Test
    void theVerifierDetectsAChangedRow() throws Exception {
        appendConcurrently(12);
        jdbc("UPDATE audit_entry SET detail = 'harmless edit' WHERE chain_seq = 5");
        AuditChainVerifier.Report report = verify();
        assertFalse(report.intact());
        assertTrue(report.problems().stream().anyMatch(p -> p.startsWith("entry 5 ") && p.endsWith("content changed")),
                report.problems().toString());
    }

    @Test
    void theVerifierDetectsADeletedRowInTheMiddleAndAtTheEnd() throws Exception {
        appendConcurrently(12);
        jdbc("DELETE FROM audit_entry WHERE chain_seq = 7");
        AuditChainVerifier.Report middle = verify();
        assertTrue(middle.problems().contains("entries 7 missing (deleted)"), middle.problems().toString());
        assertTrue(middle.problems().contains("entry 8: previous hash does not match entry 7"));

        jdbc("DELETE FROM audit_entry WHERE chain_seq = 12");
        AuditChainVerifier.Report end = verify();
        assertTrue(end.problems().stream().anyMatch(p -> p.contains("newest entries deleted")), end.problems().toString());
    }

    @Test
    void theVerifierDetectsARowWrittenAroundTheAuditLog() throws Exception {
        appendConcurrently(3);
        jdbc("INSERT INTO audit_entry (id, occurred_at, actor, action, outcome) VALUES"
                + " ('forged', CURRENT_TIMESTAMP, 'mallory', 'SUBMIT', 'ACCEPTED')");
        AuditChainVerifier.Report report = verify();
        assertTrue(report.problems().stream().anyMatch(p -> p.contains("outside the audit log")),
                report.problems().toString());
    }

    @Test
    void rewritingARowAndRecomputingThePlainSha256ChainIsDetected() throws Exception {
        appendConcurrently(8);
        // What a database administrator without the key can do: change entry 5, recompute every later chain value
        // with the published plain SHA-256 construction and move the head along.
        jdbc("UPDATE audit_entry SET detail = 'rewritten' WHERE chain_seq = 5");
        rechainPlain(5, false);
        AuditChainVerifier.Report keyIdKept = verify();
        assertFalse(keyIdKept.intact());
        for (int seq = 5; seq <= 8; seq++) {
            String prefix = "entry " + seq + " ";
            assertTrue(keyIdKept.problems().stream().anyMatch(p -> p.startsWith(prefix) && p.endsWith("content changed")),
                    keyIdKept.problems().toString());
        }
        assertTrue(keyIdKept.problems().stream().anyMatch(p -> p.startsWith("the head's MAC does not verify")),
                keyIdKept.problems().toString());

        // Also posing as entries from before keying (key id removed) and dropping the head's MAC: still detected.
        rechainPlain(5, true);
        jdbc("UPDATE audit_chain_head SET head_mac = NULL, keyed_from_seq = NULL");
        AuditChainVerifier.Report unkeyed = verify();
        assertFalse(unkeyed.intact());
        assertTrue(unkeyed.problems().contains("the head carries no MAC: the chain was rewritten without the audit key"),
                unkeyed.problems().toString());
        for (int seq = 5; seq <= 8; seq++) {
            String prefix = "entry " + seq + " ";
            assertTrue(unkeyed.problems().stream().anyMatch(p -> p.startsWith(prefix)
                    && p.endsWith("(re-chained without the key)")), unkeyed.problems().toString());
        }
    }

    @Test
    void removingTheNewestEntriesAndMovingTheHeadBackIsDetected() throws Exception {
        appendConcurrently(6);
        jdbc("DELETE FROM audit_entry WHERE chain_seq = 6");
        jdbc("UPDATE audit_chain_head SET last_seq = 5, last_hash = (SELECT entry_hash FROM audit_entry WHERE chain_seq = 5)");
        AuditChainVerifier.Report report = verify();
        assertEquals(List.of("the head's MAC does not verify: position, newest value or keyed start changed"),
                report.problems());
    }

    @Test
    void entriesFromBeforeKeyingVerifyAsBeforeAndAreAnchoredByTheFirstKeyedOne() throws Exception {
        // Three entries chained by the pre-V8 code: plain SHA-256, no key id, head without MAC.
        String previous = AuditChain.GENESIS;
        for (int seq = 1; seq <= 3; seq++) {
            AuditEntry legacy = new AuditEntry(VietnamTime.now().truncatedTo(ChronoUnit.MILLIS), "clerk", "SUBMIT",
                    "000.00.00.G22", "ACCEPTED", null, "trước khi có khoá " + seq);
            String hash = AuditChain.legacyHash(seq, previous, legacy);
            insertLegacy(legacy, seq, previous, hash);
            previous = hash;
        }
        jdbc("UPDATE audit_chain_head SET last_seq = 3, last_hash = '" + previous + "'");
        appendConcurrently(3);
        AuditChainVerifier.Report report = verify();
        assertTrue(report.intact(), report.problems().toString());
        assertEquals(3, report.unkeyedLegacy());
        assertEquals(4L, report.keyedFromSeq());
        assertEquals(6, report.checked());

        // Rewriting an old entry and recomputing the old plain chain breaks the link into the keyed part.
        jdbc("UPDATE audit_entry SET detail = 'rewritten' WHERE chain_seq = 2");
        rechainPlainUpTo(2, 3);
        AuditChainVerifier.Report rewritten = verify();
        assertEquals(List.of("entry 4: previous hash does not match entry 3"), rewritten.problems());
    }

    @Test
    void entriesKeyedWithAnotherNodesKeyAreReported() throws Exception {
        appendConcurrently(2);
        AuditChainVerifier.Report report = verify(ChainKey.of(randomBytes()));
        assertTrue(report.problems().stream().anyMatch(p -> p.startsWith("entry 1 ")
                && p.contains("keyed with another audit key (id " + KEY.id())), report.problems().toString());
    }

    // ------------------------------------------------------------- pending entries and the chainer (issue 11)

    @Test
    void writersOnTwoNodesNeverWaitForTheChainAndTheChainersLinkEveryEntryWithoutAGap() throws Exception {
        int entries = 200;
        AtomicBoolean writing = new AtomicBoolean(true);
        ExecutorService chainers = Executors.newFixedThreadPool(2);
        List<Future<Integer>> linked = new ArrayList<>();
        try {
            // One chainer per node, linking concurrently with the writers and with each other.
            for (EntityManagerFactory emf : List.of(nodeA, nodeB)) {
                linked.add(chainers.submit(() -> {
                    int total = 0;
                    while (writing.get()) {
                        int n = inTransaction(emf, em -> AuditChain.linkPending(em, KEY, 7)).chained();
                        total += n;
                        if (n == 0) {
                            Thread.sleep(5);
                        }
                    }
                    return total;
                }));
            }
            stageConcurrently(entries, 8);
        } finally {
            writing.set(false);
        }
        int total = 0;
        for (Future<Integer> f : linked) {
            total += f.get(60, TimeUnit.SECONDS);
        }
        chainers.shutdownNow();
        total += linkAll(nodeA);
        assertEquals(entries, total, "every entry linked exactly once");
        AuditChainVerifier.Report report = verify();
        assertTrue(report.intact(), report.problems().toString());
        assertEquals(entries, report.checked());
        assertEquals(entries, report.headSeq());
        assertEquals(0, report.pending());
        assertEquals(0, jdbcCount("SELECT COUNT(*) FROM audit_entry WHERE chain_seq IS NULL"));
        assertEquals(entries, jdbcCount("SELECT COUNT(DISTINCT chain_seq) FROM audit_entry"));
        assertEquals(0, jdbcCount("SELECT COUNT(*) FROM audit_entry WHERE pending_mac IS NOT NULL"),
                "the pending mark is cleared when an entry is linked");
    }

    @Test
    void entriesLeftPendingByAKilledProcessVerifyAsPendingAndAreLinkedLater() throws Exception {
        appendConcurrently(3);
        stageConcurrently(5, 2); // written, then the process died before its chainer ran
        AuditChainVerifier.Report before = verify();
        assertTrue(before.intact(), before.problems().toString());
        assertEquals(5, before.pending());
        assertEquals(3, before.headSeq());

        assertEquals(5, linkAll(nodeB)); // what the next start does
        AuditChainVerifier.Report after = verify();
        assertTrue(after.intact(), after.problems().toString());
        assertEquals(0, after.pending());
        assertEquals(8, after.checked());
    }

    @Test
    void aPendingEntryChangedOrForgedBeforeItIsLinkedIsReportedAndNeverChained() throws Exception {
        stageConcurrently(4, 2);
        // The newest entry: linked last, so once refused it lies after the first chained entry in time.
        String changed = jdbcString("SELECT id FROM audit_entry ORDER BY occurred_at DESC, id DESC LIMIT 1");
        jdbc("UPDATE audit_entry SET outcome = 'ACCEPTED', detail = 'rewritten' WHERE id = '" + changed + "'");
        jdbc("INSERT INTO audit_entry (id, occurred_at, actor, action, outcome, pending_mac) VALUES ('forged',"
                + " CURRENT_TIMESTAMP, 'mallory', 'SUBMIT', 'ACCEPTED', '" + "ab".repeat(32) + "')");
        AuditChainVerifier.Report pending = verify();
        assertFalse(pending.intact());
        assertTrue(pending.problems().stream().anyMatch(p -> p.startsWith("pending entry " + changed + ":")),
                pending.problems().toString());
        assertTrue(pending.problems().stream().anyMatch(p -> p.startsWith("pending entry forged:")),
                pending.problems().toString());

        AuditChain.Linked linked = inTransaction(nodeA, em -> AuditChain.linkPending(em, KEY, 100));
        assertEquals(3, linked.chained());
        assertEquals(java.util.Set.of(changed, "forged"), java.util.Set.copyOf(linked.refused()));
        AuditChainVerifier.Report after = verify();
        assertEquals(3, after.checked());
        assertTrue(after.problems().stream().anyMatch(p -> p.contains("2 entries written outside the audit log")),
                after.problems().toString());
    }

    @Test
    void anEntryPlacedAfterTheHeadIsReported() throws Exception {
        appendConcurrently(3);
        jdbc("UPDATE audit_entry SET chain_seq = 9 WHERE chain_seq = 3");
        AuditChainVerifier.Report report = verify();
        assertTrue(report.problems().stream().anyMatch(p -> p.startsWith("entries after the head (up to 9")),
                report.problems().toString());
    }

    private int linkAll(EntityManagerFactory emf) {
        int total = 0;
        for (int n = -1; n != 0; ) {
            n = inTransaction(emf, em -> AuditChain.linkPending(em, KEY, 50)).chained();
            total += n;
        }
        return total;
    }

    /** Writers as {@code AuditLog.record} writes: each entry in its own transaction, pending, no head lock. */
    private void stageConcurrently(int entries, int threads) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        AtomicInteger next = new AtomicInteger();
        try {
            List<Future<?>> workers = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                EntityManagerFactory emf = t % 2 == 0 ? nodeA : nodeB;
                String actor = "writer-" + t;
                workers.add(pool.submit(() -> {
                    for (int n = next.getAndIncrement(); n < entries; n = next.getAndIncrement()) {
                        int i = n;
                        inTransaction(emf, em -> {
                            AuditChain.stage(em, new AuditEntry(VietnamTime.now().truncatedTo(ChronoUnit.MILLIS),
                                    actor, "SUBMIT", "000.00.00.G22", "REFUSED", "AUTH.PASSWORD", "yêu cầu " + i), KEY);
                            return null;
                        });
                    }
                    return null;
                }));
            }
            for (Future<?> w : workers) {
                w.get(60, TimeUnit.SECONDS);
            }
        } finally {
            pool.shutdownNow();
        }
    }

    private long jdbcCount(String sql) throws Exception {
        try (Connection c = dataSource().getConnection(); Statement st = c.createStatement();
             java.sql.ResultSet rs = st.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private String jdbcString(String sql) throws Exception {
        try (Connection c = dataSource().getConnection(); Statement st = c.createStatement();
             java.sql.ResultSet rs = st.executeQuery(sql)) {
            rs.next();
            return rs.getString(1);
        }
    }

    /** Recomputes entries from..last of the chain with plain SHA-256, optionally removing their key id. */
    private void rechainPlain(int from, boolean dropKeyId) throws Exception {
        long last = inTransaction(nodeA, em -> em.createQuery("SELECT MAX(e.chainSeq) FROM AuditEntry e", Long.class)
                .getSingleResult());
        String newest = rechainPlainUpTo(from, last);
        if (dropKeyId) {
            jdbc("UPDATE audit_entry SET chain_key_id = NULL WHERE chain_seq >= " + from);
        }
        jdbc("UPDATE audit_chain_head SET last_hash = '" + newest + "'");
    }

    private void insertLegacy(AuditEntry e, long seq, String previous, String hash) throws Exception {
        try (Connection c = dataSource().getConnection(); var st = c.prepareStatement("INSERT INTO audit_entry"
                + " (id, occurred_at, actor, action, organ_id, outcome, detail, chain_seq, prev_hash, entry_hash)"
                + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            st.setString(1, e.getId());
            st.setObject(2, e.getOccurredAt());
            st.setString(3, e.getActor());
            st.setString(4, e.getAction());
            st.setString(5, e.getOrganId());
            st.setString(6, e.getOutcome());
            st.setString(7, e.getDetail());
            st.setLong(8, seq);
            st.setString(9, previous);
            st.setString(10, hash);
            st.executeUpdate();
            if (!c.getAutoCommit()) {
                c.commit();
            }
        }
    }

    private String rechainPlainUpTo(long from, long to) throws Exception {
        nodeA.getCache().evictAll();
        String previous = from == 1 ? AuditChain.GENESIS : inTransaction(nodeA, em -> em.createQuery(
                "SELECT e.entryHash FROM AuditEntry e WHERE e.chainSeq = :s", String.class)
                .setParameter("s", from - 1).getSingleResult());
        for (long seq = from; seq <= to; seq++) {
            long s = seq;
            AuditEntry e = inTransaction(nodeA, em -> em.createQuery(
                    "SELECT e FROM AuditEntry e WHERE e.chainSeq = :s", AuditEntry.class)
                    .setParameter("s", s).getSingleResult());
            String hash = AuditChain.legacyHash(seq, previous, e);
            jdbc("UPDATE audit_entry SET prev_hash = '" + previous + "', entry_hash = '" + hash + "' WHERE chain_seq = "
                    + seq);
            previous = hash;
        }
        nodeA.getCache().evictAll();
        nodeB.getCache().evictAll();
        return previous;
    }

    private static byte[] randomBytes() {
        byte[] b = new byte[32];
        new java.security.SecureRandom().nextBytes(b);
        return b;
    }

    private void appendConcurrently(int entries) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(4);
        AtomicInteger next = new AtomicInteger();
        try {
            List<Future<?>> workers = new ArrayList<>();
            for (int t = 0; t < 4; t++) {
                EntityManagerFactory emf = t % 2 == 0 ? nodeA : nodeB;
                String actor = "clerk-" + t;
                workers.add(pool.submit(() -> {
                    for (int n = next.getAndIncrement(); n < entries; n = next.getAndIncrement()) {
                        int i = n;
                        inTransaction(emf, em -> {
                            AuditChain.append(em, new AuditEntry(VietnamTime.now().truncatedTo(ChronoUnit.MILLIS),
                                    actor, "SUBMIT", "000.00.00.G22", "ACCEPTED", null, "Văn bản số " + i), KEY);
                            return null;
                        });
                    }
                    return null;
                }));
            }
            for (Future<?> w : workers) {
                w.get(60, TimeUnit.SECONDS);
            }
        } finally {
            pool.shutdownNow();
        }
    }

    private AuditChainVerifier.Report verify() {
        return verify(KEY);
    }

    private AuditChainVerifier.Report verify(ChainKey key) {
        EntityManager em = nodeB.createEntityManager();
        try {
            return new AuditChainVerifier(em, key).verify();
        } finally {
            em.close();
        }
    }

    private void jdbc(String sql) throws Exception {
        try (Connection c = dataSource().getConnection(); Statement st = c.createStatement()) {
            st.executeUpdate(sql);
            if (!c.getAutoCommit()) {
                c.commit();
            }
        }
    }

    // -------------------------------------------------------------------------------------------- helpers

    private static Document newDocument(String documentId, int priority, OffsetDateTime at) {
        Document d = Document.outgoing(documentId, "000.00.00.G22", at);
        d.describe("12", "UBND-VP", "Trích yếu " + documentId, priority, 0, LocalDate.of(2026, 11, 23));
        return d;
    }
}
