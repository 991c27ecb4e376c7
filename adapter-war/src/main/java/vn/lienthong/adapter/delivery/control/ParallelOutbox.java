package vn.lienthong.adapter.delivery.control;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.logging.Level;
import java.util.logging.Logger;

import vn.lienthong.adapter.delivery.control.OutboxProcessor.Outcome;
import vn.lienthong.adapter.delivery.control.SharedAxisBreaker.Decision;
import vn.lienthong.adapter.delivery.control.SharedAxisBreaker.Gate;

/**
 * One node's outbox rounds with parallel sends, apart from the container so the rules are unit-tested: ask the
 * breaker, claim a batch of the most urgent due documents (one transaction, up to one per send slot), hand each to
 * a sender thread as soon as a {@link SendSlots slot} of the axis endpoint is free, and claim the next batch when
 * this one is handed out. So at most {@code slots} sends are under way and at most {@code slots} more documents are
 * claimed and waiting; the claim order (urgent first, then oldest) is the order sends start.
 *
 * <p>The breaker keeps its meaning: before every batch it is asked; a send that meets an axis failure opens it (in
 * the database, for every node) and stops this round: the documents of the batch not handed out yet are released
 * at once (their leases given back, nothing sent), sends already under way end as they end. While it is open only
 * a probe is made; half-open, one document at a time is tried (on the round's own thread) until one is sent.
 * Exactly-once rests on the leases as before: every document is claimed, its send is marked started under a
 * renewed lease just before the call, and a crash anywhere leaves leases that expire and sends in doubt that are
 * looked up on the axis before they are sent again.
 */
public final class ParallelOutbox {

    private static final Logger LOG = Logger.getLogger(ParallelOutbox.class.getName());

    /** What a round needs from the outbox; the container's is the EJBs, tests use their own. */
    public interface Outbox {
        Decision gate();

        boolean probe();

        /** Claims up to {@code max} due documents, most urgent first, passing over {@code avoid} if others wait. */
        List<String> claim(int max, String avoid);

        /** Gives back the leases of claimed documents that will not be sent by this round. */
        void release(List<String> ids);

        Outcome send(String id);
    }

    private final Outbox outbox;
    private final Executor senders;
    private final SendSlots slots;
    private final String endpoint;
    private final Duration slotWait;
    /** Set by a sender whose send met an axis failure; the round then stops handing out documents. */
    private final AtomicBoolean axisFailed = new AtomicBoolean();
    private volatile boolean stopping;

    /**
     * @param senders  runs the sends; must run at least {@code slots.perEndpoint()} at once
     * @param slotWait how long the round waits for a free slot before it looks again whether to stop
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
        while (!stopping) {
            axisFailed.set(false); // a failure noted earlier is in the breaker now, which the gate reads
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
                continue; // the breaker is closed: full speed
            }
            List<String> batch = outbox.claim(slots.perEndpoint(), null);
            if (batch.isEmpty() || !handOut(batch)) {
                return;
            }
        }
    }

    /** Asks a running round to end after the document it is handing out; claimed documents are released. */
    public void stop() {
        stopping = true;
    }

    /** Hands each document to a sender as a slot frees; false (rest released) when the round must end. */
    private boolean handOut(List<String> batch) throws InterruptedException {
        int handedOut = 0;
        try {
            for (String id : batch) {
                if (!takeSlot()) {
                    return false;
                }
                try {
                    senders.execute(() -> sendInSlot(id));
                } catch (RejectedExecutionException e) { // the node is stopping
                    slots.giveBack(endpoint);
                    return false;
                }
                handedOut++;
            }
            return true;
        } finally {
            if (handedOut < batch.size()) {
                outbox.release(batch.subList(handedOut, batch.size()));
            }
        }
    }

    /** Waits for a free slot; false when the round must end first (axis failure, stopping). */
    private boolean takeSlot() throws InterruptedException {
        while (!axisFailed.get() && !stopping) {
            if (slots.take(endpoint, slotWait)) {
                if (axisFailed.get() || stopping) {
                    slots.giveBack(endpoint);
                    return false;
                }
                return true;
            }
        }
        return false;
    }

    private void sendInSlot(String id) {
        try {
            if (outbox.send(id) == Outcome.AXIS_UNAVAILABLE) {
                axisFailed.set(true);
            }
        } catch (RuntimeException e) {
            // The document keeps its lease and send mark; both expire and are reconciled as after a crash.
            LOG.log(Level.WARNING, "Sending document " + id + " failed unexpectedly; it is retried after its lease", e);
        } finally {
            slots.giveBack(endpoint);
        }
    }

    /** Half-open: one document, sent on this thread (in a slot), so the next step depends on its outcome. */
    private Outcome trial(String avoid) throws InterruptedException {
        List<String> one = outbox.claim(1, avoid);
        if (one.isEmpty()) {
            return Outcome.SKIPPED;
        }
        if (!takeSlot()) {
            outbox.release(one);
            return Outcome.SKIPPED;
        }
        try {
            return outbox.send(one.get(0));
        } finally {
            slots.giveBack(endpoint);
        }
    }
}
