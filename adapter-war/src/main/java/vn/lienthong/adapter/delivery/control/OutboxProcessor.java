package vn.lienthong.adapter.delivery.control;

import java.nio.file.Path;
import java.util.Optional;
import java.util.logging.Logger;

import javax.sql.DataSource;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

import vn.lienthong.adapter.configuration.AdapterSettings;
import vn.lienthong.adapter.platform.store.SchemaMigrations;
import vn.lienthong.adapter.platform.time.VietnamTime;
import vn.lienthong.axis.client.AxisException;
import vn.lienthong.axis.client.AxisTransportException;
import vn.lienthong.axis.client.MessageType;

/**
 * Sends one claimed document to the axis and records the outcome. The HTTP call happens outside any database
 * transaction; before and after it, what is known is committed: in the usual case by {@link DirectLedger} (plain
 * JDBC, no container transaction), otherwise by {@link TransportLedger}. Called by several sender threads at once
 * (see {@link ParallelOutbox}), each with a document of its own.
 */
@Stateless
public class OutboxProcessor {

    private static final Logger LOG = Logger.getLogger(OutboxProcessor.class.getName());

    @PersistenceContext(unitName = "lienthong")
    EntityManager em;
    @Inject
    AxisGateway axis;
    @Inject
    AdapterSettings settings;
    @Inject
    TransportLedger ledger;
    @Inject
    SharedAxisBreaker breaker;
    @Resource(lookup = SchemaMigrations.DATASOURCE)
    DataSource dataSource;

    private DirectLedger direct;

    @PostConstruct
    void init() {
        direct = new DirectLedger(dataSource);
    }

    /** How a send ended, as far as the worker cares. */
    public enum Outcome { SENT, DOCUMENT_FAILED, AXIS_UNAVAILABLE, SKIPPED }

    /**
     * Probes the axis for the breaker; true when it answered. A business refusal of the probe still proves that
     * network, server and our credentials work.
     */
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    public boolean probe() {
        try {
            axis.probe();
        } catch (AxisException e) {
            if (AxisBreaker.isAxisFailure(e)) {
                breaker.probeFailed(e.getMessage());
                return false;
            }
        } catch (RuntimeException e) {
            breaker.probeFailed(e.getClass().getSimpleName() + ": " + e.getMessage());
            return false;
        }
        breaker.probeSucceeded();
        return true;
    }

    /** Runs without a transaction: the connections {@link DirectLedger} takes from the pool are its own. */
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    public Outcome send(String id) {
        String node = settings.nodeId();
        DirectLedger.Outgoing d = direct.read(id).orElse(null);
        if (d == null || !d.queued()) {
            return Outcome.SKIPPED;
        }
        // An earlier send's outcome is unknown: whatever happens now, the mark must stay until the axis tells.
        boolean alreadyInDoubt = d.inDoubt();
        try {
            if (alreadyInDoubt && !d.status()) {
                Optional<String> earlier = earlierSubmission(d);
                if (earlier.isPresent()) {
                    ledger.sent(id, d.documentId(), node, earlier.get(),
                            "found on the axis after an interrupted send");
                    return Outcome.SENT;
                }
            }
            // Committed before the call: from here a crash leaves the document in doubt (see TransportLedger.started).
            if (!direct.startSend(id, node, settings.outboxLease(), VietnamTime.now())) {
                LOG.warning(() -> "Lease on " + d.documentId() + " expired before sending; another node takes it");
                return Outcome.SKIPPED;
            }
            Path file = settings.dataDir().resolve(Path.of(d.packagePath()));
            String axisDocId = d.status()
                    ? axis.sendStatus(d.senderOrganId(), d.recipients(), file)
                    : axis.sendDocument(d.senderOrganId(), d.recipients(), file);
            recordSent(id, d.documentId(), node, axisDocId);
            return Outcome.SENT;
        } catch (AxisException e) {
            if (AxisBreaker.isAxisFailure(e)) {
                // First the breaker (stops every node's sending), then the document; a crash in between leaves
                // the lease and send mark, which expire and are reconciled as after any crash.
                boolean inDoubt = alreadyInDoubt || e instanceof AxisTransportException;
                // The document is named in the breaker's error, so an outage ALERT shows which package was tried.
                if (breaker.axisFailed(d.documentId() + ": " + e.getMessage(), id)) {
                    ledger.axisUnavailable(id, node, e.getMessage(), inDoubt);
                    return Outcome.AXIS_UNAVAILABLE;
                }
                LOG.warning(() -> d.documentId() + " failed again although the axis accepted other documents"
                        + " meanwhile: its own backoff and maximum age apply");
                ledger.failed(id, node, e.getMessage(), false, inDoubt);
                return Outcome.DOCUMENT_FAILED;
            }
            // The axis answered and refused this package (FAIL with a business code): the document's own matter.
            ledger.failed(id, node, e.getMessage(), !e.isRetryable(), alreadyInDoubt);
            return Outcome.DOCUMENT_FAILED;
        } catch (RuntimeException e) {
            // Configuration or local I/O problem: keep the document queued and say why in its history. Counted
            // as in doubt because we cannot tell how far the call got.
            ledger.failed(id, node, e.getClass().getSimpleName() + ": " + e.getMessage(), false, true);
            return Outcome.DOCUMENT_FAILED;
        }
    }

    /**
     * The usual outcome (breaker closed, lease still ours) in one local transaction without the container; any
     * other case through {@link TransportLedger#sent}, which also closes the breaker in the same commit.
     */
    private void recordSent(String id, String documentId, String node, String axisDocId) {
        String detail = "axis DocId " + axisDocId + " by " + node;
        if (direct.sent(id, node, settings.axisEndpoint().toString(), axisDocId, detail, VietnamTime.now())) {
            LOG.info(() -> "Sent " + documentId + " to the axis as " + axisDocId);
        } else {
            ledger.sent(id, documentId, node, axisDocId, null); // tells the breaker too
        }
    }

    /**
     * A status package is never looked up: the axis list cannot tell two statuses apart, and sending a status
     * twice is harmless while losing one is not.
     */
    private Optional<String> earlierSubmission(DirectLedger.Outgoing d) throws AxisException {
        return SendReconciler.earlierSubmission(axis.sent(MessageType.EDOC), "edoc", d.senderOrganId(),
                d.subject(), this::recorded);
    }

    private boolean recorded(String axisDocId) {
        return !em.createQuery("SELECT d.id FROM Document d WHERE d.axisDocId = :axisDocId", String.class)
                .setParameter("axisDocId", axisDocId).setMaxResults(1).getResultList().isEmpty();
    }
}
