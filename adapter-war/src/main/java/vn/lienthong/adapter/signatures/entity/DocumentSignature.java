package vn.lienthong.adapter.signatures.entity;

import java.time.OffsetDateTime;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * The legal-value verdict of one document over all its attachments: PENDING from acceptance (or filing) until the
 * verifier settles it. The per-attachment detail is in {@link AttachmentSignature}.
 */
@Entity
@Table(name = "document_signature")
public class DocumentSignature {

    /** The verdict; PENDING until verified, then docsig's {@code LegalValue} (weakest attachment). */
    public enum Verdict { PENDING, ESTABLISHED, NOT_ESTABLISHED, UNDETERMINED }

    /** Whether every counterpart is under the same top-level body as our organisation. */
    public enum Scope { INSIDE, OUTSIDE }

    @Id
    @Column(name = "document_ref")
    private String documentRef;
    private String direction;
    @Column(name = "organ_id")
    private String organId;
    @Enumerated(EnumType.STRING)
    private Scope scope;
    @Enumerated(EnumType.STRING)
    private Verdict verdict;
    private String reason;
    private boolean signed;
    @Column(name = "policy_note")
    private String policyNote;
    @Column(name = "accepted_at")
    private OffsetDateTime acceptedAt;
    @Column(name = "verified_at")
    private OffsetDateTime verifiedAt;
    @Column(name = "claimed_by")
    private String claimedBy;
    @Column(name = "claimed_until")
    private OffsetDateTime claimedUntil;

    protected DocumentSignature() {
        // for JPA
    }

    public DocumentSignature(String documentRef, String direction, String organId, Scope scope,
            OffsetDateTime acceptedAt) {
        this.documentRef = documentRef;
        this.direction = direction;
        this.organId = organId;
        this.scope = scope;
        this.verdict = Verdict.PENDING;
        this.acceptedAt = acceptedAt;
    }

    public void settle(Verdict verdict, String reason, boolean signed, String policyNote, OffsetDateTime now) {
        this.verdict = verdict;
        this.reason = cut(reason, 1000);
        this.signed = signed;
        this.policyNote = cut(policyNote, 500);
        this.verifiedAt = now;
        this.claimedBy = null;
        this.claimedUntil = null;
    }

    public String getDocumentRef() { return documentRef; }
    public String getDirection() { return direction; }
    public String getOrganId() { return organId; }
    public Scope getScope() { return scope; }
    public Verdict getVerdict() { return verdict; }
    public String getReason() { return reason; }
    public boolean isSigned() { return signed; }
    public String getPolicyNote() { return policyNote; }
    public OffsetDateTime getAcceptedAt() { return acceptedAt; }
    public OffsetDateTime getVerifiedAt() { return verifiedAt; }

    static String cut(String s, int max) {
        return s == null || s.length() <= max ? s : s.substring(0, max - 1) + "…";
    }
}
