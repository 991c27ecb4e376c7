package vn.lienthong.adapter.reception.control;

import java.util.List;

import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

import vn.lienthong.adapter.vocabulary.Rejection;
import vn.lienthong.adapter.platform.time.VietnamTime;
import vn.lienthong.adapter.reception.entity.InboxItem;
import vn.lienthong.adapter.tracking.entity.StatusEvent;

/**
 * What an organisation's client still has to pick up. Callers check first that the client may act for
 * {@code organId}; every method here also refuses items that belong to another organisation.
 */
@Stateless
public class Inbox {

    @PersistenceContext(unitName = "lienthong")
    EntityManager em;

    public List<InboxItem> pending(String organId, InboxItem.Kind kind) {
        List<InboxItem> items = em.createNamedQuery(InboxItem.PENDING, InboxItem.class)
                .setParameter("organ", organId).setParameter("kind", kind).getResultList();
        items.forEach(i -> i.getDocument().getAttachments().size()); // load while the context is open
        return items;
    }

    /** One item with its document (and attachments) loaded. */
    public InboxItem open(String organId, String itemId) {
        InboxItem item = em.find(InboxItem.class, itemId == null ? "" : itemId);
        if (item == null || !item.getOrganId().equals(organId)) {
            throw new Rejection("M.itemId", "itemId", "No such item for organisation " + organId);
        }
        item.getDocument().getAttachments().size();
        item.getDocument().getRecipients().size();
        return item;
    }

    /** The status event an item of kind STATUS stands for. */
    public StatusEvent statusOf(InboxItem item) {
        return item.getStatusEventRef() == null ? null : em.find(StatusEvent.class, item.getStatusEventRef());
    }

    /** Marks the item picked up; confirming twice is harmless. */
    public InboxItem confirm(String organId, String itemId) {
        InboxItem item = open(organId, itemId);
        item.confirm(VietnamTime.now());
        return item;
    }
}
