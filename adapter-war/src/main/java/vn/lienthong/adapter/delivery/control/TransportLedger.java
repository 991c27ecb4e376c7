package vn.lienthong.adapter.delivery.control;

import java.util.UUID;
import java.util.logging.Logger;

import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

import vn.lienthong.adapter.configuration.AdapterSettings;
import vn.lienthong.adapter.platform.time.VietnamTime;
import vn.lienthong.adapter.tracking.entity.Document;
import vn.lienthong.adapter.tracking.entity.DocumentState;
import vn.lienthong.adapter.tracking.entity.TransportAttempt;

/**
 * Records each step of a transport attempt in a short transaction of its own, so what is committed always
 * tells the truth about the HTTP call in between: "about to send", then "sent" or "failed".
 */
@Stateless
public class TransportLedger {

    private static final Logger LOG = Logger.getLogger(TransportLedger.class.getName());

    @PersistenceContext(unitName = "lienthong")
    EntityManager em;
    @Inject
    AdapterSettings settings;
    @Inject
    SharedAxisBreaker breaker;

    /**
     * Marks the send as started if {@code node} still holds its lease, and renews the lease so it covers the whole
     * axis call from now (a document claimed in a batch may have waited for a send slot). From this commit on, a
     * crash leaves the document "in doubt" and the next claimer asks the axis before sending again.
     */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public boolean started(String id, String node) {
        // One conditional update (lease still ours, still queued) instead of renew + read + write.
        return new OutboxClaims(em).startSend(id, node, settings.outboxLease(), VietnamTime.now());
    }

    /**
     * The axis has the package under {@code axisDocId}; {@code how} says how we learned it when unusual. The axis
     * answered, so the breaker learns it in the same transaction ({@link SharedAxisBreaker#sendSucceeded}).
     * {@code documentId} (the DocumentId, for the log) may be null.
     */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public void sent(String id, String documentId, String node, String axisDocId, String how) {
        if (breaker != null) { // null where tests build a ledger by hand
            breaker.sendSucceeded();
        }
        var now = VietnamTime.now();
        String detail = "axis DocId " + axisDocId + " by " + node + (how == null ? "" : " (" + how + ")");
        // The usual case (still queued, lease still ours) in two statements, without loading the document: what
        // Document.sent does, as one conditional update, and the attempt of the history.
        if (em.createNativeQuery("UPDATE document SET lease_owner = NULL, lease_until = NULL, send_started_at = NULL,"
                        + " state = 'SENT', axis_doc_id = ?1, attempts = attempts + 1, next_attempt_at = NULL,"
                        + " last_error = NULL, updated_at = ?2, version = version + 1"
                        + " WHERE id = ?3 AND state = 'QUEUED' AND lease_owner = ?4")
                .setParameter(1, axisDocId).setParameter(2, now).setParameter(3, id).setParameter(4, node)
                .executeUpdate() == 1) {
            em.createNativeQuery("INSERT INTO transport_attempt (id, attempted_at, outcome, detail, document_ref)"
                            + " VALUES (?1, ?2, ?3, ?4, ?5)")
                    .setParameter(1, UUID.randomUUID().toString()).setParameter(2, now)
                    .setParameter(3, TransportAttempt.Outcome.SENT.name()).setParameter(4, detail)
                    .setParameter(5, id).executeUpdate();
            LOG.info(() -> "Sent " + (documentId == null ? id : documentId) + " to the axis as " + axisDocId
                    + (how == null ? "" : ", " + how));
            return;
        }
        Document d = em.find(Document.class, id);
        if (d.getState() == DocumentState.SENT) {
            // Only possible when our lease expired during the call and another node sent it as well.
            LOG.severe(() -> "ALERT: document " + d.getDocumentId() + " was sent twice (axis ids " + d.getAxisDocId()
                    + " and " + axisDocId + "); the outbox lease is shorter than an axis call");
            em.persist(new TransportAttempt(d, now, TransportAttempt.Outcome.SENT,
                    "duplicate, axis DocId " + axisDocId + " by " + node));
            return;
        }
        if (!node.equals(d.getLeaseOwner())) {
            LOG.warning(() -> "Lease on " + d.getDocumentId() + " was lost while sending; recording the outcome");
        }
        d.sent(axisDocId, now);
        // The node is named so the history shows who sent it (several nodes, takeovers).
        em.persist(new TransportAttempt(d, now, TransportAttempt.Outcome.SENT, detail));
        LOG.info(() -> "Sent " + d.getDocumentId() + " to the axis as " + axisDocId + (how == null ? "" : ", " + how));
    }

