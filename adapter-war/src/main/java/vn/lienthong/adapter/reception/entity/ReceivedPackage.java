package vn.lienthong.adapter.reception.entity;

import java.time.OffsetDateTime;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;

/**
 * Evidence of every package fetched from the axis: the axis transport id, the SHA-256 of the raw bytes, what the
 * signature check found and what became of the package (stored, duplicate, refused).
 */
@Entity
@Table(name = "received_package")
@NamedQuery(name = ReceivedPackage.BY_AXIS_ID,
        query = "SELECT r FROM ReceivedPackage r WHERE r.messageType = :type AND r.axisDocId = :axisDocId")
public class ReceivedPackage {

    public static final String BY_AXIS_ID = "ReceivedPackage.byAxisId";

    public enum Outcome { STORED, DUPLICATE, REFUSED }

    @Id
    private String id;
    @Column(name = "axis_doc_id")
    private String axisDocId;
    @Column(name = "message_type")
    private String messageType;
    private String sha256;
    @Column(name = "size_bytes")
    private Long sizeBytes;
    @Column(name = "storage_path")
    private String storagePath;
    @Column(name = "from_organ_id")
    private String fromOrganId;
    @Column(name = "document_id")
    private String documentId;
    private String signature;
    private String outcome;
    private String detail;
    @Column(name = "document_ref")
    private String documentRef;
    @Column(name = "received_at")
    private OffsetDateTime receivedAt;
    @Column(name = "acknowledged_at")
    private OffsetDateTime acknowledgedAt;

    protected ReceivedPackage() {
        // for JPA
    }

    public ReceivedPackage(String axisDocId, String messageType, String sha256, long sizeBytes, String storagePath,
            OffsetDateTime receivedAt) {
        this.id = UUID.randomUUID().toString();
        this.axisDocId = axisDocId;
        this.messageType = messageType;
        this.sha256 = sha256;
        this.sizeBytes = sizeBytes;
        this.storagePath = storagePath;
        this.receivedAt = receivedAt;
    }

    public void describe(String fromOrganId, String documentId, String signature) {
        this.fromOrganId = cut(fromOrganId, 35);
        this.documentId = cut(documentId, 255);
        this.signature = signature;
    }

    public void settle(Outcome outcome, String documentRef, String detail) {
        this.outcome = outcome.name();
        this.documentRef = documentRef;
        this.detail = cut(detail, 1000);
    }

    public void acknowledged(OffsetDateTime at) {
        this.acknowledgedAt = at;
    }

    private static String cut(String s, int max) {
        return s == null || s.length() <= max ? s : s.substring(0, max);
    }

    public String getId() { return id; }
    public String getAxisDocId() { return axisDocId; }
    public String getMessageType() { return messageType; }
    public String getSha256() { return sha256; }
    public String getOutcome() { return outcome; }
    public String getSignature() { return signature; }
    public String getDocumentRef() { return documentRef; }
    public OffsetDateTime getAcknowledgedAt() { return acknowledgedAt; }
}
