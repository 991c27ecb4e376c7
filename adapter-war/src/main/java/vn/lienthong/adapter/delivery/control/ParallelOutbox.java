package vn.lienthong.adapter.delivery.control;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.logging.Level;
import java.util.logging.Logger;

import vn.lienthong.adapter.delivery.control.OutboxClaims.Claimed;
import vn.lienthong.adapter.delivery.control.OutboxProcessor.Outcome;
import vn.lienthong.adapter.delivery.control.SharedAxisBreaker.Decision;
import vn.lienthong.adapter.delivery.control.SharedAxisBreaker.Gate;

/**
 * One node's outbox rounds with parallel sends, apart from the container so the rules are unit-tested: ask the
 * breaker, claim a batch of the most urgent due documents (one transaction, up to one per send slot), hand each to
 * a sender thread as soon as it may start, and claim the next batch when this one is handed out. So at most
 * {@code slots} sends are under way and at most {@code slots} more documents are claimed and waiting.
 *
 * <p>When a send may start:
 * <ul>
 * <li><b>a slot of the axis endpoint is free</b> ({@link SendSlots}, {@code adapter.outbox.max-parallel-sends});
 * <li><b>urgent first</b>: no send under way has a higher priority (a normal document waits until the urgent ones
 * before it have been answered, so they reach the axis first, as with one send at a time);
 * <li><b>slow start</b>: a round that starts idle sends one document alone, and the number under way doubles with
 * each document the axis accepts, up to the bound. So a round that meets an axis outage costs one failed send, not
 * a batch of them, and the breaker opens before anything else is tried.
 * </ul>
 *
 * <p>The breaker keeps its meaning: it is asked before every batch; a send that meets an axis failure opens it (in
 * the database, for every node) and ends the round: the documents of the batch not handed out yet are released
 * at once (leases given back, nothing sent), sends already under way end as they end. While it is open only a probe
 * is made; half-open, one document at a time is tried (on the round's own thread) until one is sent. Exactly-once
 * rests on the leases as before: every document is claimed, its send is marked started under a renewed lease just
 * before the call, and a crash anywhere leaves leases that expire and sends in doubt that are looked up on the axis
 * before they are sent again.
 */
public final class ParallelOutbox {

    private static final Logger LOG = Logger.getLogger(ParallelOutbox.class.getName());
    private static final int PRIORITIES = 5; // 0 normal … 4 most urgent

    /** What a round needs from the outbox; the container's is the EJBs, tests use their own. */
    public interface Outbox {
        Decision gate();

        boolean probe();

        /** Claims up to {@code max} due documents, most urgent first, passing over {@code avoid} if others wait. */
        List<Claimed> claim(int max, String avoid);

        /** Gives back the leases of claimed documents that will not be sent by this round. */
        void release(List<String> ids);

        Outcome send(String id);
    }

    private final Outbox outbox;
    private final Executor senders;
    private final SendSlots slots;
    private final String endpoint;
    private final Duration slotWait;

    /** Guards the fields below; senders notify it when a send ends. */
    private final Object lock = new Object();
    private final int[] underWayByPriority = new int[PRIORITIES];
    private int underWay;
    private int window = 1;
    /** Set by a sender whose send met an axis failure; the round then stops handing out documents. */
    private boolean axisFailed;
    private volatile boolean stopping;

    /**
     * @param senders  runs the sends; must run at least {@code slots.perEndpoint()} at once
     * @param slotWait how long the round waits at most before it looks again whether to stop
     */
    public ParallelOutbox(Outbox outbox, Executor senders, SendSlots slots, String endpoint, Duration slotWait) {
        this.outbox = outbox;
        this.senders = senders;
        this.slots = slots;
        this.endpoint = endpoint;
        this.slotWait = slotWait;
    }

