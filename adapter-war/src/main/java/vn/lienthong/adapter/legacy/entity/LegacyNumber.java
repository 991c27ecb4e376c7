package vn.lienthong.adapter.legacy.entity;

import java.time.OffsetDateTime;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;

/**
 * The numeric document id an old client sees (the hub used its database id, spec §6), mapped to an outgoing
 * document it sent or to an inbox item (a document received for it).
 */
@Entity
@Table(name = "legacy_number")
@NamedQuery(name = LegacyNumber.BY_ITEM, query = "SELECT n FROM LegacyNumber n WHERE n.inboxItemRef = :item")
@NamedQuery(name = LegacyNumber.BY_DOCUMENT, query = "SELECT n FROM LegacyNumber n WHERE n.documentRef = :doc")
public class LegacyNumber {

    public static final String BY_ITEM = "LegacyNumber.byItem";
    public static final String BY_DOCUMENT = "LegacyNumber.byDocument";

    @Id
    private Long number;
    @Column(name = "organ_id")
    private String organId;
    @Column(name = "document_ref")
    private String documentRef;
    @Column(name = "inbox_item_ref")
    private String inboxItemRef;
    @Column(name = "created_at")
    private OffsetDateTime createdAt;

    protected LegacyNumber() {
        // for JPA
    }

    public LegacyNumber(long number, String organId, String documentRef, String inboxItemRef, OffsetDateTime now) {
        this.number = number;
        this.organId = organId;
        this.documentRef = documentRef;
        this.inboxItemRef = inboxItemRef;
        this.createdAt = now;
    }

    public long getNumber() { return number; }
    public String getOrganId() { return organId; }
    public String getDocumentRef() { return documentRef; }
    public String getInboxItemRef() { return inboxItemRef; }
}
