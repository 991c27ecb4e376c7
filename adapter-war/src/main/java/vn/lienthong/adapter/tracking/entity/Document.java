package vn.lienthong.adapter.tracking.entity;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import jakarta.persistence.CascadeType;
import jakarta.persistence.Column;
import jakarta.persistence.Embedded;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderBy;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

/** A document that passed through the adapter, outgoing or incoming. */
@Entity
@Table(name = "document")
@NamedQuery(name = Document.BY_SENDER_AND_DOCUMENT_ID,
        query = "SELECT d FROM Document d WHERE d.direction = :direction AND d.senderOrganId = :sender"
                + " AND d.documentId = :documentId AND d.messageType = 'EDOC' AND d.businessType = 0")
@NamedQuery(name = Document.BY_CLIENT_MESSAGE_ID,
        query = "SELECT d FROM Document d WHERE d.submittedBy = :user AND d.clientMessageId = :clientMessageId")
public class Document {

    public static final String BY_SENDER_AND_DOCUMENT_ID = "Document.bySenderAndDocumentId";
    public static final String BY_CLIENT_MESSAGE_ID = "Document.byClientMessageId";

    public enum Direction { OUT, IN }

    @Id
    private String id;
    @Enumerated(EnumType.STRING)
    private Direction direction;
    @Column(name = "document_id")
    private String documentId;
    @Column(name = "sender_organ_id")
    private String senderOrganId;
    @Column(name = "client_message_id")
    private String clientMessageId;
    @Column(name = "submitted_by")
    private String submittedBy;
    @Column(name = "code_number")
    private String codeNumber;
    @Column(name = "code_notation")
    private String codeNotation;
    private String subject;
    private int priority;
    @Column(name = "business_type")
    private int businessType;
    @Column(name = "promulgation_date")
    private LocalDate promulgationDate;
    @Enumerated(EnumType.STRING)
    private DocumentState state;
    @Column(name = "package_path")
    private String packagePath;
    @Column(name = "package_sha256")
    private String packageSha256;
    @Column(name = "axis_doc_id")
    private String axisDocId;
    private int attempts;
    @Column(name = "next_attempt_at")
    private OffsetDateTime nextAttemptAt;
    @Column(name = "last_error")
    private String lastError;
    @Column(name = "created_at")
    private OffsetDateTime createdAt;
    @Column(name = "updated_at")
    private OffsetDateTime updatedAt;
    @Column(name = "message_type")
    private String messageType = "EDOC";
    @Column(name = "status_code")
    private String statusCode;
    @Column(name = "status_description")
    private String statusDescription;
    @Column(name = "dedup_key")
    private String dedupKey;
    @Column(name = "recall_state")
    private String recallState;
    @Column(name = "recall_reason")
    private String recallReason;
    @Column(name = "recall_requested_at")
    private OffsetDateTime recallRequestedAt;
    @Column(name = "related_ref")
    private String relatedRef;
    // Outbox work claiming and crash safety (V3): see OutboxClaims and TransportLedger.
    @Column(name = "lease_owner")
    private String leaseOwner;
    @Column(name = "lease_until")
    private OffsetDateTime leaseUntil;
    @Column(name = "send_started_at")
    private OffsetDateTime sendStartedAt;
    @Column(name = "queued_at")
    private OffsetDateTime queuedAt;
    /** Waiting because the axis (not this document) failed; made due when the axis breaker closes. */
    @Column(name = "axis_deferred")
    private boolean axisDeferred;
    @Embedded
    private DocumentDetails details;
    @Version
    private long version;

    @OneToMany(mappedBy = "document", cascade = CascadeType.ALL, orphanRemoval = true)
    @OrderBy("organId")
    private List<Recipient> recipients = new ArrayList<>();

    @OneToMany(mappedBy = "document", cascade = CascadeType.ALL, orphanRemoval = true)
    @OrderBy("position")
    private List<StoredAttachment> attachments = new ArrayList<>();

    protected Document() {
        // for JPA
    }

