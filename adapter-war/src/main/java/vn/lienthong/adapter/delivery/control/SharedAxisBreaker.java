package vn.lienthong.adapter.delivery.control;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.logging.Logger;

import jakarta.annotation.PostConstruct;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

import vn.lienthong.adapter.configuration.AdapterSettings;
import vn.lienthong.adapter.delivery.control.BreakerState.Phase;

/**
 * The {@link AxisBreaker} of the configured axis endpoint, kept in the database so all nodes share it: one
 * node's failure stops every node's sending, one node probes at a time, and a node started during an outage
 * knows about it. Each method is one short transaction on the database clock.
 */
@Stateless
public class SharedAxisBreaker {

    private static final Logger LOG = Logger.getLogger(SharedAxisBreaker.class.getName());

    /** What the outbox worker may do now. */
    public enum Gate { SEND, PROBE, WAIT }

    /**
     * The gate; {@code trial}: the breaker is half-open, so one document at a time is tried until a send closes it;
     * {@code avoid}: the document such a trial should avoid if others wait (else null).
     */
    public record Decision(Gate gate, String avoid, boolean trial) {
        static final Decision SEND = new Decision(Gate.SEND, null, false);
        static final Decision PROBE = new Decision(Gate.PROBE, null, false);
        static final Decision WAIT = new Decision(Gate.WAIT, null, false);
    }

    @PersistenceContext(unitName = "lienthong")
    EntityManager em;
    @Inject
    AdapterSettings settings;

    private AxisBreaker breaker;

    @PostConstruct
    void init() {
        breaker = AxisBreaker.of(settings.outboxProbeMin(), settings.outboxProbeMax(), settings.outboxOutageAlert());
    }

    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public Decision gate() {
        BreakerTable table = table();
        OffsetDateTime now = now();
        BreakerState s = table.read();
        if (s.sendingAllowed()) {
            return send(s);
        }
        if (!s.probeDue(now)) {
            return Decision.WAIT;
        }
        s = table.lock(now);
        if (s.sendingAllowed()) {
            return send(s);
        }
        if (!s.probeDue(now)) {
            return Decision.WAIT; // another node took this probe
        }
        table.write(breaker.probeTaken(s, now), now);
        return Decision.PROBE;
    }

    private Decision send(BreakerState s) {
        return s.phase() == Phase.HALF_OPEN ? new Decision(Gate.SEND, breaker.trialAvoids(s), true) : Decision.SEND;
    }

    /**
     * Sending document {@code documentId} (its {@code document.id}) failed with an axis failure. Answers true when
     * the axis is to blame (the breaker is now open), false when the document is: it failed the same way before and
     * the axis has accepted other documents since (see {@link AxisBreaker#blamesDocument}).
     */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public boolean axisFailed(String error, String documentId) {
        OffsetDateTime now = now();
        BreakerTable table = table();
        BreakerState before = table.lock(now);
        if (breaker.blamesDocument(before, documentId)) {
            return false;
        }
        BreakerState after = breaker.axisFailed(before, now, error, documentId);
        if (before.phase() == Phase.CLOSED) {
            LOG.warning(() -> "Axis " + settings.axisEndpoint() + " unavailable (" + error + "): outbox paused,"
                    + " probing from " + after.nextProbeAt());
        } else if (before.phase() == Phase.HALF_OPEN) {
            LOG.warning(() -> "Axis " + settings.axisEndpoint() + " answers probes but sending still fails ("
                    + error + "); next probe at " + after.nextProbeAt());
        }
        table.write(alertIfDue(after, now), now);
        return true;
    }

    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public void probeFailed(String error) {
        OffsetDateTime now = now();
        BreakerTable table = table();
        BreakerState after = breaker.probeFailed(table.lock(now), now, error);
        LOG.fine(() -> "Axis probe failed (" + error + "); next at " + after.nextProbeAt());
        table.write(alertIfDue(after, now), now);
    }

    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public void probeSucceeded() {
        OffsetDateTime now = now();
        BreakerTable table = table();
        BreakerState before = table.lock(now);
        if (before.phase() == Phase.OPEN) {
            LOG.info(() -> "Axis " + settings.axisEndpoint() + " answers again; trying documents");
            table.write(breaker.probeSucceeded(before), now);
        }
    }

    /**
     * The axis accepted a document (or answered the look-up after an interrupted send). Cheap when the breaker is
     * closed (one read); otherwise closes it and makes every document that waited for the axis due at once. In the
     * caller's transaction when there is one (the send's outcome commits with it), else in its own.
     */
    @TransactionAttribute(TransactionAttributeType.REQUIRED)
    public void sendSucceeded() {
        BreakerTable table = table();
        if (table.read().phase() == Phase.CLOSED) {
            return;
        }
        OffsetDateTime now = now();
        BreakerState before = table.lock(now);
        if (before.phase() == Phase.CLOSED) {
            return;
        }
        table.write(breaker.sendSucceeded(before), now);
        int due = table.releaseDeferred(now);
        Duration outage = before.openedAt() == null ? Duration.ZERO : Duration.between(before.openedAt(), now);
        String message = "Axis " + settings.axisEndpoint() + " available again after " + outage.toSeconds()
                + " s; " + due + " waiting documents are due now, urgent first";
        if (before.alerted()) {
            LOG.warning(() -> "RESOLVED: " + message);
        } else {
            LOG.info(message);
        }
    }

    private BreakerState alertIfDue(BreakerState s, OffsetDateTime now) {
        if (!breaker.alertDue(s, now)) {
            return s;
        }
        LOG.severe(() -> "ALERT: the axis " + settings.axisEndpoint() + " has been unavailable since "
                + s.openedAt() + " (at least " + settings.outboxOutageAlert().toMinutes() + " min); documents wait"
                + " in the outbox and are sent, urgent first, once it answers. Last error: " + s.lastError());
        return breaker.alertRaised(s);
    }

    private BreakerTable table() {
        return new BreakerTable(em, settings.axisEndpoint().toString());
    }

    private OffsetDateTime now() {
        return new OutboxClaims(em).databaseNow();
    }
}
