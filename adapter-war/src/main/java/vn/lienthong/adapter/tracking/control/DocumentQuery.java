package vn.lienthong.adapter.tracking.control;

import java.util.Optional;

import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

import vn.lienthong.adapter.tracking.entity.Document;

/** Reads documents for status queries; the caller's authorization is checked by the boundary first. */
@Stateless
public class DocumentQuery {

    @PersistenceContext(unitName = "lienthong")
    EntityManager em;

    public Optional<Document> outgoing(String senderOrganId, String documentId) {
        return em.createNamedQuery(Document.BY_SENDER_AND_DOCUMENT_ID, Document.class)
                .setParameter("direction", Document.Direction.OUT)
                .setParameter("sender", senderOrganId)
                .setParameter("documentId", documentId)
                .getResultList().stream().findFirst()
                .map(d -> {
                    d.getRecipients().size(); // load while the persistence context is open
                    return d;
                });
    }
}
