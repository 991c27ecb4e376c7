package vn.lienthong.adapter.security.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static vn.lienthong.adapter.store.TestTransactions.inTransaction;
import static vn.lienthong.adapter.store.TestTransactions.runInTransaction;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.List;

import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;

import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityManagerFactory;

import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import vn.lienthong.adapter.platform.time.VietnamTime;
import vn.lienthong.adapter.security.entity.ClientCredential;
import vn.lienthong.adapter.store.TestStores;

/** Password checks against the real store (H2, Flyway schema): the verified-credential cache and re-hashing. */
class CredentialStoreTest {

    @TempDir
    Path dir;
    private EntityManagerFactory emf;
    private EntityManager em;
    private CredentialStore store;

    @BeforeEach
    void open() {
        JdbcDataSource ds = new JdbcDataSource();
        ds.setURL("jdbc:h2:file:" + dir.resolve("cred") + ";DB_CLOSE_ON_EXIT=FALSE;DB_CLOSE_DELAY=-1");
        ds.setUser("sa");
        ds.setPassword("");
        TestStores.freshSchema(ds);
        emf = TestStores.persistenceUnit(ds);
        em = emf.createEntityManager();
        store = new CredentialStore();
        store.em = em;
        store.verified = new VerifiedCredentials(Duration.ofSeconds(300), System::nanoTime);
    }

    @AfterEach
    void close() {
        em.close();
        emf.close();
    }

    @Test
    void newHashesUseTodaysIterationCount() {
        String hash = PasswordHasher.hash("s3cret".toCharArray());
        assertTrue(hash.startsWith("pbkdf2-sha256$600000$"), hash);
        assertFalse(PasswordHasher.needsRehash(hash));
    }

    /** Issue 11: the check hands back the row it read, which the request's authorisation steps then use. */
    @Test
    void verifyReturnsTheCredentialItReadOnlyForTheRightPasswordOfAnEnabledUser() {
        runInTransaction(em, () -> store.create("clerk", "s3cret".toCharArray(), List.of("000.00.00.G22"), null));
        var read = inTransaction(em, () -> store.verify("clerk", "s3cret".toCharArray()));
        assertTrue(read.isPresent());
        assertEquals("clerk", read.get().getUsername());
        assertEquals(List.of("000.00.00.G22"), read.get().getOrganIds());
        assertTrue(inTransaction(em, () -> store.verify("clerk", "wrong".toCharArray())).isEmpty());
        assertTrue(inTransaction(em, () -> store.verify("nobody", "s3cret".toCharArray())).isEmpty());
        assertTrue(inTransaction(em, () -> store.verify(null, "s3cret".toCharArray())).isEmpty());
        inTransaction(em, () -> em.createNativeQuery(
                "UPDATE client_credential SET enabled = FALSE WHERE username = 'clerk'").executeUpdate());
        em.clear();
        assertTrue(inTransaction(em, () -> store.verify("clerk", "s3cret".toCharArray())).isEmpty(),
                "disabled: nothing handed back, cache or not");
    }

    @Test
    void aCachedVerificationIsNotServedOnceThePasswordChangedOrTheCredentialIsDisabled() {
        runInTransaction(em, () -> store.create("clerk", "s3cret".toCharArray(), List.of("000.00.00.G22"), null));
        assertTrue(inTransaction(em, () -> store.authenticate("clerk", "s3cret".toCharArray())));
        assertTrue(inTransaction(em, () -> store.authenticate("clerk", "s3cret".toCharArray())),
                "served from the cache");
        assertFalse(inTransaction(em, () -> store.authenticate("clerk", "wrong".toCharArray())));

        // The operator changes the password (a new salted hash): the old password no longer works, cache or not.
        String newHash = PasswordHasher.hash("n3w".toCharArray());
        inTransaction(em, () -> em.createNativeQuery(
                "UPDATE client_credential SET password_hash = ? WHERE username = 'clerk'")
                .setParameter(1, newHash).executeUpdate());
        em.clear();
        assertFalse(inTransaction(em, () -> store.authenticate("clerk", "s3cret".toCharArray())));
        assertTrue(inTransaction(em, () -> store.authenticate("clerk", "n3w".toCharArray())));

        // Revoked: refused although the password was verified a moment ago.
        inTransaction(em, () -> em.createNativeQuery(
                "UPDATE client_credential SET enabled = FALSE WHERE username = 'clerk'").executeUpdate());
        em.clear();
        assertFalse(inTransaction(em, () -> store.authenticate("clerk", "n3w".toCharArray())));
        inTransaction(em, () -> em.createNativeQuery("DELETE FROM client_credential WHERE username = 'clerk'")
                .executeUpdate());
        em.clear();
        assertFalse(inTransaction(em, () -> store.authenticate("clerk", "n3w".toCharArray())));
    }

    @Test
    void aHashWithTheOldIterationCountStillVerifiesAndIsReplacedByAStrongerOne() throws Exception {
        String old = oldHash("s3cret", 120_000);
        inTransaction(em, () -> {
            em.persist(new ClientCredential("veteran", old, List.of("000.00.00.G22"), null, VietnamTime.now()));
            return null;
        });
        assertTrue(PasswordHasher.needsRehash(old));
        assertTrue(inTransaction(em, () -> store.authenticate("veteran", "s3cret".toCharArray())));
        em.clear();
        String now = em.find(ClientCredential.class, "veteran").getPasswordHash();
        assertNotEquals(old, now);
        assertTrue(now.startsWith("pbkdf2-sha256$600000$"), now);
        assertTrue(PasswordHasher.matches("s3cret".toCharArray(), now));
        store.verified = new VerifiedCredentials(Duration.ZERO, System::nanoTime); // no cache: PBKDF2 against the new hash
        assertTrue(inTransaction(em, () -> store.authenticate("veteran", "s3cret".toCharArray())));
        assertFalse(inTransaction(em, () -> store.authenticate("veteran", "S3cret".toCharArray())));
        assertEquals(now, em.find(ClientCredential.class, "veteran").getPasswordHash(), "re-hashed once");
    }

    /** A hash as the earlier code made it (same format, fewer iterations). */
    private static String oldHash(String password, int iterations) throws Exception {
        byte[] salt = new byte[16];
        new java.security.SecureRandom().nextBytes(salt);
        byte[] hash = SecretKeyFactory.getInstance("PBKDF2WithHmacSHA256")
                .generateSecret(new PBEKeySpec(password.toCharArray(), salt, iterations, 256)).getEncoded();
        return "pbkdf2-sha256$" + iterations + "$" + Base64.getEncoder().encodeToString(salt) + "$"
                + Base64.getEncoder().encodeToString(hash);
    }
}
