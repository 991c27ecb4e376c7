package vn.lienthong.adapter.delivery.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The outbox's group commit: every step committed before its thread goes on, shared only when threads coincide. */
class GroupCommitTest {

    /** A step is a name; "fail…" fails wherever it runs; the runner records what ran together and alone. */
    static final class Recorder implements GroupCommit.Runner<String> {
        final List<List<String>> together = Collections.synchronizedList(new ArrayList<>());
        final List<String> alone = Collections.synchronizedList(new ArrayList<>());
        final List<String> committed = Collections.synchronizedList(new ArrayList<>());
        volatile CountDownLatch holdFirst;
        volatile CountDownLatch firstRunning = new CountDownLatch(1);

        @Override
        public List<Object> together(List<String> steps) {
            together.add(List.copyOf(steps));
            if (steps.stream().anyMatch(s -> s.startsWith("fail"))) {
                throw new IllegalStateException("rolled back");
            }
            committed.addAll(steps);
            return steps.stream().<Object>map(s -> "done " + s).toList();
        }

        @Override
        public Object alone(String step) {
            firstRunning.countDown();
            CountDownLatch hold = holdFirst;
            if (hold != null) {
                holdFirst = null;
                await(hold);
            }
            alone.add(step);
            if (step.startsWith("fail")) {
                throw new IllegalArgumentException("failed: " + step);
            }
            committed.add(step);
            return "done " + step;
        }
    }

    private final ExecutorService threads = Executors.newCachedThreadPool();

    @AfterEach
    void stop() {
        threads.shutdownNow();
    }

    @Test
    void aStepAloneIsItsOwnTransaction() {
        Recorder r = new Recorder();
        GroupCommit<String> commits = new GroupCommit<>(r, 8);
        assertEquals("done a", commits.commit("a"));
        assertEquals(List.of("a"), r.alone);
        assertTrue(r.together.isEmpty());
    }

    @Test
    void stepsHandedInDuringACommitShareTheNextTransactionAndEachThreadGetsItsOwnResult() throws Exception {
        Recorder r = new Recorder();
        CountDownLatch release = new CountDownLatch(1);
        r.holdFirst = release;
        GroupCommit<String> commits = new GroupCommit<>(r, 8);
        Future<Object> first = threads.submit(() -> commits.commit("first"));
        assertTrue(r.firstRunning.await(10, TimeUnit.SECONDS));
        List<Future<Object>> others = new ArrayList<>();
        for (String s : List.of("b", "c", "d")) {
            others.add(threads.submit(() -> commits.commit(s)));
        }
        waitUntilQueued(commits, others);
        release.countDown();
        assertEquals("done first", first.get(10, TimeUnit.SECONDS));
        assertEquals("done b", others.get(0).get(10, TimeUnit.SECONDS));
        assertEquals("done c", others.get(1).get(10, TimeUnit.SECONDS));
        assertEquals("done d", others.get(2).get(10, TimeUnit.SECONDS));
        assertEquals(1, r.together.size(), "b, c and d waited during the first commit and were committed at once");
        assertEquals(3, r.together.get(0).size());
        assertEquals(2.0, commits.stepsPerTransaction());
    }

    @Test
    void aFailedSharedTransactionRunsEachStepAloneSoOnlyTheFailingThreadSeesTheFailure() throws Exception {
        Recorder r = new Recorder();
        CountDownLatch release = new CountDownLatch(1);
        r.holdFirst = release;
        GroupCommit<String> commits = new GroupCommit<>(r, 8);
        Future<Object> first = threads.submit(() -> commits.commit("first"));
        assertTrue(r.firstRunning.await(10, TimeUnit.SECONDS));
        Future<Object> good = threads.submit(() -> commits.commit("good"));
        Future<Object> bad = threads.submit(() -> commits.commit("fail-me"));
        waitUntilQueued(commits, List.of(good, bad));
        release.countDown();
        first.get(10, TimeUnit.SECONDS);
        assertEquals("done good", good.get(10, TimeUnit.SECONDS));
        var failure = assertThrows(java.util.concurrent.ExecutionException.class, () -> bad.get(10, TimeUnit.SECONDS));
        assertEquals("failed: fail-me", failure.getCause().getMessage());
        assertEquals(List.of("first", "good"), r.committed, "nothing of the rolled-back transaction counts twice");
    }

    @Test
    void noTransactionTakesMoreThanMaxSteps() throws Exception {
        Recorder r = new Recorder();
        CountDownLatch release = new CountDownLatch(1);
        r.holdFirst = release;
        GroupCommit<String> commits = new GroupCommit<>(r, 2);
        Future<Object> first = threads.submit(() -> commits.commit("first"));
        assertTrue(r.firstRunning.await(10, TimeUnit.SECONDS));
        List<Future<Object>> others = new ArrayList<>();
        for (String s : List.of("b", "c", "d", "e", "f")) {
            others.add(threads.submit(() -> commits.commit(s)));
        }
        waitUntilQueued(commits, others);
        release.countDown();
        first.get(10, TimeUnit.SECONDS);
        for (Future<Object> f : others) {
            f.get(10, TimeUnit.SECONDS);
        }
        assertEquals(6, r.committed.size());
        assertTrue(r.together.stream().allMatch(t -> t.size() <= 2), r.together.toString());
    }

    /** The submitted threads have handed in their steps (they block in commit until the first one is released). */
    private static void waitUntilQueued(GroupCommit<String> commits, List<Future<Object>> futures) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (commits.waitingSteps() < futures.size()) {
            assertTrue(System.nanoTime() < deadline, "threads did not hand in their steps");
            Thread.sleep(5);
        }
    }

    private static void await(CountDownLatch latch) {
        try {
            assertTrue(latch.await(10, TimeUnit.SECONDS));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
