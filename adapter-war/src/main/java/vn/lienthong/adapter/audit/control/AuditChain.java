package vn.lienthong.adapter.audit.control;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;

import vn.lienthong.adapter.audit.entity.AuditChainHead;
import vn.lienthong.adapter.audit.entity.AuditEntry;

/**
 * Appends entries to the hash chain: lock the head row ({@code SELECT … FOR UPDATE} on H2 and PostgreSQL), take
 * the next position, hash the entry together with the previous hash, store both, move the head. The caller's
 * transaction holds the head lock until it commits, so appends from all nodes form one gap-free sequence.
 */
public final class AuditChain {

    /** The "previous hash" of the first entry. */
    public static final String GENESIS = "0".repeat(64);

    private AuditChain() {
    }

    /** Chains and persists {@code entry}; must run inside a transaction. */
    public static void append(EntityManager em, AuditEntry entry) {
        AuditChainHead head = em.find(AuditChainHead.class, AuditChainHead.ID, LockModeType.PESSIMISTIC_WRITE);
        if (head == null) {
            throw new IllegalStateException("audit_chain_head row missing: the V3 migration did not run");
        }
        long seq = head.getLastSeq() + 1;
        String hash = hash(seq, head.getLastHash(), entry);
        entry.chain(seq, head.getLastHash(), hash);
        em.persist(entry);
        head.advance(seq, hash, entry.getOccurredAt());
    }

    /**
     * SHA-256 (hex) over a length-prefixed rendering of every stored field, the position and the previous hash.
     * Time enters as epoch milliseconds: the databases return other offsets than we wrote.
     */
    public static String hash(long seq, String previousHash, AuditEntry e) {
        StringBuilder b = new StringBuilder("audit-v1|");
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
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(b.toString().getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e1) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e1);
        }
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
