package vn.lienthong.adapter.reception.control;

import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.logging.Logger;

import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

import vn.lienthong.adapter.audit.control.AuditLog;
import vn.lienthong.adapter.configuration.AdapterSettings;
import vn.lienthong.adapter.platform.time.VietnamTime;
import vn.lienthong.adapter.reception.entity.InboxItem;
import vn.lienthong.adapter.reception.entity.ReceivedPackage;
import vn.lienthong.adapter.signatures.control.SignatureRecords;
import vn.lienthong.adapter.tracking.entity.Document;
import vn.lienthong.adapter.tracking.entity.DocumentDetails;
import vn.lienthong.adapter.tracking.entity.Recipient;
import vn.lienthong.adapter.tracking.entity.StatusEvent;
import vn.lienthong.adapter.tracking.entity.StoredAttachment;
import vn.lienthong.edxml.model.DocumentPackage;
import vn.lienthong.edxml.model.MessageHeader;
import vn.lienthong.edxml.model.StatusPackage;
import vn.lienthong.edxml.read.ReceivedAttachment;

/**
 * Files one fetched package in a single transaction: the evidence row, the document or status, the inbox items
 * of our organisations and the automatic "01 arrived" answers. A repeated delivery changes nothing.
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
public class InboundStore {

    private static final Logger LOG = Logger.getLogger(InboundStore.class.getName());

    @PersistenceContext(unitName = "lienthong")
    EntityManager em;
    @Inject
    OurOrganisations ours;
    @Inject
    StatusReporting statuses;
    @Inject
    AuditLog audit;
    @Inject
    AdapterSettings settings;
    @Inject
    SignatureRecords signatures;

    /** What a fetched package is, as far as the store is concerned. */
    public record Fetched(String axisDocId, String messageType, Path file, String sha256, long size,
            String signature) {
    }

    /**
     * A fetched package, read and checked outside any transaction: a document, a status, or a refusal with its
     * reason. Exactly one of {@code refusal}, {@code status}, {@code document} is set.
     */
    public record Prepared(Fetched fetched, String refusal, StatusPackage status, DocumentPackage document,
            List<ReceivedAttachment> attachments, Map<Integer, Path> attachmentFiles,
            Map<Integer, String> attachmentSha256) {

        public static Prepared refusal(Fetched f, String reason) {
            return new Prepared(f, reason, null, null, List.of(), Map.of(), Map.of());
        }

        public static Prepared status(Fetched f, StatusPackage s) {
            return new Prepared(f, null, s, null, List.of(), Map.of(), Map.of());
        }

        public static Prepared document(Fetched f, DocumentPackage d, List<ReceivedAttachment> attachments,
                Map<Integer, Path> files) {
            return document(f, d, attachments, files, Map.of());
        }

        /** @param sha256 the SHA-256 (hex) of each stored file, by attachment index, computed while storing it */
        public static Prepared document(Fetched f, DocumentPackage d, List<ReceivedAttachment> attachments,
                Map<Integer, Path> files, Map<Integer, String> sha256) {
            return new Prepared(f, null, null, d, attachments, files, sha256);
        }
    }

    /** Files one prepared package in a transaction of its own. */
    public ReceivedPackage file(Prepared p) {
        if (p.refusal() != null) {
            return refuse(p.fetched(), p.refusal());
        }
        if (p.status() != null) {
            return storeStatus(p.fetched(), p.status());
        }
        return storeDocument(p.fetched(), p.document(), p.attachments(), p.attachmentFiles(), p.attachmentSha256());
    }

    /**
     * Files several prepared packages in one transaction, in order (a later one sees what an earlier one stored):
     * all or none. The caller files them one by one if this fails.
     */
    public List<ReceivedPackage> fileAll(List<Prepared> batch) {
        List<ReceivedPackage> filed = new ArrayList<>(batch.size());
        for (Prepared p : batch) {
            filed.add(file(p)); // a call on this instance: the same transaction
        }
        return filed;
    }

    /** A read: no transaction of its own (this bean's default is one per call). */
    @TransactionAttribute(TransactionAttributeType.SUPPORTS)
    public Optional<ReceivedPackage> known(String messageType, String axisDocId) {
        return em.createNamedQuery(ReceivedPackage.BY_AXIS_ID, ReceivedPackage.class)
                .setParameter("type", messageType).setParameter("axisDocId", axisDocId)
                .getResultList().stream().findFirst();
    }

    public void acknowledged(String receivedId) {
        acknowledged(Map.of(receivedId, VietnamTime.now()));
    }

    /** Records when the axis took our acknowledgement of each package: one update each, one commit for all. */
    public void acknowledged(Map<String, OffsetDateTime> acknowledgedAt) {
        acknowledgedAt.forEach((id, at) -> em.createQuery(
                        "UPDATE ReceivedPackage r SET r.acknowledgedAt = :at WHERE r.id = :id")
                .setParameter("at", at).setParameter("id", id).executeUpdate());
    }

    /** A package that could not be read: kept as evidence, refused. */
    public ReceivedPackage refuse(Fetched f, String reason) {
        ReceivedPackage r = evidence(f);
        r.settle(ReceivedPackage.Outcome.REFUSED, null, reason);
        em.persist(r);
        audit.recordWithCaller("axis", "RECEIVE", null, "REFUSED", "RECV.UNREADABLE", f.axisDocId() + ": " + reason);
        return r;
    }

    public ReceivedPackage storeDocument(Fetched f, DocumentPackage pkg, List<ReceivedAttachment> attachments,
            Map<Integer, Path> attachmentFiles) {
        return storeDocument(f, pkg, attachments, attachmentFiles, Map.of());
    }

    /** @param attachmentSha256 each stored file's SHA-256 (hex) by attachment index; "" where unknown */
    public ReceivedPackage storeDocument(Fetched f, DocumentPackage pkg, List<ReceivedAttachment> attachments,
            Map<Integer, Path> attachmentFiles, Map<Integer, String> attachmentSha256) {
        MessageHeader h = pkg.header();
        String from = h.from() == null ? null : h.from().organId();
        int type = pkg.businessType() == null ? 0 : pkg.businessType().code();
        ReceivedPackage r = evidence(f);
        r.describe(from, h.documentId(), f.signature());
        List<String> recipients = ours.among(h.to().stream().map(o -> o.organId()).toList());
        Document earlier = duplicate(from, h.documentId(), type, f.sha256());
        if (earlier != null) {
            r.settle(ReceivedPackage.Outcome.DUPLICATE, earlier.getId(), "same package delivered again");
            em.persist(r);
            return r;
        }
        if (recipients.isEmpty()) {
            r.settle(ReceivedPackage.Outcome.REFUSED, null, "not addressed to any organisation served here");
            em.persist(r);
            audit.recordWithCaller("axis", "RECEIVE", from, "REFUSED", "RECV.NOT_OURS", h.documentId());
            return r;
        }
        var now = VietnamTime.now();
        Document d = Document.incoming(h.documentId(), from, type, f.sha256(), now);
        d.describe(h.code() == null ? null : h.code().codeNumber(), h.code() == null ? null : h.code().codeNotation(),
                h.subject(), h.otherInfo() == null || h.otherInfo().priority() == null ? 0 : h.otherInfo().priority(),
                type, h.promulgationInfo() == null ? null : h.promulgationInfo().promulgationDate());
        d.received(settings.dataDir().relativize(f.file()).toString(), f.axisDocId(), h.subject(), d.getPriority());
        d.detail(details(h));
        h.to().stream().filter(o -> recipients.contains(o.organId())).map(o -> o.organId()).distinct()
                .forEach(organ -> d.addRecipient(new Recipient(organ, null)));
        for (ReceivedAttachment a : attachments) {
            Path file = attachmentFiles.get(a.index());
            if (file != null) {
                d.addAttachment(new StoredAttachment(a.fileName(), mime(a), a.manifest() == null ? null
                        : a.manifest().description(), a.size(), attachmentSha256.getOrDefault(a.index(), ""),
                        settings.dataDir().relativize(file).toString()));
            }
        }
        em.persist(d);
        signatures.queue(d); // issue 14: the signatures inside its attachments, verified after the commit
        for (String organ : recipients) {
            em.persist(new InboxItem(organ, InboxItem.Kind.DOCUMENT, d, null, now));
            // Decision 28/2018: the recipient's system reports arrival at once; the clerk's statuses follow.
            // A recall is not a new document: it is answered with 15/16 by the clerk, not with 01.
            if (type != 1) {
                statuses.report(d, organ, "01", "Đã đến (đã nhận vào hệ thống)", null);
            }
        }
        r.settle(ReceivedPackage.Outcome.STORED, d.getId(), null);
        em.persist(r);
        audit.recordWithCaller("axis", "RECEIVE", from, "ACCEPTED", null, h.documentId());
        return r;
    }

    public ReceivedPackage storeStatus(Fetched f, StatusPackage s) {
        ReceivedPackage r = evidence(f);
        String from = s.from() == null ? null : s.from().organId();
        String documentId = s.responseFor() == null ? null : s.responseFor().documentId();
        String addressee = s.responseFor() == null ? null : s.responseFor().organId();
        r.describe(from, documentId, f.signature());
        boolean takeBack = "13".equals(s.statusCode());
        // 13 comes from the original sender about a document it sent us; every other code answers ours.
        Document target = takeBack ? find(Document.Direction.IN, from, documentId)
                : find(Document.Direction.OUT, addressee, documentId);
        if (target == null) {
            r.settle(ReceivedPackage.Outcome.REFUSED, null, "status for a document unknown here");
            em.persist(r);
            audit.recordWithCaller("axis", "RECEIVE_STATUS", from, "REFUSED", "RECV.UNKNOWN_DOCUMENT", documentId);
            return r;
        }
        OffsetDateTime at = s.timestamp() == null ? VietnamTime.now()
                : s.timestamp().atZone(VietnamTime.ZONE).toOffsetDateTime();
        if (alreadyRecorded(target, from, s.statusCode(), at)) {
            r.settle(ReceivedPackage.Outcome.DUPLICATE, target.getId(), "status already recorded");
            em.persist(r);
            return r;
        }
        var now = VietnamTime.now();
        StatusEvent event = new StatusEvent(target, from, s.statusCode(), s.description(),
                s.staffInfo() == null ? null : s.staffInfo().staff(), at, now);
        em.persist(event);
        target.getRecipients().stream().filter(rec -> rec.getOrganId().equals(from)).findFirst()
                .ifPresent(rec -> rec.reported(s.statusCode(), s.description(), at));
        String clientOrgan = takeBack ? addressee : target.getSenderOrganId();
        if (clientOrgan != null) {
            em.persist(new InboxItem(clientOrgan, InboxItem.Kind.STATUS, target, event.getId(), now));
        }
        r.settle(ReceivedPackage.Outcome.STORED, target.getId(), null);
        em.persist(r);
        LOG.fine(() -> "Status " + s.statusCode() + " from " + from + " for " + documentId);
        return r;
    }

    private static DocumentDetails details(MessageHeader h) {
        var type = h.documentType();
        var signer = h.signerInfo();
        return new DocumentDetails(h.from() == null ? null : h.from().organName(),
                h.promulgationInfo() == null ? null : h.promulgationInfo().place(),
                type == null ? null : type.type(), type == null ? null : type.typeName(), h.content(),
                signer == null ? null : signer.competence(), signer == null ? null : signer.position(),
                signer == null ? null : signer.fullName(), h.dueDate(),
                h.otherInfo() == null ? null : h.otherInfo().sphereOfPromulgation(), h.steeringType());
    }

    private boolean alreadyRecorded(Document d, String organ, String code, OffsetDateTime at) {
        return !em.createQuery("SELECT s FROM StatusEvent s WHERE s.document = :d AND s.organId = :o"
                        + " AND s.statusCode = :c AND s.occurredAt = :at", StatusEvent.class)
                .setParameter("d", d).setParameter("o", organ).setParameter("c", code).setParameter("at", at)
                .getResultList().isEmpty();
    }

    private Document duplicate(String from, String documentId, int type, String sha256) {
        return em.createQuery("SELECT d FROM Document d WHERE d.dedupKey = :k", Document.class)
                .setParameter("k", "IN|EDOC|" + from + "|" + documentId + "|" + type + "|" + sha256)
                .getResultList().stream().findFirst().orElse(null);
    }

    private Document find(Document.Direction direction, String sender, String documentId) {
        if (sender == null || documentId == null) {
            return null;
        }
        return em.createQuery("SELECT d FROM Document d WHERE d.direction = :dir AND d.senderOrganId = :s"
                        + " AND d.documentId = :id AND d.messageType = 'EDOC'"
                        // statuses belong to the original (type 0), not to a recall or update package of it
                        + " ORDER BY d.businessType, d.createdAt DESC", Document.class)
                .setParameter("dir", direction).setParameter("s", sender).setParameter("id", documentId)
                .setMaxResults(1).getResultList().stream().findFirst().orElse(null);
    }

    private static ReceivedPackage evidence(Fetched f) {
        return new ReceivedPackage(f.axisDocId(), f.messageType(), f.sha256(), f.size(),
                f.file() == null ? null : f.file().toString(), VietnamTime.now());
    }

    private static String mime(ReceivedAttachment a) {
        if (a.attachment() != null && a.attachment().contentType() != null) {
            return a.attachment().contentType();
        }
        return a.manifest() == null ? null : a.manifest().contentType();
    }

}
