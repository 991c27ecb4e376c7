package vn.lienthong.adapter.legacy.control;

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;

import vn.lienthong.adapter.legacy.entity.LegacyCounter;
import vn.lienthong.adapter.legacy.entity.LegacyNumber;
import vn.lienthong.adapter.platform.time.VietnamTime;

/**
 * Issues and resolves the numeric document ids of the old protocol, in the caller's transaction. New numbers come
 * from this node's block of the counter ({@link LegacyNumberBlock}): unique across nodes and restarts, increasing
 * on one node, with gaps (a block's unused rest when the node stops, a number whose request was rolled back).
 */
@Stateless
public class LegacyNumbers {

    @PersistenceContext(unitName = "lienthong")
    EntityManager em;
    /** Null (store tests): each number locks and advances the counter row in the caller's transaction. */
    @Inject
    LegacyNumberBlock block;

    public long forDocument(String organId, String documentRef) {
        return em.createNamedQuery(LegacyNumber.BY_DOCUMENT, LegacyNumber.class).setParameter("doc", documentRef)
                .getResultList().stream().filter(n -> n.getInboxItemRef() == null).findFirst()
                .map(LegacyNumber::getNumber).orElseGet(() -> create(organId, documentRef, null));
    }

    /** The number of a document stored in this transaction, which cannot have one yet: no look-up first. */
    public long issue(String organId, String documentRef) {
        return create(organId, documentRef, null);
    }

    public long forInboxItem(String organId, String documentRef, String itemRef) {
        return em.createNamedQuery(LegacyNumber.BY_ITEM, LegacyNumber.class).setParameter("item", itemRef)
                .getResultList().stream().findFirst()
                .map(LegacyNumber::getNumber).orElseGet(() -> create(organId, documentRef, itemRef));
    }

    /** The number only if it belongs to {@code organId}: others' numbers look exactly like unknown ones. */
    public LegacyNumber find(String organId, long number) {
        LegacyNumber n = em.find(LegacyNumber.class, number);
        return n != null && n.getOrganId().equals(organId) ? n : null;
    }

    private long create(String organId, String documentRef, String itemRef) {
        long number;
        if (block != null) {
            number = block.take(); // from this node's reserved block: no counter row locked until the commit
        } else {
            // A row lock on the counter serialises issuers on every database; no IDENTITY column needed.
            number = em.find(LegacyCounter.class, "document", LockModeType.PESSIMISTIC_WRITE).take();
        }
        em.persist(new LegacyNumber(number, organId, documentRef, itemRef, VietnamTime.now()));
        return number;
    }
}
