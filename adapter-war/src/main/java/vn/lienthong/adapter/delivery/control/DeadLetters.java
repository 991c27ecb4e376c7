package vn.lienthong.adapter.delivery.control;

import java.util.List;
import java.util.Optional;
import java.util.logging.Logger;

import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

import vn.lienthong.adapter.platform.time.VietnamTime;
import vn.lienthong.adapter.tracking.entity.Document;
import vn.lienthong.adapter.tracking.entity.DocumentState;

/** The dead documents an operator looks at and may put back into the outbox. */
@Stateless
public class DeadLetters {

    private static final Logger LOG = Logger.getLogger(DeadLetters.class.getName());

    @PersistenceContext(unitName = "lienthong")
    EntityManager em;

    public List<Document> list(int max) {
        return em.createQuery("SELECT d FROM Document d WHERE d.state = :state ORDER BY d.updatedAt DESC",
                        Document.class)
                .setParameter("state", DocumentState.DEAD)
                .setMaxResults(max)
                .getResultList();
    }

    /** Re-queues a dead document (by the adapter's id); empty when there is no such dead document. */
    public Optional<Document> requeue(String id) {
        Document d = em.find(Document.class, id);
        if (d == null || d.getState() != DocumentState.DEAD) {
            return Optional.empty();
        }
        d.requeue(VietnamTime.now());
        LOG.warning(() -> "Operator re-queued dead document " + d.getDocumentId() + " (" + id + ")");
        return Optional.of(d);
    }
}
