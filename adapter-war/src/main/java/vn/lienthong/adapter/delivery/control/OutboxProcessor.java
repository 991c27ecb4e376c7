package vn.lienthong.adapter.delivery.control;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.logging.Logger;

import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

import vn.lienthong.adapter.configuration.AdapterSettings;
import vn.lienthong.adapter.tracking.entity.Document;
import vn.lienthong.adapter.tracking.entity.DocumentState;
import vn.lienthong.adapter.tracking.entity.Recipient;
import vn.lienthong.axis.client.AxisException;
import vn.lienthong.axis.client.AxisTransportException;
import vn.lienthong.axis.client.MessageType;

/**
 * Sends one claimed document to the axis and records the outcome. The HTTP call happens outside any database
 * transaction; before and after it, {@link TransportLedger} commits what is known. Called by several sender
 * threads at once (see {@link ParallelOutbox}), each with a document of its own.
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

    /** How a send ended, as far as the worker cares. */
    public enum Outcome { SENT, DOCUMENT_FAILED, AXIS_UNAVAILABLE, SKIPPED }

    /**
     * Claims up to {@code max} of the most urgent due documents for this node in one transaction (one commit for the
     * batch), passing over {@code avoid} (may be null) when another one is due.
     */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public List<OutboxClaims.Claimed> claimBatch(int max, String avoid) {
        return new OutboxClaims(em).claimBatch(settings.nodeId(), settings.outboxLease(), max, avoid);
    }

    /** Gives back this node's leases on claimed documents whose send has not started. */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public void release(List<String> ids) {
        new OutboxClaims(em).release(ids, settings.nodeId());
    }

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

    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    public Outcome send(String id) {
        String node = settings.nodeId();
        Document d = em.find(Document.class, id);
        if (d == null || d.getState() != DocumentState.QUEUED) {
            return Outcome.SKIPPED;
        }
        // An earlier send's outcome is unknown: whatever happens now, the mark must stay until the axis tells.
        boolean alreadyInDoubt = d.getSendStartedAt() != null;
        try {
            if (d.getSendStartedAt() != null && !d.isStatus()) {
                Optional<String> earlier = earlierSubmission(d);
                if (earlier.isPresent()) {
                    ledger.sent(id, d.getDocumentId(), node, earlier.get(),
                            "found on the axis after an interrupted send");
                    return Outcome.SENT;
                }
            }
            if (!ledger.started(id, node)) {
                LOG.warning(() -> "Lease on " + d.getDocumentId() + " expired before sending; another node takes it");
                return Outcome.SKIPPED;
            }
            List<String> to = d.getRecipients().stream().map(Recipient::getOrganId).toList();
            Path file = settings.dataDir().resolve(Path.of(d.getPackagePath()));
            String axisDocId = d.isStatus()
                    ? axis.sendStatus(d.getSenderOrganId(), to, file)
                    : axis.sendDocument(d.getSenderOrganId(), to, file);
            ledger.sent(id, d.getDocumentId(), node, axisDocId, null); // tells the breaker too
            return Outcome.SENT;
        } catch (AxisException e) {
            if (AxisBreaker.isAxisFailure(e)) {
                // First the breaker (stops every node's sending), then the document; a crash in between leaves
                // the lease and send mark, which expire and are reconciled as after any crash.
                boolean inDoubt = alreadyInDoubt || e instanceof AxisTransportException;
                // The document is named in the breaker's error, so an outage ALERT shows which package was tried.
                if (breaker.axisFailed(d.getDocumentId() + ": " + e.getMessage(), id)) {
                    ledger.axisUnavailable(id, node, e.getMessage(), inDoubt);
                    return Outcome.AXIS_UNAVAILABLE;
                }
                LOG.warning(() -> d.getDocumentId() + " failed again although the axis accepted other documents"
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
     * A status package is never looked up: the axis list cannot tell two statuses apart, and sending a status
     * twice is harmless while losing one is not.
     */
    private Optional<String> earlierSubmission(Document d) throws AxisException {
        return SendReconciler.earlierSubmission(axis.sent(MessageType.EDOC), "edoc", d.getSenderOrganId(),
                d.getSubject(), this::recorded);
    }

    private boolean recorded(String axisDocId) {
        return !em.createQuery("SELECT d.id FROM Document d WHERE d.axisDocId = :axisDocId", String.class)
                .setParameter("axisDocId", axisDocId).setMaxResults(1).getResultList().isEmpty();
    }
}
