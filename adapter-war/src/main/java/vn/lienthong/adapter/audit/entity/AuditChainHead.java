package vn.lienthong.adapter.audit.entity;

import java.time.OffsetDateTime;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * The newest position and hash of the audit chain: one row, created by the migration. Every chainer locks it
 * first (writers never do: they store pending entries), which serialises linking across nodes and lets the
 * verifier notice deleted newest entries.
 */
@Entity
@Table(name = "audit_chain_head")
public class AuditChainHead {

    public static final String ID = "audit";

    @Id
    private String id;
    @Column(name = "last_seq")
    private long lastSeq;
    @Column(name = "last_hash")
    private String lastHash;
    @Column(name = "updated_at")
    private OffsetDateTime updatedAt;
    // Keyed chain (V8): first keyed position, and the HMAC over position, newest value and that start.
    @Column(name = "keyed_from_seq")
    private Long keyedFromSeq;
    @Column(name = "head_mac")
    private String headMac;

    protected AuditChainHead() {
        // for JPA
    }

    public void advance(long seq, String hash, OffsetDateTime at) {
        this.lastSeq = seq;
        this.lastHash = hash;
        this.updatedAt = at;
    }

    /** Entries from {@code seq} on are keyed; set once, by the first keyed append. */
    public void keyFrom(long seq) {
        if (keyedFromSeq == null) {
            keyedFromSeq = seq;
        }
    }

    public void seal(String mac) {
        this.headMac = mac;
    }

    public String getId() { return id; }
    public long getLastSeq() { return lastSeq; }
    public String getLastHash() { return lastHash; }
    public OffsetDateTime getUpdatedAt() { return updatedAt; }
    public Long getKeyedFromSeq() { return keyedFromSeq; }
    public String getHeadMac() { return headMac; }
}
