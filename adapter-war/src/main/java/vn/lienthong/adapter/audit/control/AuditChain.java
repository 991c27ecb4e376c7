package vn.lienthong.adapter.audit.control;


import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;

import vn.lienthong.adapter.platform.io.Sha256;
import vn.lienthong.adapter.audit.entity.AuditChainHead;
import vn.lienthong.adapter.audit.entity.AuditEntry;

/**
 * Appends entries to the keyed hash chain: lock the head row ({@code SELECT … FOR UPDATE} on H2 and PostgreSQL),
 * take the next position, MAC the entry together with the previous entry's chain value under the audit key
 * ({@link ChainKey}), store both, move the head and MAC the head. The caller's transaction holds the head lock
 * until it commits, so appends from all nodes form one gap-free sequence, and a crash leaves either the whole
 * append or nothing.
 *
 * <p>Entries written before the chain was keyed (V3–V7: plain SHA-256, no key id) keep their plain hash; the head
 * records from which position on entries are keyed ({@code keyed_from_seq}), and the first keyed entry's MAC
 * covers the last plain hash, so the old part cannot be rewritten either without breaking the keyed part.
 */
public final class AuditChain {

    /** The "previous hash" of the first entry. */
    public static final String GENESIS = "0".repeat(64);

    private AuditChain() {
    }

    /** Chains and persists {@code entry}; must run inside a transaction. */
    public static void append(EntityManager em, AuditEntry entry, ChainKey key) {
        AuditChainHead head = em.find(AuditChainHead.class, AuditChainHead.ID, LockModeType.PESSIMISTIC_WRITE);
        if (head == null) {
            throw new IllegalStateException("audit_chain_head row missing: the V3 migration did not run");
        }
        long seq = head.getLastSeq() + 1;
        if (head.getKeyedFromSeq() == null) {
            head.keyFrom(seq);
        }
        String mac = mac(key, seq, head.getLastHash(), entry);
        entry.chain(seq, head.getLastHash(), mac, key.id());
        em.persist(entry);
        head.advance(seq, mac, entry.getOccurredAt());
        head.seal(headMac(key, head.getLastSeq(), head.getLastHash(), head.getKeyedFromSeq()));
    }

    /** The keyed chain value of an entry: HMAC-SHA256 over the same rendering as the plain hash, plus the key id. */
    public static String mac(ChainKey key, long seq, String previousHash, AuditEntry e) {
        return key.mac(render("audit-v2|" + key.id() + "|", seq, previousHash, e));
    }

    /** The head's MAC: binds position, newest value and the keyed start, so none can be moved without the key. */
    public static String headMac(ChainKey key, long lastSeq, String lastHash, Long keyedFromSeq) {
        return key.mac("audit-head-v2|" + key.id() + "|" + lastSeq + "|" + lastHash + "|" + keyedFromSeq);
    }

    /**
     * The plain SHA-256 (hex) of entries written before the chain was keyed: a length-prefixed rendering of every
     * stored field, the position and the previous hash.
     */
    public static String legacyHash(long seq, String previousHash, AuditEntry e) {
        return Sha256.hexOfText(render("audit-v1|", seq, previousHash, e));
    }

    // Time enters as epoch milliseconds: the databases return other offsets than we wrote.
    private static String render(String version, long seq, String previousHash, AuditEntry e) {
        StringBuilder b = new StringBuilder(version);
        field(b, Long.toString(seq));
        field(b, previousHash);
        field(b, e.getId());
        field(b, e.getOccurredAt() == null ? null : Long.toString(e.getOccurredAt().toInstant().toEpochMilli()));
        field(b, e.getActor());
        field(b, e.getAction());
        field(b, e.getOrganId());
        field(b, e.getOutcome());
        field(b, e.getCode());
        field(b, e.getDetail());
        return b.toString();
    }

    // Length prefixes make the rendering unambiguous: no choice of field values can imitate another entry.
    private static void field(StringBuilder b, String value) {
        if (value == null) {
            b.append("-|");
        } else {
            b.append(value.length()).append(':').append(value).append('|');
        }
    }
}
