package vn.lienthong.adapter.delivery.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import vn.lienthong.adapter.delivery.control.OutboxProcessor.Outcome;
import vn.lienthong.adapter.delivery.control.SharedAxisBreaker.Decision;
import vn.lienthong.adapter.delivery.control.SharedAxisBreaker.Gate;

/** The rules of a parallel outbox round with the breaker, on an in-memory outbox (the database side: store tests). */
class ParallelOutboxTest {

    private static final String AXIS = "http://axis.test/";
    private final ExecutorService senders = Executors.newFixedThreadPool(4);

    @AfterEach
    void stopSenders() {
        senders.shutdownNow();
    }

    @Test
    void anAxisFailureStopsTheRoundAndReleasesTheClaimedDocumentsNotHandedOut() throws Exception {
        CountDownLatch firstDone = new CountDownLatch(1);
        FakeOutbox outbox = new FakeOutbox(10, id -> {
            if (id.equals("d0")) {
                return Outcome.AXIS_UNAVAILABLE; // opens the breaker (below), before its slot is given back
            }
            if (id.equals("d1")) {
                await(firstDone); // d1 holds the second slot until d0 has failed
            }
            return Outcome.SENT;
        });
        outbox.onSend = (id, outcome) -> {
            if (outcome == Outcome.AXIS_UNAVAILABLE) {
                outbox.decision = new Decision(Gate.WAIT, null, false);
                firstDone.countDown();
            }
        };
        new ParallelOutbox(outbox, senders, new SendSlots(2), AXIS, Duration.ofMillis(50)).round();
        finish();
        assertEquals(List.of("d0", "d1"), sorted(outbox.sent), "only the first batch was sent");
        assertEquals(List.of("d2", "d3"), outbox.released, "the second batch, claimed but never handed out");
        assertEquals(4, outbox.claimed.size(), "nothing claimed after the breaker opened");
    }

    @Test
    void halfOpenTriesOneDocumentAtATimePassingOverTheSuspectThenSendsInParallel() throws Exception {
        AtomicInteger inFlight = new AtomicInteger();
        List<Integer> underWayAtStart = Collections.synchronizedList(new ArrayList<>());
        FakeOutbox outbox = new FakeOutbox(6, id -> Outcome.SENT);
        outbox.decision = new Decision(Gate.SEND, "d0", true);
        outbox.beforeSend = id -> underWayAtStart.add(inFlight.incrementAndGet());
        outbox.onSend = (id, outcome) -> {
            inFlight.decrementAndGet();
            outbox.decision = new Decision(Gate.SEND, null, false); // the first success closes the breaker
        };
        new ParallelOutbox(outbox, senders, new SendSlots(4), AXIS, Duration.ofMillis(50)).round();
        finish();
        assertEquals("d1", outbox.sent.get(0), "the trial passed over the suspect d0 while others were due");
        assertEquals(1, underWayAtStart.get(0), "the trial was the only send under way");
        assertEquals(List.of("d0", "d1", "d2", "d3", "d4", "d5"), sorted(outbox.sent));
    }

    @Test
    void aFailedTrialEndsTheRoundWithNothingElseClaimed() throws Exception {
        FakeOutbox outbox = new FakeOutbox(5, id -> Outcome.AXIS_UNAVAILABLE);
        outbox.decision = new Decision(Gate.SEND, null, true);
        new ParallelOutbox(outbox, senders, new SendSlots(4), AXIS, Duration.ofMillis(50)).round();
        finish();
        assertEquals(List.of("d0"), outbox.sent);
        assertEquals(List.of("d0"), outbox.claimed);
    }

    @Test
    void aFailedProbeClaimsNothing() throws Exception {
        FakeOutbox outbox = new FakeOutbox(3, id -> Outcome.SENT);
        outbox.decision = new Decision(Gate.PROBE, null, false);
        outbox.probeAnswers = false;
        new ParallelOutbox(outbox, senders, new SendSlots(4), AXIS, Duration.ofMillis(50)).round();
        finish();
        assertEquals(1, outbox.probes);
        assertEquals(List.of(), outbox.claimed);
    }

    private void finish() throws InterruptedException {
        senders.shutdown();
        assertTrue(senders.awaitTermination(30, TimeUnit.SECONDS));
    }

    private static List<String> sorted(List<String> ids) {
        return ids.stream().sorted().toList();
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Documents d0 … dN-1 in claim order; the gate answers {@link #decision}. */
    private static final class FakeOutbox implements ParallelOutbox.Outbox {
        final List<String> due = new ArrayList<>();
        final List<String> claimed = Collections.synchronizedList(new ArrayList<>());
        final List<String> released = Collections.synchronizedList(new ArrayList<>());
        final List<String> sent = Collections.synchronizedList(new ArrayList<>());
        final Function<String, Outcome> sending;
        volatile Decision decision = new Decision(Gate.SEND, null, false);
        volatile java.util.function.BiConsumer<String, Outcome> onSend = (id, o) -> { };
        volatile java.util.function.Consumer<String> beforeSend = id -> { };
        volatile boolean probeAnswers = true;
        int probes;

        FakeOutbox(int documents, Function<String, Outcome> sending) {
            for (int i = 0; i < documents; i++) {
                due.add("d" + i);
            }
            this.sending = sending;
        }

        @Override
        public Decision gate() {
            return decision;
        }

        @Override
        public boolean probe() {
            probes++;
            return probeAnswers;
        }

        @Override
        public synchronized List<String> claim(int max, String avoid) {
            List<String> batch = new ArrayList<>();
            for (String id : due) {
                if (batch.size() < max && !id.equals(avoid)) {
                    batch.add(id);
                }
            }
            if (batch.isEmpty() && due.contains(avoid)) {
                batch.add(avoid);
            }
            due.removeAll(batch);
            claimed.addAll(batch);
            return batch;
        }

        @Override
        public synchronized void release(List<String> ids) {
            released.addAll(ids);
        }

        @Override
        public Outcome send(String id) {
            beforeSend.accept(id);
            sent.add(id);
            Outcome outcome = sending.apply(id);
            onSend.accept(id, outcome);
            return outcome;
        }
    }
}