    public static Document outgoing(String documentId, String senderOrganId, OffsetDateTime now) {
        Document d = new Document();
        d.id = UUID.randomUUID().toString();
        d.direction = Direction.OUT;
        d.documentId = documentId;
        d.senderOrganId = senderOrganId;
        d.state = DocumentState.QUEUED;
        d.nextAttemptAt = now;
        d.createdAt = now;
        d.updatedAt = now;
        d.dedupKey = "OUT|EDOC|" + senderOrganId + "|" + documentId + "|0";
        d.queuedAt = now;
        return d;
    }

    /** A status package we send about someone's document (to its original sender), worked by the outbox. */
    public static Document outgoingStatus(String documentId, String reporterOrganId, String statusCode,
            String description, OffsetDateTime now) {
        Document d = outgoing(documentId, reporterOrganId, now);
        d.messageType = "STATUS";
        d.statusCode = statusCode;
        d.statusDescription = description;
        d.subject = "Status " + statusCode;
        d.dedupKey = "OUT|STATUS|" + reporterOrganId + "|" + documentId + "|" + statusCode + "|" + d.id;
        return d;
    }

    /** A document package received from the axis. */
    public static Document incoming(String documentId, String senderOrganId, int businessType, String sha256,
            OffsetDateTime now) {
        Document d = new Document();
        d.id = UUID.randomUUID().toString();
        d.direction = Direction.IN;
        d.documentId = documentId;
        d.senderOrganId = senderOrganId;
        d.businessType = businessType;
        d.state = DocumentState.RECEIVED;
        d.createdAt = now;
        d.updatedAt = now;
        d.packageSha256 = sha256;
        d.dedupKey = "IN|EDOC|" + senderOrganId + "|" + documentId + "|" + businessType + "|" + sha256;
        return d;
    }

    public void received(String packagePath, String axisDocId, String subject, int priority) {
        this.packagePath = packagePath;
        this.axisDocId = axisDocId;
        this.subject = subject;
        this.priority = priority;
    }

    /** Marks a recall to be sent once this document is on the axis. */
    public void recallRequested(String reason, OffsetDateTime now) {
        this.recallState = "REQUESTED";
        this.recallReason = reason;
        this.recallRequestedAt = now;
        this.updatedAt = now;
    }

    public void recallDispatched(OffsetDateTime now) {
        this.recallState = "SENT";
        this.updatedAt = now;
    }

    /** Links a recall, update, replace or status package to the document it is about. */
    public void relatesTo(String documentKey) {
        this.relatedRef = documentKey;
    }

    /** Idempotency key of a change request: repeated only with the same client message id. */
    public void keyedBy(String dedupKey) {
        this.dedupKey = dedupKey;
    }

    public void detail(DocumentDetails details) {
        this.details = details;
    }

    public boolean isStatus() {
        return "STATUS".equals(messageType);
    }

    public void addRecipient(Recipient r) {
        r.attachTo(this);
        recipients.add(r);
    }

    public void addAttachment(StoredAttachment a) {
        a.attachTo(this, attachments.size());
        attachments.add(a);
    }

    public void describe(String codeNumber, String codeNotation, String subject, int priority, int businessType,
            LocalDate promulgationDate) {
        this.codeNumber = codeNumber;
        this.codeNotation = codeNotation;
        this.subject = subject;
        this.priority = priority;
        this.businessType = businessType;
        this.promulgationDate = promulgationDate;
    }

    public void submittedBy(String user, String clientMessageId) {
        this.submittedBy = user;
        this.clientMessageId = clientMessageId;
    }

    public void packaged(String path, String sha256, OffsetDateTime now) {
        this.packagePath = path;
        this.packageSha256 = sha256;
        this.updatedAt = now;
    }

    public void sent(String axisDocId, OffsetDateTime now) {
        releaseLease();
        this.sendStartedAt = null;
        this.state = DocumentState.SENT;
        this.axisDocId = axisDocId;
        this.attempts++;
        this.nextAttemptAt = null;
        this.lastError = null;
        this.updatedAt = now;
    }

