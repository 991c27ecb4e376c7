package vn.lienthong.adapter.tracking.entity;

import java.time.OffsetDateTime;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;

/** One business status reported for a document by one organisation; never updated, only added. */
@Entity
@Table(name = "status_event")
public class StatusEvent {

    @Id
    private String id;
    @ManyToOne
    @JoinColumn(name = "document_ref")
    private Document document;
    @Column(name = "organ_id")
    private String organId;
    @Column(name = "status_code")
    private String statusCode;
    private String description;
    private String staff;
    @Column(name = "occurred_at")
    private OffsetDateTime occurredAt;
    @Column(name = "recorded_at")
    private OffsetDateTime recordedAt;

    protected StatusEvent() {
        // for JPA
    }

    public StatusEvent(Document document, String organId, String statusCode, String description, String staff,
            OffsetDateTime occurredAt, OffsetDateTime recordedAt) {
        this.id = UUID.randomUUID().toString();
        this.document = document;
        this.organId = organId;
        this.statusCode = statusCode;
        this.description = description;
        this.staff = staff;
        this.occurredAt = occurredAt;
        this.recordedAt = recordedAt;
    }

    public String getId() { return id; }
    public Document getDocument() { return document; }
    public String getOrganId() { return organId; }
    public String getStatusCode() { return statusCode; }
    public String getDescription() { return description; }
    public String getStaff() { return staff; }
    public OffsetDateTime getOccurredAt() { return occurredAt; }
    public OffsetDateTime getRecordedAt() { return recordedAt; }
}
