package vn.lienthong.adapter.reception.entity;

import java.time.OffsetDateTime;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;

import vn.lienthong.adapter.tracking.entity.Document;

/**
 * Something one of our organisations' clients has to pick up: a document that arrived for it, or a status about
 * a document it sent. Stays PENDING until the client confirms it.
 */
@Entity
@Table(name = "inbox_item")
@NamedQuery(name = InboxItem.PENDING, query = "SELECT i FROM InboxItem i WHERE i.organId = :organ AND i.kind = :kind"
        + " AND i.state = vn.lienthong.adapter.reception.entity.InboxItem.State.PENDING ORDER BY i.createdAt")
public class InboxItem {

    public static final String PENDING = "InboxItem.pending";

    public enum Kind { DOCUMENT, STATUS }

    public enum State { PENDING, CONFIRMED }

    @Id
    private String id;
    @Column(name = "organ_id")
    private String organId;
    @Enumerated(EnumType.STRING)
    private Kind kind;
    @ManyToOne
    @JoinColumn(name = "document_ref")
    private Document document;
    @Column(name = "status_event_ref")
    private String statusEventRef;
    @Enumerated(EnumType.STRING)
    private State state;
    @Column(name = "created_at")
    private OffsetDateTime createdAt;
    @Column(name = "confirmed_at")
    private OffsetDateTime confirmedAt;

    protected InboxItem() {
        // for JPA
    }

    public InboxItem(String organId, Kind kind, Document document, String statusEventRef, OffsetDateTime now) {
        this.id = UUID.randomUUID().toString();
        this.organId = organId;
        this.kind = kind;
        this.document = document;
        this.statusEventRef = statusEventRef;
        this.state = State.PENDING;
        this.createdAt = now;
    }

    public void confirm(OffsetDateTime now) {
        if (state == State.PENDING) {
            state = State.CONFIRMED;
            confirmedAt = now;
        }
    }

    public String getId() { return id; }
    public String getOrganId() { return organId; }
    public Kind getKind() { return kind; }
    public Document getDocument() { return document; }
    public String getStatusEventRef() { return statusEventRef; }
    public State getState() { return state; }
    public OffsetDateTime getCreatedAt() { return createdAt; }
    public OffsetDateTime getConfirmedAt() { return confirmedAt; }
}