    /**
     * The axis, not the document, failed (transport, 5xx, timeout, our credentials refused). The document stays due;
     * no attempt is counted and no maximum age judged: the breaker holds the whole outbox until the axis answers.
     */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public void axisUnavailable(String id, String node, String error, boolean inDoubt) {
        Document d = em.find(Document.class, id);
        if (d.getState() != DocumentState.QUEUED) {
            return;
        }
        var now = VietnamTime.now();
        String detail = "axis unavailable: " + (error == null ? "" : error.length() > 880 ? error.substring(0, 880)
                : error);
        if (!node.equals(d.getLeaseOwner())) {
            em.persist(new TransportAttempt(d, now, TransportAttempt.Outcome.RETRY,
                    "lease lost by " + node + ": " + detail));
            return;
        }
        if (!inDoubt) {
            d.sendSettled();
        }
        // Due at once, also after a failed trial send: the breaker gates it, and when the axis is back the
        // claim order (urgent first) must decide, not whose wait happens to run out first.
        d.axisUnavailable(detail, now, now);
        em.persist(new TransportAttempt(d, now, TransportAttempt.Outcome.RETRY, detail));
    }

    /**
     * A failed attempt. {@code permanent}: the axis refused the package, retrying cannot help. {@code inDoubt}: the
     * axis may have received it anyway (timeout, 5xx, broken connection), so the next attempt asks first.
     */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public void failed(String id, String node, String error, boolean permanent, boolean inDoubt) {
        Document d = em.find(Document.class, id);
        if (d.getState() != DocumentState.QUEUED) {
            return; // another node settled it meanwhile (our lease had expired): its outcome stands
        }
        var now = VietnamTime.now();
        String detail = error == null ? null : (error.length() > 900 ? error.substring(0, 900) : error);
        if (!node.equals(d.getLeaseOwner())) {
            // Our lease expired during the call and another node owns the document now: keep the history, but
            // leave its lease, schedule and in-doubt mark alone.
            em.persist(new TransportAttempt(d, now, TransportAttempt.Outcome.RETRY,
                    "lease lost by " + node + ": " + detail));
            return;
        }
        RetryPolicy policy = RetryPolicy.withMaxAge(settings.outboxMaxAge());
        if (!inDoubt) {
            d.sendSettled();
        }
        if (permanent || policy.tooOld(d.getQueuedAt(), now)) {
            d.dead(detail, now);
            em.persist(new TransportAttempt(d, now, TransportAttempt.Outcome.REJECTED, detail));
            String why = permanent ? "refused by the axis" : "still failing after the maximum age " + policy.maxAge();
            LOG.severe(() -> "ALERT: document " + d.getDocumentId() + " (" + d.getId() + ") is DEAD after "
                    + d.getAttempts() + " attempts, " + why + ": " + detail + " — an operator may re-queue it"
                    + " (POST /admin/outbox/" + d.getId() + "/requeue)");
        } else {
            d.failedAttempt(detail, now.plus(policy.delayAfter(d.getAttempts())), now);
            em.persist(new TransportAttempt(d, now, TransportAttempt.Outcome.RETRY, detail));
            LOG.warning(() -> "Sending " + d.getDocumentId() + " failed (attempt " + d.getAttempts() + "): " + detail);
        }
    }
}
