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
    public Gate gate() {
        BreakerTable table = table();
        OffsetDateTime now = now();
        BreakerState s = table.read();
        if (s.sendingAllowed()) {
            return Gate.SEND;
        }
        if (!s.probeDue(now)) {
            return Gate.WAIT;
        }
        s = table.lock(now);
        if (s.sendingAllowed()) {
            return Gate.SEND;
        }
        if (!s.probeDue(now)) {
            return Gate.WAIT; // another node took this probe
        }
        table.write(breaker.probeTaken(s, now), now);
        return Gate.PROBE;
    }

    /** A document send failed because of the axis; answers the phase before, so a failed trial is recognised. */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public Phase axisFailed(String error) {
        OffsetDateTime now = now();
        BreakerTable table = table();
        BreakerState before = table.lock(now);
        BreakerState after = breaker.axisFailed(before, now, error);
        if (before.phase() == Phase.CLOSED) {
            LOG.warning(() -> "Axis " + settings.axisEndpoint() + " unavailable (" + error + "): outbox paused,"
                    + " probing from " + after.nextProbeAt());
        } else if (before.phase() == Phase.HALF_OPEN) {
            LOG.warning(() -> "Axis " + settings.axisEndpoint() + " answers probes but sending still fails ("
                    + error + "); next probe at " + after.nextProbeAt());
        }
        table.write(alertIfDue(after, now), now);
        return before.phase();
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
     * closed (one read); otherwise closes it and makes every document that waited for the axis due at once.
     */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
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
