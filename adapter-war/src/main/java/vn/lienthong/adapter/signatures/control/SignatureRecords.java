package vn.lienthong.adapter.signatures.control;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import jakarta.annotation.Resource;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.TransactionSynchronizationRegistry;

import vn.lienthong.adapter.audit.control.AuditLog;
import vn.lienthong.adapter.configuration.AdapterSettings;
import vn.lienthong.adapter.platform.store.TransactionOutcome;
import vn.lienthong.adapter.platform.time.VietnamTime;
import vn.lienthong.adapter.signatures.entity.AttachmentSignature;
import vn.lienthong.adapter.signatures.entity.DocumentSignature;
import vn.lienthong.adapter.signatures.entity.SignatureView;
import vn.lienthong.adapter.tracking.entity.Document;
import vn.lienthong.adapter.tracking.entity.Recipient;
import vn.lienthong.adapter.tracking.entity.StoredAttachment;

/**
 * The stored side of document signatures: a document is queued (PENDING) in the transaction that accepts or files
 * it, claimed by one node's verifier, and settled with its findings; the faces read the result.
 */
@Stateless
public class SignatureRecords {

    /** How long a node owns a claimed document: a node that dies mid-verification leaves it to another after it. */
    static final Duration CLAIM = Duration.ofMinutes(10);

    @PersistenceContext(unitName = "lienthong")
    EntityManager em;
    @Inject
    AdapterSettings settings;
    @Inject
    AuditLog audit;
    @Inject
    VerificationSignal signal;
    @Resource
    TransactionSynchronizationRegistry transactions;

    /** A queued document as the verifier needs it: where its files are and who sent it. */
    public record Plan(String documentRef, String documentId, Document.Direction direction, String organId,
            String senderOrganId, String senderName, List<PlannedFile> files) {
    }

    public record PlannedFile(String attachmentRef, int position, String name, Path file) {
    }

    /**
     * Queues {@code d} for verification inside the caller's transaction (it must be persisted); the verifier is
     * woken once that transaction commits. Does nothing when document signatures are switched off
     * or the document has no attachment.
     */
    public void queue(Document d) {
        if (!settings.signatures().enabled() || d.getAttachments().isEmpty()) {
            return; // a recall or a bare status carries no document to verify
        }
        em.flush(); // the document row first: the signature row refers to it
        boolean out = d.getDirection() == Document.Direction.OUT;
        List<String> recipients = d.getRecipients().stream().map(Recipient::getOrganId).toList();
        String ours = out ? d.getSenderOrganId() : recipients.isEmpty() ? d.getSenderOrganId() : recipients.get(0);
        List<String> counterparts = out ? recipients : List.of(d.getSenderOrganId());
        em.persist(new DocumentSignature(d.getId(), d.getDirection().name(), ours, scope(ours, counterparts),
                d.getCreatedAt()));
        if (transactions == null) {
            return; // store tests, resource-local: the caller runs the verifier itself
        }
        TransactionOutcome.afterCommit(transactions, signal::wake);
    }

    /**
     * INSIDE when every counterpart is under the same top-level body as ours (the last part of the QCVN 102 code,
     * e.g. {@code H41} in {@code 000.01.32.H41}: one province or ministry), else OUTSIDE.
     */
    static DocumentSignature.Scope scope(String ours, List<String> counterparts) {
        String top = topLevel(ours);
        boolean inside = !counterparts.isEmpty() && top != null
                && counterparts.stream().allMatch(c -> top.equals(topLevel(c)));
        return inside ? DocumentSignature.Scope.INSIDE : DocumentSignature.Scope.OUTSIDE;
    }

    private static String topLevel(String organId) {
        if (organId == null || organId.isBlank()) {
            return null;
        }
        int dot = organId.lastIndexOf('.');
        return organId.substring(dot + 1);
    }

    /** Claims up to {@code max} pending documents for this node (each one by one node only). */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public List<String> claim(int max) {
        var now = VietnamTime.now();
        List<String> due = em.createQuery("SELECT s.documentRef FROM DocumentSignature s WHERE s.verdict = :p"
                        + " AND (s.claimedUntil IS NULL OR s.claimedUntil < :now) ORDER BY s.acceptedAt", String.class)
                .setParameter("p", DocumentSignature.Verdict.PENDING).setParameter("now", now)
                .setMaxResults(max).getResultList();
        List<String> mine = new ArrayList<>();
        for (String ref : due) {
            int taken = em.createQuery("UPDATE DocumentSignature s SET s.claimedBy = :me, s.claimedUntil = :until"
                            + " WHERE s.documentRef = :ref AND s.verdict = :p"
                            + " AND (s.claimedUntil IS NULL OR s.claimedUntil < :now)")
                    .setParameter("me", settings.nodeId()).setParameter("until", now.plus(CLAIM))
                    .setParameter("ref", ref).setParameter("p", DocumentSignature.Verdict.PENDING)
                    .setParameter("now", now).executeUpdate();
            if (taken == 1) {
                mine.add(ref);
            }
        }
        return mine;
    }

    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public Optional<Plan> plan(String documentRef) {
        return planOf(documentRef);
    }

