package vn.lienthong.adapter.intake.control;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

import vn.lienthong.adapter.audit.control.AuditLog;
import vn.lienthong.adapter.configuration.AdapterSettings;
import vn.lienthong.adapter.intake.entity.Receipt;
import vn.lienthong.adapter.vocabulary.Rejection;
import vn.lienthong.adapter.vocabulary.Submission;
import vn.lienthong.adapter.packaging.control.PackageBuilder;
import vn.lienthong.adapter.platform.time.VietnamTime;
import vn.lienthong.adapter.security.control.CredentialStore;
import vn.lienthong.adapter.security.control.OrganisationAuthority;
import vn.lienthong.adapter.security.entity.CallerIdentity;
import vn.lienthong.adapter.security.entity.ClientCredential;
import vn.lienthong.adapter.signatures.control.SignatureRecords;
import vn.lienthong.adapter.signatures.control.SigningPolicy;
import vn.lienthong.adapter.tracking.control.AttachmentStorage;
import vn.lienthong.adapter.tracking.control.AttachmentStorage.StoredFile;
import vn.lienthong.adapter.tracking.entity.Document;
import vn.lienthong.adapter.tracking.entity.DocumentDetails;
import vn.lienthong.adapter.tracking.entity.Recipient;
import vn.lienthong.adapter.tracking.entity.StoredAttachment;

/**
 * Accepts outgoing documents: checks who may send for whom, validates, and commits the document, its recipients
 * and attachments in one transaction before the client gets its answer. The outbox sends it later.
 */
@Stateless
public class SubmissionService {

    /** An attachment whose bytes differ from the SHA-256 its sender declared (and, signed profile, signed). */
    public static final String ATTACHMENT_DIGEST = "AUTH.ATTACHMENT_DIGEST";

    @PersistenceContext(unitName = "lienthong")
    EntityManager em;
    @Inject
    AdapterSettings settings;
    @Inject
    CredentialStore credentials;
    @Inject
    AttachmentStorage storage;
    @Inject
    AuditLog audit;
    @Inject
    PackageBuilder packages;
    @Inject
    OrganisationAuthority authority;
    @Inject
    SigningPolicy signingPolicy;
    @Inject
    SignatureRecords signatures;

    public Receipt submit(CallerIdentity caller, Submission s) {
        return receipt(accept(caller, s).document());
    }

    /** The stored document of an accepted submission; {@code created} false for a repeat answered from the first. */
    public record Accepted(Document document, boolean created) {
    }

    /** {@link #submit}, answered with the stored document itself (the old protocol numbers it). */
    public Accepted accept(CallerIdentity caller, Submission s) {
        authorize(caller, "SubmitDocument", "document/fromOrganId", s.fromOrganId());
        new SubmissionValidator(settings).check(s);

        Optional<Document> earlier = earlierSubmission(caller, s);
        if (earlier.isPresent()) {
            // Idempotent: the same message again gets the first answer and is never sent twice.
            return new Accepted(earlier.get(), false);
        }
        var now = VietnamTime.now();
        Document d = Document.outgoing(s.documentId(), s.fromOrganId(), now);
        d.describe(s.codeNumber(), s.codeNotation(), s.subject(), s.priority() == null ? 0 : s.priority(),
                s.businessType(), s.promulgationDate());
        d.detail(new DocumentDetails(s.fromOrganName(), s.promulgationPlace(), s.documentType(),
                s.documentTypeName(), s.content(), s.signerCompetence(), s.signerPosition(), s.signerFullName(),
                s.dueDate(), s.sphereOfPromulgation(), 0));
        if (s.change() != null) {
            relate(d, s);
        }
        d.submittedBy(caller.username(), blankToNull(s.clientMessageId()));
        s.recipients().forEach(r -> d.addRecipient(new Recipient(r.organId(), r.organName())));
        List<Submission.IncomingAttachment> files = s.attachments();
        List<PackageBuilder.PackedFile> packed = new ArrayList<>();
        try {
            for (int i = 0; i < files.size(); i++) {
                var a = files.get(i);
                StoredFile stored;
                String path = "document/attachment[" + (i + 1) + "]";
                try (var content = new BoundedAttachment(a.openStream(), settings.maxAttachmentBytes(), path)) {
                    stored = storage.store(d.getId(), i, content);
                }
                SubmissionValidator.size(path, stored.size(), settings.maxAttachmentBytes());
                if (a.declaredSha256() != null && !a.declaredSha256().equalsIgnoreCase(stored.sha256())) {
                    // The declared digest is what a signature over the Body covers for an MTOM part (README).
                    throw new Rejection(ATTACHMENT_DIGEST, path + "/sha256", "The attachment's bytes do not match"
                            + " its declared SHA-256; nothing was stored");
                }
                d.addAttachment(new StoredAttachment(a.name(), a.contentType(), a.description(), stored.size(),
                        stored.sha256(), stored.relativePath()));
                packed.add(new PackageBuilder.PackedFile(storage.resolve(stored.relativePath()), a.name(),
                        a.description(), a.contentType()));
            }
            // Issue 14: under a "refuse" policy the main file must be signed by the sender (DOC.UNSIGNED), else no-op.
            signingPolicy.enforce(s.fromOrganId(), s.fromOrganName(), files.isEmpty() ? null : files.get(0).name(),
                    packed.isEmpty() ? null : packed.get(0).file());
            // The signed package is built before the client is answered: what was acknowledged is ready to go.
            var built = packages.build(d.getId(), d.getDocumentId(), s, packed);
            storage.removeOnRollback(storage.resolve(built.relativePath()));
            d.packaged(built.relativePath(), built.sha256(), now);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot store the document's files", e);
        }
        em.persist(d);
        em.flush(); // surface constraint violations here, inside the request, not at commit
        signatures.queue(d); // issue 14: verified by the signature worker after the commit, not here
        // In this transaction: the entry exists exactly when the document does, and costs no commit of its own.
        audit.recordWithCaller(caller.username(), "SUBMIT", s.fromOrganId(), "ACCEPTED", null, d.getDocumentId());
        return new Accepted(d, true);
    }