    public void failedAttempt(String error, OffsetDateTime retryAt, OffsetDateTime now) {
        releaseLease();
        this.axisDeferred = false; // a failure of its own: its backoff stands even when the axis recovers
        this.attempts++;
        this.lastError = error;
        this.nextAttemptAt = retryAt;
        this.updatedAt = now;
    }

    /**
     * The axis, not this document, failed: no attempt is counted and the maximum age is not judged, the document
     * waits for the axis breaker to close ({@code retryAt}: now, the breaker holds it back meanwhile).
     */
    public void axisUnavailable(String error, OffsetDateTime retryAt, OffsetDateTime now) {
        releaseLease();
        this.axisDeferred = true;
        this.lastError = error;
        this.nextAttemptAt = retryAt;
        this.updatedAt = now;
    }

    public void dead(String error, OffsetDateTime now) {
        releaseLease();
        this.sendStartedAt = null;
        this.attempts++;
        this.state = DocumentState.DEAD;
        this.lastError = error;
        this.nextAttemptAt = null;
        this.updatedAt = now;
    }

    /** Just before the HTTP call: if the node dies now, the next claimer knows the outcome is unknown. */
    public void sendStarted(OffsetDateTime now) {
        this.sendStartedAt = now;
    }

    /** The outcome of the last send is known (sent, or certainly not received): nothing to reconcile. */
    public void sendSettled() {
        this.sendStartedAt = null;
    }

    /** Operator decision: a dead document goes back to the queue with a fresh maximum age. */
    public void requeue(OffsetDateTime now) {
        if (state != DocumentState.DEAD) {
            throw new IllegalStateException("Only a dead document can be re-queued; " + documentId + " is " + state);
        }
        this.state = DocumentState.QUEUED;
        this.nextAttemptAt = now;
        this.queuedAt = now;
        this.updatedAt = now;
    }

    private void releaseLease() {
        this.leaseOwner = null;
        this.leaseUntil = null;
    }

    public boolean isAxisDeferred() { return axisDeferred; }
    public String getId() { return id; }
    public Direction getDirection() { return direction; }
    public String getDocumentId() { return documentId; }
    public String getSenderOrganId() { return senderOrganId; }
    public String getClientMessageId() { return clientMessageId; }
    public String getSubmittedBy() { return submittedBy; }
    public String getCodeNumber() { return codeNumber; }
    public String getCodeNotation() { return codeNotation; }
    public String getSubject() { return subject; }
    public int getPriority() { return priority; }
    public int getBusinessType() { return businessType; }
    public String getMessageType() { return messageType; }
    public String getStatusCode() { return statusCode; }
    public String getStatusDescription() { return statusDescription; }
    public String getDedupKey() { return dedupKey; }
    public DocumentDetails getDetails() { return details; }
    public String getRecallState() { return recallState; }
    public String getRecallReason() { return recallReason; }
    public OffsetDateTime getRecallRequestedAt() { return recallRequestedAt; }
    public String getRelatedRef() { return relatedRef; }
    public LocalDate getPromulgationDate() { return promulgationDate; }
    public DocumentState getState() { return state; }
    public String getPackagePath() { return packagePath; }
    public String getPackageSha256() { return packageSha256; }
    public String getAxisDocId() { return axisDocId; }
    public int getAttempts() { return attempts; }
    public OffsetDateTime getNextAttemptAt() { return nextAttemptAt; }
    public String getLastError() { return lastError; }
    public OffsetDateTime getCreatedAt() { return createdAt; }
    public OffsetDateTime getUpdatedAt() { return updatedAt; }
    public String getLeaseOwner() { return leaseOwner; }
    public OffsetDateTime getLeaseUntil() { return leaseUntil; }
    public OffsetDateTime getSendStartedAt() { return sendStartedAt; }
    /** When the document last entered the queue (created or re-queued); older rows fall back to creation. */
    public OffsetDateTime getQueuedAt() { return queuedAt != null ? queuedAt : createdAt; }
    public List<Recipient> getRecipients() { return recipients; }
    public List<StoredAttachment> getAttachments() { return attachments; }
}
