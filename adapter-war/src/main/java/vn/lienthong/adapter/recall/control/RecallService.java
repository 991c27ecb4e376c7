package vn.lienthong.adapter.recall.control;

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

import vn.lienthong.adapter.audit.control.AuditLog;
import vn.lienthong.adapter.intake.control.SubmissionService;
import vn.lienthong.adapter.vocabulary.Rejection;
import vn.lienthong.adapter.platform.time.VietnamTime;
import vn.lienthong.adapter.security.entity.CallerIdentity;
import vn.lienthong.adapter.tracking.entity.Document;

/**
 * Recalls a document we sent. Before it left the adapter the recall is local: the document is marked RECALLED and
 * never sent. Once it may have reached the axis, the recall is queued: status 13 and a business-type-1 package
 * go to every recipient as soon as the original is known to be on the axis, and their 15/16 answers are tracked.
 *
 * <p>Both outcomes are decided by one conditional UPDATE that races fairly with the outbox's claim of the same
 * row (also a conditional UPDATE): exactly one of them wins, on H2 and on PostgreSQL alike.
 */
@Stateless
public class RecallService {

    public enum Outcome { CANCELLED_LOCALLY, RECALL_QUEUED }

    @PersistenceContext(unitName = "lienthong")
    EntityManager em;
    @Inject
    SubmissionService submissions;
    @Inject
    AuditLog audit;

    public Outcome recall(CallerIdentity caller, String fromOrganId, String documentId, String reason) {
        submissions.authorize(caller, "RecallDocument", "fromOrganId", fromOrganId);
        if (reason == null || reason.isBlank()) {
            throw Rejection.missing("reason");
        }
        Document original = em.createQuery("SELECT d FROM Document d WHERE d.direction = :out"
                        + " AND d.senderOrganId = :s AND d.documentId = :id AND d.messageType = 'EDOC'"
                        + " AND d.businessType = 0", Document.class)
                .setParameter("out", Document.Direction.OUT).setParameter("s", fromOrganId)
                .setParameter("id", documentId).getResultList().stream().findFirst()
                .orElseThrow(() -> new Rejection("M.documentId", "documentId",
                        "No document " + documentId + " was sent by " + fromOrganId));
        Outcome outcome = decide(original.getId(), reason.length() > 1000 ? reason.substring(0, 1000) : reason);
        audit.recordWithCaller(caller.username(), "RECALL", fromOrganId, outcome.name(), null, documentId);
        return outcome;
    }

    /** Takes the local path if the outbox has not claimed the document; otherwise queues the recall. */
    public Outcome decide(String documentKey, String reason) {
        var now = VietnamTime.now();
        int cancelled = em.createNativeQuery("UPDATE document SET state = 'RECALLED',"
                        + " recall_state = 'CANCELLED_LOCALLY', recall_reason = ?1, recall_requested_at = ?2,"
                        + " updated_at = ?2, version = version + 1 WHERE id = ?3 AND state = 'QUEUED'"
                        + " AND recall_state IS NULL AND send_started_at IS NULL"
                        + " AND (lease_until IS NULL OR lease_until < CURRENT_TIMESTAMP)")
                .setParameter(1, reason).setParameter(2, now).setParameter(3, documentKey).executeUpdate();
        if (cancelled == 1) {
            return Outcome.CANCELLED_LOCALLY;
        }
        em.createNativeQuery("UPDATE document SET recall_state = 'REQUESTED', recall_reason = ?1,"
                        + " recall_requested_at = ?2, version = version + 1 WHERE id = ?3 AND recall_state IS NULL")
                .setParameter(1, reason).setParameter(2, now).setParameter(3, documentKey).executeUpdate();
        Object state = em.createNativeQuery("SELECT recall_state FROM document WHERE id = ?1")
                .setParameter(1, documentKey).getSingleResult();
        return "CANCELLED_LOCALLY".equals(state) ? Outcome.CANCELLED_LOCALLY : Outcome.RECALL_QUEUED;
    }
}
