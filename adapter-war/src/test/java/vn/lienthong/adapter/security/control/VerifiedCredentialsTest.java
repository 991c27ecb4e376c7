package vn.lienthong.adapter.security.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.Test;

class VerifiedCredentialsTest {

    private final AtomicLong now = new AtomicLong();
    private final VerifiedCredentials cache = new VerifiedCredentials(Duration.ofSeconds(300), now::get);

    @Test
    void aRememberedPasswordIsServedOnlyForTheSameUserPasswordAndStoredHash() {
        cache.remember("clerk", "s3cret".toCharArray(), "hash-1");
        assertTrue(cache.verified("clerk", "s3cret".toCharArray(), "hash-1"));
        assertFalse(cache.verified("clerk", "S3cret".toCharArray(), "hash-1"), "another password");
        assertFalse(cache.verified("clerk2", "s3cret".toCharArray(), "hash-1"), "another user");
        assertFalse(cache.verified("clerk", "s3cret".toCharArray(), "hash-2"), "the credential changed since");
        assertFalse(cache.verified("clerk", "s3cret".toCharArray(), "hash-1"),
                "a mismatch forgets the entry: the old hash coming back needs PBKDF2 again");
    }

    @Test
    void userNameAndPasswordCannotBeShiftedIntoEachOther() {
        cache.remember("ab", "cdef".toCharArray(), "h");
        assertFalse(cache.verified("a", "bcdef".toCharArray(), "h"));
        assertFalse(cache.verified("abc", "def".toCharArray(), "h"));
    }

    @Test
    void entriesExpireAfterTheTtl() {
        cache.remember("clerk", "s3cret".toCharArray(), "h");
        now.addAndGet(Duration.ofSeconds(299).toNanos());
        assertTrue(cache.verified("clerk", "s3cret".toCharArray(), "h"));
        now.addAndGet(Duration.ofSeconds(1).toNanos());
        assertFalse(cache.verified("clerk", "s3cret".toCharArray(), "h"));
    }

    @Test
    void aZeroTtlSwitchesItOff() {
        VerifiedCredentials off = new VerifiedCredentials(Duration.ZERO, now::get);
        off.remember("clerk", "s3cret".toCharArray(), "h");
        assertFalse(off.verified("clerk", "s3cret".toCharArray(), "h"));
        assertEquals(0, off.size());
    }

    @Test
    void theCacheIsBounded() {
        for (int i = 0; i < VerifiedCredentials.MAX_ENTRIES + 50; i++) {
            cache.remember("user" + i, "pw".toCharArray(), "h");
        }
        assertEquals(VerifiedCredentials.MAX_ENTRIES, cache.size());
        assertFalse(cache.verified("user0", "pw".toCharArray(), "h"), "the least recently used went first");
        assertTrue(cache.verified("user" + (VerifiedCredentials.MAX_ENTRIES + 49), "pw".toCharArray(), "h"));
    }

    @Test
    void twoProcessesNeverShareKeys() {
        // The key is an HMAC under a per-process random secret: another instance knows nothing of this one's entries.
        cache.remember("clerk", "s3cret".toCharArray(), "h");
        assertFalse(new VerifiedCredentials(Duration.ofSeconds(300), now::get)
                .verified("clerk", "s3cret".toCharArray(), "h"));
    }

    @Test
    void concurrentChecksOfTheSameCredentialPayPbkdf2Once() throws Exception {
        java.util.concurrent.atomic.AtomicInteger pbkdf2Runs = new java.util.concurrent.atomic.AtomicInteger();
        java.util.concurrent.CountDownLatch inside = new java.util.concurrent.CountDownLatch(1);
        java.util.concurrent.CountDownLatch release = new java.util.concurrent.CountDownLatch(1);
        java.util.function.BooleanSupplier slowCheck = () -> {
            pbkdf2Runs.incrementAndGet();
            inside.countDown();
            try {
                release.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return true;
        };
        var pool = java.util.concurrent.Executors.newFixedThreadPool(4);
        try {
            var first = pool.submit(() -> cache.verifyOnce("clerk", "s3cret".toCharArray(), "h", slowCheck));
            inside.await();
            java.util.List<java.util.concurrent.Future<Boolean>> others = new java.util.ArrayList<>();
            for (int i = 0; i < 3; i++) {
                others.add(pool.submit(() -> cache.verifyOnce("clerk", "s3cret".toCharArray(), "h", slowCheck)));
            }
            while (cache.waiting() < 3) {
                Thread.sleep(10); // until all three wait for the running check
            }
            release.countDown();
            assertTrue(first.get());
            for (var f : others) {
                assertTrue(f.get());
            }
        } finally {
            pool.shutdownNow();
        }
        assertEquals(1, pbkdf2Runs.get(), "PBKDF2 once for 4 concurrent checks");
        assertTrue(cache.verified("clerk", "s3cret".toCharArray(), "h"));
        assertFalse(cache.verifyOnce("clerk", "wrong".toCharArray(), "h", () -> false));
        assertFalse(cache.verified("clerk", "wrong".toCharArray(), "h"), "failures are never remembered");
    }
}
