package vn.lienthong.adapter.tracking.control;

import java.util.Optional;

import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

import vn.lienthong.adapter.tracking.entity.Document;
import vn.lienthong.adapter.tracking.entity.StatusEvent;
import vn.lienthong.adapter.tracking.entity.TransportAttempt;

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

    /** Whether {@link #outgoing} would find a document: one index look-up, no entity or recipients loaded. */
    public boolean outgoingExists(String senderOrganId, String documentId) {
        return !em.createQuery("SELECT d.id FROM Document d WHERE d.direction = :direction"
                        + " AND d.senderOrganId = :sender AND d.documentId = :documentId AND d.messageType = 'EDOC'"
                        + " AND d.businessType = 0", String.class)
                .setParameter("direction", Document.Direction.OUT)
                .setParameter("sender", senderOrganId)
                .setParameter("documentId", documentId)
                .setMaxResults(1).getResultList().isEmpty();
    }

    /** A document we received, by its sender and DocumentId (the newest if it came in several versions). */
    public Optional<Document> incoming(String senderOrganId, String documentId) {
        return em.createQuery("SELECT d FROM Document d WHERE d.direction = :dir AND d.senderOrganId = :s"
                        + " AND d.documentId = :id AND d.messageType = 'EDOC' ORDER BY d.createdAt DESC", Document.class)
                .setParameter("dir", Document.Direction.IN).setParameter("s", senderOrganId)
                .setParameter("id", documentId).setMaxResults(1).getResultList().stream().findFirst()
                .map(d -> {
                    d.getRecipients().size();
                    return d;
                });
    }

    /** One line of a document's history: a transport attempt or a business status, with its time. */
    public record HistoryEntry(java.time.OffsetDateTime at, String kind, String organId, String code,
            String detail) {
    }

    /** Everything that happened to a document, oldest first: every attempt, every status of every recipient. */
    public java.util.List<HistoryEntry> history(Document d) {
        java.util.List<HistoryEntry> entries = new java.util.ArrayList<>();
        entries.add(new HistoryEntry(d.getCreatedAt(), "ACCEPTED", d.getSenderOrganId(), null,
                d.getDirection() == Document.Direction.OUT ? "submitted by " + d.getSubmittedBy() : "received"));
        em.createQuery("SELECT a FROM TransportAttempt a WHERE a.document = :d", TransportAttempt.class)
                .setParameter("d", d).getResultList().forEach(a -> entries.add(new HistoryEntry(a.getAttemptedAt(),
                        "ATTEMPT", d.getSenderOrganId(), a.getOutcome(), a.getDetail())));
        em.createQuery("SELECT s FROM StatusEvent s WHERE s.document = :d", StatusEvent.class)
                .setParameter("d", d).getResultList().forEach(s -> entries.add(new HistoryEntry(s.getOccurredAt(),
                        "STATUS", s.getOrganId(), s.getStatusCode(), s.getDescription())));
        // EDXML timestamps have whole seconds: within one second, acceptance comes before attempts before
        // statuses, and statuses in code order (01 … 06).
        entries.sort(java.util.Comparator.comparing((HistoryEntry e) -> e.at().toInstant()
                        .truncatedTo(java.time.temporal.ChronoUnit.SECONDS))
                .thenComparing(e -> java.util.List.of("ACCEPTED", "ATTEMPT", "STATUS").indexOf(e.kind()))
                .thenComparing(e -> e.code() == null ? "" : e.code()));
        return entries;
    }
}
