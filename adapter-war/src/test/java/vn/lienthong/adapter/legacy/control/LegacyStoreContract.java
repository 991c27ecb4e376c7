package vn.lienthong.adapter.legacy.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static vn.lienthong.adapter.store.TestTransactions.inTransaction;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import javax.sql.DataSource;

import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityManagerFactory;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import vn.lienthong.adapter.store.TestStores;
import vn.lienthong.adapter.audit.control.AuditLog;
import vn.lienthong.adapter.legacy.entity.LegacyToken;
import vn.lienthong.adapter.security.control.LoginThrottle;
import vn.lienthong.adapter.security.control.PasswordHasher;
import vn.lienthong.adapter.security.entity.CallerIdentity;
import vn.lienthong.adapter.security.entity.ClientCredential;

/**
 * Old-protocol tokens and numeric ids on each real database, with the schema of the Flyway migrations (V4) and
 * the production persistence unit: tokens are stored hashed, rotate, never log in elsewhere, are audited and
 * throttled; numbers come from the row counter and are only visible to their organisation.
 */
abstract class LegacyStoreContract {

    private EntityManagerFactory emf;
    private EntityManager em;
    private final List<String> audited = new ArrayList<>();
    private LegacyTokens tokens;
    private LegacyNumbers numbers;

    protected abstract DataSource dataSource();

    @BeforeEach
    void migrateAndOpen() {
        TestStores.freshSchema(dataSource());
        emf = TestStores.persistenceUnit(dataSource());
        em = emf.createEntityManager();
        tokens = new LegacyTokens();
        tokens.em = em;
        tokens.throttle = new LoginThrottle();
        tokens.audit = new AuditLog() {
            @Override
            public void record(String actor, String action, String organId, String outcome, String code, String detail) {
                audited.add(actor + " " + action + " " + organId + " " + outcome + " " + detail);
            }
        };
        numbers = new LegacyNumbers();
        numbers.em = em;
    }

    @AfterEach
    void close() {
        em.close();
        emf.close();
    }

    @Test
    void anIssuedTokenAuthenticatesItsOrganisationOnlyAndIsStoredHashed() {
        String token = inTransaction(em, () -> tokens.issueByAdmin("000.00.00.G22", List.of("000.00.00.G23"), null));
        assertEquals(Optional.of(new CallerIdentity("legacy:000.00.00.G22", null)),
                inTransaction(em, () -> tokens.authenticate("000.00.00.G22", token)));
        assertTrue(inTransaction(em, () -> tokens.authenticate("000.00.00.G23", token)).isEmpty(),
                "a token belongs to one organisation");
        assertTrue(inTransaction(em, () -> tokens.authenticate("000.00.00.G22", token + "x")).isEmpty());

        List<String> stored = em.createNativeQuery("SELECT token_hash FROM legacy_token").getResultList();
        assertEquals(1, stored.size());
        assertFalse(stored.get(0).contains(token));
        assertEquals(1, audited.size());
        assertTrue(audited.get(0).startsWith("admin LEGACY_TOKEN_ISSUE 000.00.00.G22 ACCEPTED"), audited.get(0));
        assertFalse(audited.get(0).contains(token), "the token is never in the audit");

        ClientCredential credential = em.find(ClientCredential.class, "legacy:000.00.00.G22");
        assertEquals(List.of("000.00.00.G22", "000.00.00.G23"), credential.getOrganIds());
        assertTrue(credential.mayActFor("000.00.00.G23"));
        assertFalse(PasswordHasher.matches(token.toCharArray(), credential.getPasswordHash()),
                "a legacy credential can never log in through the WS-Security service");
    }

