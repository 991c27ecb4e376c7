package vn.lienthong.adapter.reception.control;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.Set;

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

import vn.lienthong.adapter.vocabulary.Rejection;
import vn.lienthong.adapter.packaging.control.PackageBuilder;
import vn.lienthong.adapter.platform.time.VietnamTime;
import vn.lienthong.adapter.tracking.control.AttachmentStorage;
import vn.lienthong.adapter.tracking.entity.Document;
import vn.lienthong.adapter.tracking.entity.Recipient;
import vn.lienthong.adapter.tracking.entity.StatusEvent;
import vn.lienthong.edxml.model.Organization;
import vn.lienthong.edxml.model.ResponseFor;
import vn.lienthong.edxml.model.StaffInfo;
import vn.lienthong.edxml.model.StatusPackage;

/**
 * Sends a business status about a document we received back to its sender: checks the rules of who may send
 * which code, writes and signs the status package, and queues it in the outbox — in the caller's transaction,
 * so the status is never lost once the caller got its answer.
 */
@Stateless
public class StatusReporting {

    /** Codes a recipient may report. 13 is the sender's take-back request and goes the other way. */
    private static final Set<String> RECIPIENT_CODES = Set.of("01", "02", "03", "04", "05", "06", "15", "16");

    @PersistenceContext(unitName = "lienthong")
    EntityManager em;
    @Inject
    PackageBuilder packages;
    @Inject
    AttachmentStorage storage;

    /**
     * Reports a status as {@code organId} about the document {@code documentId} it received from
     * {@code senderOrganId}; refused when no such document was addressed to that organisation.
     */
    public Document reportFor(String organId, String senderOrganId, String documentId, String code,
            String description, String staff) {
        Document received = em.createQuery("SELECT DISTINCT d FROM Document d JOIN d.recipients r"
                        + " WHERE d.direction = :in AND d.senderOrganId = :s AND d.documentId = :id"
                        + " AND d.messageType = 'EDOC' AND r.organId = :organ ORDER BY d.createdAt DESC", Document.class)
                .setParameter("in", Document.Direction.IN).setParameter("s", senderOrganId)
                .setParameter("id", documentId).setParameter("organ", organId)
                .setMaxResults(1).getResultList().stream().findFirst()
                .orElseThrow(() -> new Rejection("M.documentId", "documentId",
                        "No document " + documentId + " from " + senderOrganId + " was received for " + organId));
        return report(received, organId, code, description, staff);
    }

    /**
     * Reports {@code code} for the incoming document {@code received}, as {@code reporterOrganId} (one of its
     * recipients served here).
     */
    public Document report(Document received, String reporterOrganId, String code, String description,
            String staff) {
        String normalised = code != null && code.length() == 1 ? "0" + code : code;
        if (normalised == null || !RECIPIENT_CODES.contains(normalised)) {
            throw Rejection.invalid("statusCode", "Status code must be one of 01-06, 15, 16");
        }
        if ("02".equals(normalised) && (description == null || description.isBlank())) {
            throw Rejection.missing("description");
        }
        if (("15".equals(normalised) || "16".equals(normalised)) && !hasOpenChangeRequest(received)) {
            throw Rejection.invalid("statusCode",
                    "15 and 16 answer a recall, take-back or update request; there is none for this document");
        }
        var now = VietnamTime.now();
        StatusPackage pkg = new StatusPackage(
                Organization.of(reporterOrganId, null),
                new ResponseFor(received.getSenderOrganId(), codeOf(received), received.getDocumentId(),
                        received.getPromulgationDate()),
                new StaffInfo(null, null, staff, null, null, null),
                normalised, description, LocalDateTime.now(VietnamTime.ZONE).withNano(0));
        Document status = queue(pkg, received.getDocumentId(), received.getSenderOrganId(), now);
        status.relatesTo(received.getId());
        em.persist(new StatusEvent(received, reporterOrganId, normalised, description, staff, now, now));
        return status;
    }

    /**
     * Writes and signs {@code pkg}, and puts it in the outbox addressed to {@code addressee} (the organisation the
     * axis routes it to by ResponseFor), within the caller's transaction.
     */
    public Document queue(StatusPackage pkg, String documentId, String addressee, java.time.OffsetDateTime now) {
        Document status = Document.outgoingStatus(documentId, pkg.from().organId(), pkg.statusCode(),
                pkg.description(), now);
        status.addRecipient(new Recipient(addressee, null));
        try {
            var built = packages.buildStatus(status.getId(), pkg);
            storage.removeOnRollback(storage.resolve(built.relativePath()));
            status.packaged(built.relativePath(), built.sha256(), now);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write the status package", e);
        }
        em.persist(status);
        return status;
    }

    private boolean hasOpenChangeRequest(Document received) {
        Long changes = em.createQuery("SELECT COUNT(d) FROM Document d WHERE d.direction = :in"
                        + " AND d.senderOrganId = :sender AND d.documentId = :id AND d.businessType IN (1, 2)",
                        Long.class)
                .setParameter("in", Document.Direction.IN)
                .setParameter("sender", received.getSenderOrganId())
                .setParameter("id", received.getDocumentId())
                .getSingleResult();
        Long takeBacks = em.createQuery("SELECT COUNT(s) FROM StatusEvent s WHERE s.document = :doc"
                        + " AND s.statusCode = '13'", Long.class)
                .setParameter("doc", received).getSingleResult();
        return changes + takeBacks > 0;
    }

    private static String codeOf(Document d) {
        if (d.getCodeNumber() == null) {
            return d.getCodeNotation();
        }
        return d.getCodeNotation() == null ? d.getCodeNumber() : d.getCodeNumber() + "/" + d.getCodeNotation();
    }

}