    /**
     * The plans of a claimed batch, read in one transaction (issue 11: a transaction per document was a large part
     * of the verifier's cost; reading without one cost more still, each read then opening its own context).
     * Documents that are gone are left out.
     */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public List<Plan> plans(List<String> documentRefs) {
        List<Plan> plans = new ArrayList<>(documentRefs.size());
        for (String ref : documentRefs) {
            planOf(ref).ifPresent(plans::add);
        }
        return plans;
    }

    private Optional<Plan> planOf(String documentRef) {
        Document d = em.find(Document.class, documentRef);
        DocumentSignature s = em.find(DocumentSignature.class, documentRef);
        if (d == null || s == null) {
            return Optional.empty();
        }
        List<PlannedFile> files = new ArrayList<>();
        for (StoredAttachment a : d.getAttachments()) {
            files.add(new PlannedFile(a.getId(), a.getPosition(), a.getName(),
                    settings.dataDir().resolve(a.getStoragePath())));
        }
        files.sort(java.util.Comparator.comparingInt(PlannedFile::position));
        return Optional.of(new Plan(d.getId(), d.getDocumentId(), d.getDirection(), s.getOrganId(),
                d.getSenderOrganId(), d.getDetails() == null ? null : d.getDetails().getFromOrganName(), files));
    }

    /** What the verifier found for one planned document, ready to be stored. */
    public record Settlement(Plan plan, List<Findings.Examined> examined, String policyNote) {
    }

    /**
     * Stores the findings and the verdict, and one audit entry saying what was found, in the same transaction: the
     * entry exists exactly when the verdict does, and costs no commit of its own (issue 11).
     */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public SignatureView settle(Plan plan, List<Findings.Examined> examined, String policyNote) {
        return store(plan, examined, policyNote);
    }

    /**
     * {@link #settle} for several documents in one transaction (issue 11: the verifier's commit per document was
     * its largest cost); all or none — the verifier then settles them one by one.
     */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public List<SignatureView> settleAll(List<Settlement> settlements) {
        List<SignatureView> views = new ArrayList<>(settlements.size());
        for (Settlement s : settlements) {
            views.add(store(s.plan(), s.examined(), s.policyNote()));
        }
        return views;
    }

    private SignatureView store(Plan plan, List<Findings.Examined> examined, String policyNote) {
        DocumentSignature s = em.find(DocumentSignature.class, plan.documentRef());
        if (s == null) {
            return null;
        }
        em.createQuery("DELETE FROM AttachmentSignature a WHERE a.documentRef = :ref")
                .setParameter("ref", plan.documentRef()).executeUpdate();
        List<AttachmentSignature> rows = new ArrayList<>();
        for (Findings.Examined e : examined) {
            AttachmentSignature row = Findings.row(plan.documentRef(), e);
            em.persist(row);
            rows.add(row);
        }
        Findings.Outcome o = Findings.outcome(examined);
        s.settle(o.verdict(), o.reason(), o.signed(), policyNote, VietnamTime.now());
        SignatureView view = new SignatureView(s, rows);
        audit.recordWithCaller("adapter", "DOCUMENT_SIGNATURES", s.getOrganId(), o.verdict().name(),
                policyNote == null ? null : "DOC.UNSIGNED",
                plan.direction() + " " + plan.senderOrganId() + " " + plan.documentId() + ": " + view.summary());
        return view;
    }

    /** The verdict and findings of a document, empty when it was never queued (before issue 14, or switched off). */
    public Optional<SignatureView> find(String documentRef) {
        DocumentSignature s = em.find(DocumentSignature.class, documentRef);
        if (s == null) {
            return Optional.empty();
        }
        return Optional.of(new SignatureView(s, em.createNamedQuery(AttachmentSignature.BY_DOCUMENT,
                AttachmentSignature.class).setParameter("ref", documentRef).getResultList()));
    }
}
