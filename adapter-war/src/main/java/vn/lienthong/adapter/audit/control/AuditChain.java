package vn.lienthong.adapter.audit.control;

import java.util.ArrayList;
import java.util.List;

import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;

import vn.lienthong.adapter.platform.io.Sha256;
import vn.lienthong.adapter.audit.entity.AuditChainHead;
import vn.lienthong.adapter.audit.entity.AuditEntry;

/**
 * The keyed hash chain of audit entries. Writers never touch the chain head: {@link #stage} stores an entry with a
 * MAC of its own content under the audit key ({@code pending_mac}) and no position, in a short transaction of its
 * own, so concurrent writers (and nodes) never wait for each other. {@link #linkPending} — run by one chainer at a
 * time, the {@code audit_chain_head} row lock ({@code SELECT … FOR UPDATE} on H2 and PostgreSQL) serialising the
 * chainers of all nodes — takes the pending entries oldest first, checks each pending MAC, gives each the next
 * position, MACs it together with the previous entry's chain value ({@link ChainKey}), moves the head and MACs
 * the head, all in one transaction: a crash leaves a batch either linked or still pending, never half linked.
 * {@link #append} does both steps at once (the synchronous path, and how entries were written before V15).
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

    /** Chains and persists {@code entry} at once, waiting for the head lock; must run inside a transaction. */
    public static void append(EntityManager em, AuditEntry entry, ChainKey key) {
        AuditChainHead head = lockHead(em);
        link(head, entry, key);
        em.persist(entry);
        head.seal(headMac(key, head.getLastSeq(), head.getLastHash(), head.getKeyedFromSeq()));
    }

    /**
     * Persists {@code entry} as pending (not yet chained) with the MAC of its content: no lock, no wait. Must run
     * inside a transaction; {@link #linkPending} chains it once that transaction has committed.
     */
    public static void stage(EntityManager em, AuditEntry entry, ChainKey key) {
        entry.pending(pendingMac(key, entry));
        em.persist(entry);
    }

    /** What {@link #linkPending} did: entries chained, and pending entries whose MAC failed (left unchained). */
    public record Linked(int chained, List<String> refused) {
    }

    /**
     * Links up to {@code max} pending entries into the chain, oldest first (time written, then id), holding the
     * head lock for the whole batch; must run inside a transaction. An entry whose pending MAC does not verify was
     * written or changed around the audit log: it is not chained and loses its pending mark, so the verifier
     * reports it as an entry without a chain position.
     */
    public static Linked linkPending(EntityManager em, ChainKey key, int max) {
        AuditChainHead head = lockHead(em);
        List<AuditEntry> pending = em.createQuery("SELECT e FROM AuditEntry e WHERE e.chainSeq IS NULL"
                        + " AND e.pendingMac IS NOT NULL ORDER BY e.occurredAt, e.id", AuditEntry.class)
                .setMaxResults(max)
                .getResultList();
        int chained = 0;
        List<String> refused = new ArrayList<>();
        for (AuditEntry e : pending) {
            if (ChainKey.same(pendingMac(key, e), e.getPendingMac())) {
                link(head, e, key);
                chained++;
            } else {
                e.dropPendingMark();
                refused.add(e.getId());
            }
        }
        if (chained > 0) {
            head.seal(headMac(key, head.getLastSeq(), head.getLastHash(), head.getKeyedFromSeq()));
        }
        return new Linked(chained, List.copyOf(refused));
    }

    /** The MAC a writer gives a pending entry: its content and id under the audit key, no position yet. */
    public static String pendingMac(ChainKey key, AuditEntry e) {
        return key.mac(render("audit-pending-v1|" + key.id() + "|", 0, null, e));
    }

    private static AuditChainHead lockHead(EntityManager em) {
        AuditChainHead head = em.find(AuditChainHead.class, AuditChainHead.ID, LockModeType.PESSIMISTIC_WRITE);
        if (head == null) {
            throw new IllegalStateException("audit_chain_head row missing: the V3 migration did not run");
        }
        return head;
    }

    private static void link(AuditChainHead head, AuditEntry entry, ChainKey key) {
        long seq = head.getLastSeq() + 1;
        if (head.getKeyedFromSeq() == null) {
            head.keyFrom(seq);
        }
        String mac = mac(key, seq, head.getLastHash(), entry);
        entry.chain(seq, head.getLastHash(), mac, key.id());
        head.advance(seq, mac, entry.getOccurredAt());
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
