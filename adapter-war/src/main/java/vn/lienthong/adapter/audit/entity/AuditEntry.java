package vn.lienthong.adapter.audit.entity;

import java.time.OffsetDateTime;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** Who did what, for which organisation, with what outcome. Accepted and refused operations alike. */
@Entity
@Table(name = "audit_entry")
public class AuditEntry {

    @Id
    private String id;
    @Column(name = "occurred_at")
    private OffsetDateTime occurredAt;
    private String actor;
    private String action;
    @Column(name = "organ_id")
    private String organId;
    private String outcome;
    private String code;
    private String detail;

    protected AuditEntry() {
        // for JPA
    }

    public AuditEntry(OffsetDateTime at, String actor, String action, String organId, String outcome, String code,
            String detail) {
        this.id = UUID.randomUUID().toString();
        this.occurredAt = at;
        this.actor = actor;
        this.action = action;
        this.organId = organId;
        this.outcome = outcome;
        this.code = code;
        this.detail = detail;
    }

    public String getId() { return id; }
    public OffsetDateTime getOccurredAt() { return occurredAt; }
    public String getActor() { return actor; }
    public String getAction() { return action; }
    public String getOrganId() { return organId; }
    public String getOutcome() { return outcome; }
    public String getCode() { return code; }
    public String getDetail() { return detail; }
}
