package vn.lienthong.adapter.delivery.control;

import java.util.logging.Logger;

import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

import vn.lienthong.adapter.platform.time.VietnamTime;
import vn.lienthong.adapter.tracking.entity.Document;
import vn.lienthong.adapter.tracking.entity.TransportAttempt;

/** Records the outcome of one transport attempt in a short transaction of its own. */
@Stateless
public class TransportLedger {

    private static final Logger LOG = Logger.getLogger(TransportLedger.class.getName());

    @PersistenceContext(unitName = "lienthong")
    EntityManager em;

    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public void record(String id, String axisDocId, String error, boolean permanent) {
        Document d = em.find(Document.class, id);
        var now = VietnamTime.now();
        String detail = error == null ? null : (error.length() > 900 ? error.substring(0, 900) : error);
        if (axisDocId != null) {
            d.sent(axisDocId, now);
            em.persist(new TransportAttempt(d, now, TransportAttempt.Outcome.SENT, "axis DocId " + axisDocId));
            LOG.info(() -> "Sent " + d.getDocumentId() + " to the axis as " + axisDocId);
        } else if (permanent || RetryPolicy.exhausted(d.getAttempts())) {
            d.dead(detail, now);
            em.persist(new TransportAttempt(d, now, TransportAttempt.Outcome.REJECTED, detail));
            LOG.severe(() -> "ALERT: document " + d.getDocumentId() + " is dead after " + d.getAttempts()
                    + " attempts: " + detail + " (an operator may re-queue it)");
        } else {
            d.failedAttempt(detail, now.plus(RetryPolicy.delayAfter(d.getAttempts())), now);
            em.persist(new TransportAttempt(d, now, TransportAttempt.Outcome.RETRY, detail));
            LOG.warning(() -> "Sending " + d.getDocumentId() + " failed (attempt " + d.getAttempts() + "): " + detail);
        }
    }
}
