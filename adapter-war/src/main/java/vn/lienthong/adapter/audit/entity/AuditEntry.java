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
    // Hash chain (V3): position, previous entry's hash, hash of this entry's content plus prevHash.
    @Column(name = "chain_seq")
    private Long chainSeq;
    @Column(name = "prev_hash")
    private String prevHash;
    @Column(name = "entry_hash")
    private String entryHash;
    // Keyed chain (V8): id of the audit key whose HMAC entry_hash is; NULL for entries chained with plain SHA-256.
    @Column(name = "chain_key_id")
    private String chainKeyId;
    // Pending (V15): MAC of the content alone, set by the writer, cleared when the chainer links the entry.
    @Column(name = "pending_mac")
    private String pendingMac;

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

    /** Links the entry into the audit chain; done once, by {@code AuditChain}, before it is persisted. */
    public void chain(long seq, String previousHash, String hash, String keyId) {
        if (chainSeq != null) {
            throw new IllegalStateException("Audit entry " + id + " is already chained");
        }
        this.chainSeq = seq;
        this.prevHash = previousHash;
        this.entryHash = hash;
        this.chainKeyId = keyId;
        this.pendingMac = null;
    }

    /** Marks the entry as written by the audit log and waiting to be chained; done once, before it is persisted. */
    public void pending(String mac) {
        if (chainSeq != null || pendingMac != null) {
            throw new IllegalStateException("Audit entry " + id + " is already written");
        }
        this.pendingMac = mac;
    }

    /** A pending entry whose MAC failed: no longer offered for chaining (the verifier reports it as unchained). */
    public void dropPendingMark() {
        this.pendingMac = null;
    }

    public String getId() { return id; }
    public OffsetDateTime getOccurredAt() { return occurredAt; }
    public String getActor() { return actor; }
    public String getAction() { return action; }
    public String getOrganId() { return organId; }
    public String getOutcome() { return outcome; }
    public String getCode() { return code; }
    public String getDetail() { return detail; }
    public Long getChainSeq() { return chainSeq; }
    public String getPrevHash() { return prevHash; }
    public String getEntryHash() { return entryHash; }
    public String getChainKeyId() { return chainKeyId; }
    public String getPendingMac() { return pendingMac; }
}
