package vn.lienthong.adapter.legacy.control;

import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;

import vn.lienthong.adapter.legacy.entity.LegacyCounter;

/** Reserves a block of old-protocol numbers from the counter row, committed at once ({@link LegacyNumberBlock}). */
@Stateless
public class LegacyNumberReservations {

    @PersistenceContext(unitName = "lienthong")
    EntityManager em;

    /**
     * The first of {@code count} consecutive numbers no one else gets: the counter row locked and advanced in a
     * transaction of its own, so that a request rolled back later never gives its block back to another node.
     */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public long reserve(int count) {
        return em.find(LegacyCounter.class, "document", LockModeType.PESSIMISTIC_WRITE).take(count);
    }
}
