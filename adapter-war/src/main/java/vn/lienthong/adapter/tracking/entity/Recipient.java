package vn.lienthong.adapter.tracking.entity;

import java.time.OffsetDateTime;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;

/** One addressee of a document, with the last business status it reported (01–06, 15, 16). */
@Entity
@Table(name = "recipient")
public class Recipient {

    @Id
    private String id;
    @ManyToOne
    @JoinColumn(name = "document_ref")
    private Document document;
    @Column(name = "organ_id")
    private String organId;
    @Column(name = "organ_name")
    private String organName;
    @Column(name = "status_code")
    private String statusCode;
    @Column(name = "status_description")
    private String statusDescription;
    @Column(name = "status_at")
    private OffsetDateTime statusAt;

    protected Recipient() {
        // for JPA
    }

    public Recipient(String organId, String organName) {
        this.id = UUID.randomUUID().toString();
        this.organId = organId;
        this.organName = organName;
    }

    void attachTo(Document d) {
        this.document = d;
    }

    public void reported(String code, String description, OffsetDateTime at) {
        this.statusCode = code;
        this.statusDescription = description;
        this.statusAt = at;
    }

    public String getId() { return id; }
    public Document getDocument() { return document; }
    public String getOrganId() { return organId; }
    public String getOrganName() { return organName; }
    public String getStatusCode() { return statusCode; }
    public String getStatusDescription() { return statusDescription; }
    public OffsetDateTime getStatusAt() { return statusAt; }
}
