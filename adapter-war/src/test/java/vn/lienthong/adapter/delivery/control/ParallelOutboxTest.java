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
    void aRoundThatStartsIdleSendsOneDocumentAloneSoAnOutageCostsOneSend() throws Exception {
        FakeOutbox outbox = new FakeOutbox(10, id -> Outcome.AXIS_UNAVAILABLE);
        outbox.onSend = (id, outcome) -> outbox.decision = new Decision(Gate.WAIT, null, false);
        new ParallelOutbox(outbox, senders, new SendSlots(4), AXIS, Duration.ofMillis(50)).round();
        finish();
        assertEquals(List.of("d0"), outbox.sent);
        assertEquals(List.of("d1", "d2", "d3"), outbox.released, "the rest of the batch, never handed out");
        assertEquals(4, outbox.claimed.size(), "nothing claimed after the breaker opened");
    }

    @Test
    void anAxisFailureMidRoundReleasesTheClaimedDocumentsNotHandedOut() throws Exception {
        CountDownLatch d2Started = new CountDownLatch(1);
        CountDownLatch roundOver = new CountDownLatch(1);
        FakeOutbox outbox = new FakeOutbox(10, id -> switch (id) {
            case "d1" -> {
                await(d2Started); // both slots busy when d1 fails
                yield Outcome.AXIS_UNAVAILABLE;
            }
            case "d2" -> {
                d2Started.countDown();
                await(roundOver); // still under way when the round ends
                yield Outcome.SENT;
            }
            default -> Outcome.SENT;
        });
        outbox.onSend = (id, outcome) -> {
            if (outcome == Outcome.AXIS_UNAVAILABLE) {
                outbox.decision = new Decision(Gate.WAIT, null, false);
            }
        };
        new ParallelOutbox(outbox, senders, new SendSlots(2), AXIS, Duration.ofMillis(50)).round();
        roundOver.countDown();
        finish();
        assertEquals(List.of("d0", "d1", "d2"), sorted(outbox.sent));
        assertEquals(List.of("d3"), outbox.released, "claimed, waiting for a slot when the axis failed");
        assertEquals(4, outbox.claimed.size(), "nothing claimed after the breaker opened");
    }

    @Test
    void sendsStayWithinTheBoundAndNoNormalDocumentStartsWhileAnUrgentOneIsUnderWay() throws Exception {
        int bound = 3;
        AtomicInteger inFlight = new AtomicInteger();
        AtomicInteger maxInFlight = new AtomicInteger();
        AtomicInteger urgentInFlight = new AtomicInteger();
        List<String> violations = Collections.synchronizedList(new ArrayList<>());
        FakeOutbox outbox = new FakeOutbox(0, id -> {
            try {
                TimeUnit.MILLISECONDS.sleep(5);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return Outcome.SENT;
        });
        for (int i = 0; i < 5; i++) {
            outbox.add("u" + i, 3);
        }
        for (int i = 0; i < 20; i++) {
            outbox.add("n" + i, 0);
        }
        outbox.beforeSend = id -> {
            maxInFlight.accumulateAndGet(inFlight.incrementAndGet(), Math::max);
            if (id.startsWith("u")) {
                urgentInFlight.incrementAndGet();
            } else if (urgentInFlight.get() > 0) {
                violations.add(id);
            }
        };
        outbox.onSend = (id, outcome) -> {
            if (id.startsWith("u")) {
                urgentInFlight.decrementAndGet();
            }
            inFlight.decrementAndGet();
        };
        new ParallelOutbox(outbox, senders, new SendSlots(bound), AXIS, Duration.ofMillis(50)).round();
        finish();
        assertEquals(25, outbox.sent.size());
        assertEquals(25, new java.util.HashSet<>(outbox.sent).size(), "each document once");
        assertTrue(maxInFlight.get() <= bound, "at most " + bound + " under way: " + maxInFlight);
        assertEquals(List.of(), violations, "normal documents started while an urgent one was under way");
        assertEquals(List.of("u0", "u1", "u2", "u3", "u4"), sorted(outbox.sent.subList(0, 5)));
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
        final List<OutboxClaims.Claimed> due = new ArrayList<>();
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
                add("d" + i, 0);
            }
            this.sending = sending;
        }

        /** Due documents are claimed most urgent first, then in the order added. */
        synchronized void add(String id, int priority) {
            int at = 0;
            while (at < due.size() && due.get(at).priority() >= priority) {
                at++;
            }
            due.add(at, new OutboxClaims.Claimed(id, priority));
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
        public synchronized List<OutboxClaims.Claimed> claim(int max, String avoid) {
            List<OutboxClaims.Claimed> batch = new ArrayList<>();
            OutboxClaims.Claimed avoided = null;
            for (OutboxClaims.Claimed c : due) {
                if (c.id().equals(avoid)) {
                    avoided = c;
                } else if (batch.size() < max) {
                    batch.add(c);
                }
            }
            if (batch.isEmpty() && avoided != null) {
                batch.add(avoided);
            }
            due.removeAll(batch);
            batch.forEach(c -> claimed.add(c.id()));
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
