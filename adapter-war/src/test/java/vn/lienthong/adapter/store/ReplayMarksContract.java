package vn.lienthong.adapter.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import javax.sql.DataSource;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import vn.lienthong.adapter.security.control.ReplayMarks;

/**
 * Replay marks on each real database: the second use of a key is refused, also when two connections (two nodes)
 * race with it; expired marks are purged and count no more.
 */
abstract class ReplayMarksContract {

    protected abstract DataSource dataSource();

    @BeforeEach
    void migrate() {
        TestStores.freshSchema(dataSource());
    }

    @Test
    void aKeyIsAcceptedOnceThenRefused() throws Exception {
        String key = ReplayMarks.key("signature", "c2lnbmF0dXJl");
        OffsetDateTime expires = OffsetDateTime.now(ZoneOffset.UTC).plusMinutes(6);
        assertTrue(firstUse(key, expires));
        assertFalse(firstUse(key, expires), "a replay");
        assertTrue(firstUse(ReplayMarks.key("signature", "b3RoZXI="), expires), "another key is new");
        assertFalse(ReplayMarks.key("a", "bc").equals(ReplayMarks.key("ab", "c")), "parts cannot run together");
    }

    @Test
    void twoNodesRacingWithTheSameKeyAcceptItOnce() throws Exception {
        String key = ReplayMarks.key("username-token", "clerk", "bm9uY2U=", "2026-11-28T03:00:00Z");
        OffsetDateTime expires = OffsetDateTime.now(ZoneOffset.UTC).plusMinutes(6);
        int nodes = 4;
        ExecutorService pool = Executors.newFixedThreadPool(nodes);
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<Boolean>> outcomes = new ArrayList<>();
            for (int i = 0; i < nodes; i++) {
                outcomes.add(pool.submit(() -> {
                    start.await();
                    return firstUse(key, expires);
                }));
            }
            start.countDown();
            int accepted = 0;
            for (Future<Boolean> f : outcomes) {
                accepted += f.get(30, TimeUnit.SECONDS) ? 1 : 0;
            }
            assertEquals(1, accepted, "exactly one node accepts the token");
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void expiredMarksArePurgedAndOnlyThey() throws Exception {
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
        assertTrue(firstUse(ReplayMarks.key("old"), now.minusMinutes(1)));
        assertTrue(firstUse(ReplayMarks.key("fresh"), now.plusMinutes(5)));
        try (Connection c = dataSource().getConnection()) {
            c.setAutoCommit(false);
            ReplayMarks marks = new ReplayMarks(c);
            assertEquals(1, marks.purgeExpired(now));
            assertEquals(1, marks.count());
            c.commit();
        }
        assertFalse(firstUse(ReplayMarks.key("fresh"), now.plusMinutes(5)), "a fresh mark is kept");
    }

    /** One use in its own transaction, as ReplayGuard does on a node. */
    private boolean firstUse(String key, OffsetDateTime expires) throws Exception {
        try (Connection c = dataSource().getConnection()) {
            c.setAutoCommit(false);
            boolean first = new ReplayMarks(c).firstUse(key, expires);
            if (first) {
                c.commit();
            } else {
                c.rollback();
            }
            return first;
        }
    }
}