    /** One round: runs until nothing is due, the breaker holds the documents back, or the node stops. */
    public void round() throws InterruptedException {
        synchronized (lock) {
            axisFailed = false; // a failure noted earlier is in the breaker now, which the gate reads
            if (underWay == 0) {
                window = 1; // idle: how the axis is doing is unknown, start with one send
            }
        }
        while (!stopping) {
            Decision decision = outbox.gate();
            if (decision.gate() == Gate.WAIT) {
                return; // the axis is unavailable and the next probe is not due: documents wait
            }
            if (decision.gate() == Gate.PROBE) {
                if (!outbox.probe()) {
                    return;
                }
                decision = outbox.gate(); // half-open now, unless another node's send failed meanwhile
                if (decision.gate() != Gate.SEND) {
                    return;
                }
            }
            if (decision.trial()) {
                if (trial(decision.avoid()) != Outcome.SENT) {
                    return;
                }
                continue; // the breaker is closed
            }
            List<Claimed> batch = outbox.claim(slots.perEndpoint(), null);
            if (batch.isEmpty() || !handOut(batch)) {
                return;
            }
        }
    }

    /** Asks a running round to end after the document it is handing out; claimed documents are released. */
    public void stop() {
        stopping = true;
    }

    /** Hands each document to a sender once it may start; false (rest released) when the round must end. */
    private boolean handOut(List<Claimed> batch) throws InterruptedException {
        int handedOut = 0;
        try {
            for (Claimed document : batch) {
                if (!mayStart(document.priority())) {
                    return false;
                }
                try {
                    senders.execute(() -> sendInSlot(document));
                } catch (RejectedExecutionException e) { // the node is stopping
                    ended(document, null);
                    return false;
                }
                handedOut++;
            }
            return true;
        } finally {
            if (handedOut < batch.size()) {
                outbox.release(batch.subList(handedOut, batch.size()).stream().map(Claimed::id).toList());
            }
        }
    }

    /**
     * Waits until a send of {@code priority} may start (window, no more urgent send under way, a free slot) and
     * counts it as under way; false when the round must end first (axis failure, stopping).
     */
    private boolean mayStart(int priority) throws InterruptedException {
        int p = clamp(priority);
        synchronized (lock) {
            while (!axisFailed && !stopping && (underWay >= window || moreUrgentUnderWay(p))) {
                lock.wait(slotWait.toMillis());
            }
            if (axisFailed || stopping) {
                return false;
            }
            underWay++;
            underWayByPriority[p]++;
        }
        while (!slots.take(endpoint, slotWait)) {
            if (stopping) {
                ended(new Claimed(null, priority), null);
                return false;
            }
        }
        return true;
    }

    private boolean moreUrgentUnderWay(int priority) {
        for (int q = priority + 1; q < PRIORITIES; q++) {
            if (underWayByPriority[q] > 0) {
                return true;
            }
        }
        return false;
    }

    private void sendInSlot(Claimed document) {
        Outcome outcome = null;
        try {
            outcome = outbox.send(document.id());
        } catch (RuntimeException e) {
            // The document keeps its lease and send mark; both expire and are reconciled as after a crash.
            LOG.log(Level.WARNING, "Sending document " + document.id() + " failed unexpectedly; it is retried after"
                    + " its lease", e);
        } finally {
            slots.giveBack(endpoint);
            ended(document, outcome);
        }
    }

    /** Bookkeeping when a send ended (outcome null: it never ran). */
    private void ended(Claimed document, Outcome outcome) {
        synchronized (lock) {
            underWay--;
            underWayByPriority[clamp(document.priority())]--;
            if (outcome == Outcome.AXIS_UNAVAILABLE) {
                axisFailed = true;
                window = 1;
            } else if (outcome == Outcome.SENT) {
                window = Math.min(window * 2, slots.perEndpoint());
            }
            lock.notifyAll();
        }
    }

    /** Half-open: one document, sent on this thread (in a slot), so the next step depends on its outcome. */
    private Outcome trial(String avoid) throws InterruptedException {
        List<Claimed> one = outbox.claim(1, avoid);
        if (one.isEmpty()) {
            return Outcome.SKIPPED;
        }
        Claimed document = one.get(0);
        if (!mayStart(document.priority())) {
            outbox.release(List.of(document.id()));
            return Outcome.SKIPPED;
        }
        Outcome outcome = null;
        try {
            outcome = outbox.send(document.id());
            return outcome;
        } finally {
            slots.giveBack(endpoint);
            ended(document, outcome);
        }
    }

    private static int clamp(int priority) {
        return Math.max(0, Math.min(PRIORITIES - 1, priority));
    }
}