    /**
     * An update names the document it updates (which this organisation must have sent); both kinds are keyed so
     * that only a repeated client message id counts as the same request.
     */
    private void relate(Document d, Submission s) {
        var c = s.change();
        if (c.type() == 2) {
            Document target = em.createNamedQuery(Document.BY_SENDER_AND_DOCUMENT_ID, Document.class)
                    .setParameter("direction", Document.Direction.OUT).setParameter("sender", s.fromOrganId())
                    .setParameter("documentId", c.targetDocumentId()).getResultList().stream().findFirst()
                    .orElseThrow(() -> new Rejection("M.document/business/targetDocumentId",
                            "document/business/targetDocumentId", "No document " + c.targetDocumentId()
                                    + " was sent by " + s.fromOrganId()));
            d.relatesTo(target.getId());
        }
        d.keyedBy("OUT|EDOC|" + s.fromOrganId() + "|" + s.documentId() + "|" + c.type() + "|"
                + (s.clientMessageId() == null || s.clientMessageId().isBlank() ? d.getId() : s.clientMessageId()));
    }

    /**
     * The caller is authenticated (and signed with its registered certificate, if it has one) and may act for
     * {@code organId} ({@link OrganisationAuthority}, the one rule of every face); {@code field} names it.
     */
    public void authorize(CallerIdentity caller, String operation, String field, String organId) {
        if (caller == null) {
            throw new Rejection("AUTH.MISSING", null, "The request carries no authenticated caller");
        }
        // Read once per request: the credential the authentication of this request read, if it came along.
        Optional<ClientCredential> read = caller.credentialRead();
        ClientCredential credential = (read.isPresent() ? read : credentials.find(caller.username())).orElseThrow(
                () -> new Rejection("AUTH.UNKNOWN", null, "Unknown client"));
        // A credential bound to a certificate is only usable with requests signed by that certificate.
        if (credential.getCertificateSubject() != null
                && !credential.getCertificateSubject().equals(caller.certificateSubject())) {
            throw new Rejection("AUTH.CERTIFICATE", null,
                    "The request was signed with a certificate not registered for this client");
        }
        authority.require(caller, operation, OrganisationAuthority.named(field, organId));
    }

    private Optional<Document> earlierSubmission(CallerIdentity caller, Submission s) {
        if (s.clientMessageId() != null && !s.clientMessageId().isBlank()) {
            var byMessage = em.createNamedQuery(Document.BY_CLIENT_MESSAGE_ID, Document.class)
                    .setParameter("user", caller.username())
                    .setParameter("clientMessageId", s.clientMessageId())
                    .getResultList();
            if (!byMessage.isEmpty()) {
                return Optional.of(byMessage.get(0));
            }
        }
        if (s.change() != null) {
            // An update keeps the DocumentId of what it updates: only the client message id identifies a repeat.
            return Optional.empty();
        }
        return em.createNamedQuery(Document.BY_SENDER_AND_DOCUMENT_ID, Document.class)
                .setParameter("direction", Document.Direction.OUT)
                .setParameter("sender", s.fromOrganId())
                .setParameter("documentId", s.documentId())
                .getResultList().stream().findFirst();
    }

    private static Receipt receipt(Document d) {
        return new Receipt(d.getDocumentId(), d.getState().name(), VietnamTime.iso(d.getCreatedAt()));
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s;
    }
}
