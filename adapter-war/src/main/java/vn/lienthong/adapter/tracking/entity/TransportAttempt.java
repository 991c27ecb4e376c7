package vn.lienthong.adapter.tracking.entity;

import java.time.OffsetDateTime;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;

/** One try to hand a package to the axis, successful or not. */
@Entity
@Table(name = "transport_attempt")
public class TransportAttempt {

    public enum Outcome { SENT, RETRY, REJECTED }

    @Id
    private String id;
    @ManyToOne
    @JoinColumn(name = "document_ref")
    private Document document;
    @Column(name = "attempted_at")
    private OffsetDateTime attemptedAt;
    private String outcome;
    private String detail;

    protected TransportAttempt() {
        // for JPA
    }

    public TransportAttempt(Document document, OffsetDateTime at, Outcome outcome, String detail) {
        this.id = UUID.randomUUID().toString();
        this.document = document;
        this.attemptedAt = at;
        this.outcome = outcome.name();
        this.detail = detail;
    }

    public String getId() { return id; }
    public OffsetDateTime getAttemptedAt() { return attemptedAt; }
    public String getOutcome() { return outcome; }
    public String getDetail() { return detail; }
}