    @Test
    void reissuingRevokesTheOldTokenAndImportedHubTokensWork() {
        String first = inTransaction(em, () -> tokens.issueByAdmin("000.00.00.H36", List.of(), null));
        String imported = inTransaction(em,
                () -> tokens.issueByAdmin("000.00.00.H36", List.of(), "hub-token-0123456789abcdefghij"));
        assertEquals("hub-token-0123456789abcdefghij", imported);
        assertTrue(inTransaction(em, () -> tokens.authenticate("000.00.00.H36", first)).isEmpty());
        assertTrue(inTransaction(em, () -> tokens.authenticate("000.00.00.H36", imported)).isPresent());
        assertEquals(1L, em.createQuery("SELECT COUNT(t) FROM LegacyToken t WHERE t.enabled = TRUE").getSingleResult());
        assertEquals(2L, em.createQuery("SELECT COUNT(t) FROM LegacyToken t", Long.class).getSingleResult());
        assertNotEquals(first, imported);
    }

    @Test
    void repeatedWrongTokensLockTheOrganisationForAWhile() {
        String token = inTransaction(em, () -> tokens.issueByAdmin("000.00.00.G22", List.of(), null));
        for (int i = 0; i < LoginThrottle.DEFAULT_MAX_FAILURES; i++) {
            inTransaction(em, () -> tokens.authenticate("000.00.00.G22", "guess"));
        }
        assertTrue(inTransaction(em, () -> tokens.authenticate("000.00.00.G22", token)).isEmpty(),
                "locked even for the right token");
    }

    @Test
    void numericIdsComeFromTheCounterAndStayWithTheirOrganisation() {
        long a = inTransaction(em, () -> numbers.forDocument("000.00.00.G22", "doc-a"));
        long again = inTransaction(em, () -> numbers.forDocument("000.00.00.G22", "doc-a"));
        long b = inTransaction(em, () -> numbers.forInboxItem("000.00.00.G22", "doc-b", "item-b"));
        long bAgain = inTransaction(em, () -> numbers.forInboxItem("000.00.00.G22", "doc-b", "item-b"));
        assertEquals(a, again);
        assertEquals(b, bAgain);
        assertEquals(a + 1, b);
        assertEquals("item-b", numbers.find("000.00.00.G22", b).getInboxItemRef());
        assertNull(numbers.find("000.00.00.H41", b), "another organisation's number looks unknown");
        assertNull(numbers.find("000.00.00.G22", 999_999));
        em.createQuery("SELECT t FROM LegacyToken t", LegacyToken.class).getResultList();
    }

    @Test
    void numbersFromReservedBlocksAreUniqueAcrossNodesAndAdvanceTheCounterOncePerBlock() {
        // Two nodes: each its own block of the one counter row, reserved in a transaction of its own (REQUIRES_NEW:
        // another entity manager while the issuing request's transaction is open).
        java.util.function.IntToLongFunction reserve = n -> inTransaction(emf, own -> {
            LegacyNumberReservations reservations = new LegacyNumberReservations();
            reservations.em = own;
            return reservations.reserve(n);
        });
        LegacyNumberBlock nodeA = new LegacyNumberBlock(reserve);
        LegacyNumberBlock nodeB = new LegacyNumberBlock(reserve);
        numbers.block = nodeA;
        LegacyNumbers other = new LegacyNumbers();
        other.em = em;
        other.block = nodeB;
        java.util.Set<Long> issued = new java.util.HashSet<>();
        long previousA = 0;
        for (int i = 0; i < LegacyNumberBlock.SIZE + 5; i++) {
            int k = i;
            long a = inTransaction(em, () -> numbers.issue("000.00.00.G22", "doc-a" + k));
            long b = inTransaction(em, () -> other.issue("000.00.00.G22", "doc-b" + k));
            assertTrue(a > previousA, "increasing on one node");
            previousA = a;
            assertTrue(issued.add(a) && issued.add(b), "never the same number twice: " + a + ", " + b);
        }
        assertEquals(2 * (LegacyNumberBlock.SIZE + 5), issued.size());
        long counter = ((Number) em.createNativeQuery("SELECT next_value FROM legacy_counter WHERE name = 'document'")
                .getSingleResult()).longValue();
        assertEquals(1 + 4L * LegacyNumberBlock.SIZE, counter, "two blocks per node, nothing else");
        long stored = inTransaction(em, () -> numbers.forDocument("000.00.00.G22", "doc-a3"));
        assertTrue(issued.contains(stored), "an issued number resolves to its document");
    }
}
