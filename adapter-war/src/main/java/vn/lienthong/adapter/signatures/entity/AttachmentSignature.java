package vn.lienthong.adapter.signatures.entity;

import java.time.OffsetDateTime;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;

/**
 * What the verifier found in one attachment: its overall status (docsig {@code SignatureStatus}: VALID, INVALID,
 * UNTRUSTED, EXPIRED_AT_SIGNING, REVOKED, REVOCATION_UNKNOWN, NOT_SIGNED, SIGNED_NOT_VERIFIED), its legal value with
 * the reason, and the signer of its last signature (the one covering the file as delivered).
 */
@Entity
@Table(name = "attachment_signature")
@NamedQuery(name = AttachmentSignature.BY_DOCUMENT,
        query = "SELECT a FROM AttachmentSignature a WHERE a.documentRef = :ref ORDER BY a.position")
public class AttachmentSignature {

    public static final String BY_DOCUMENT = "AttachmentSignature.byDocument";

    @Id
    private String id;
    @Column(name = "document_ref")
    private String documentRef;
    @Column(name = "attachment_ref")
    private String attachmentRef;
    @Column(name = "position_no")
    private int position;
    private String name;
    private String format;
    private String status;
    @Column(name = "legal_value")
    private String legalValue;
    private String reason;
    private int signatures;
    @Column(name = "signer_name")
    private String signerName;
    @Column(name = "signer_organisation")
    private String signerOrganisation;
    private String issuer;
    @Column(name = "signing_time")
    private OffsetDateTime signingTime;
    @Column(name = "signing_time_source")
    private String signingTimeSource;

    protected AttachmentSignature() {
        // for JPA
    }

    /** A finding; {@code signer} may be null (not signed, or a format whose signer is not read). */
    public AttachmentSignature(String documentRef, String attachmentRef, int position, String name, String format,
            String status, String legalValue, String reason, int signatures, Signer signer) {
        this.id = UUID.randomUUID().toString();
        this.documentRef = documentRef;
        this.attachmentRef = attachmentRef;
        this.position = position;
        this.name = DocumentSignature.cut(name, 300);
        this.format = format;
        this.status = status;
        this.legalValue = legalValue;
        this.reason = DocumentSignature.cut(reason, 1000);
        this.signatures = signatures;
        if (signer != null) {
            this.signerName = DocumentSignature.cut(signer.name(), 300);
            this.signerOrganisation = DocumentSignature.cut(signer.organisation(), 300);
            this.issuer = DocumentSignature.cut(signer.issuer(), 500);
            this.signingTime = signer.signingTime();
            this.signingTimeSource = signer.signingTimeSource();
        }
    }

    /** Who signed, from the signer's certificate, and when (and where that time comes from). */
    public record Signer(String name, String organisation, String issuer, OffsetDateTime signingTime,
            String signingTimeSource) {
    }

    public String getId() { return id; }
    public String getDocumentRef() { return documentRef; }
    public String getAttachmentRef() { return attachmentRef; }
    public int getPosition() { return position; }
    public String getName() { return name; }
    public String getFormat() { return format; }
    public String getStatus() { return status; }
    public String getLegalValue() { return legalValue; }
    public String getReason() { return reason; }
    public int getSignatures() { return signatures; }
    public String getSignerName() { return signerName; }
    public String getSignerOrganisation() { return signerOrganisation; }
    public String getIssuer() { return issuer; }
    public OffsetDateTime getSigningTime() { return signingTime; }
    public String getSigningTimeSource() { return signingTimeSource; }
}
