package vn.lienthong.adapter.audit.control;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

import jakarta.persistence.EntityManager;

import vn.lienthong.adapter.audit.entity.AuditChainHead;
import vn.lienthong.adapter.audit.entity.AuditEntry;

/**
 * Walks the audit chain from the first entry to the head and reports every break: a changed entry (its MAC no
 * longer matches its content), a deleted one (a gap in the positions and a previous-hash mismatch), deleted
 * newest entries (the head points further, or the head's MAC fails), entries written around the audit log (no
 * position), entries keyed with another key, and entries re-chained without the key (a plain hash where the
 * chain is keyed). Reads in pages, so a long chain does not have to fit in memory.
 *
 * <p>Entries from before the chain was keyed (plain SHA-256, no key id) are checked as before and counted as
 * {@code unkeyedLegacy}; the first keyed entry's MAC covers the last of them.
 *
 * <p>Entries written but not yet linked by the chainer ({@link AuditChain#linkPending}) are checked against their
 * pending MAC and counted as {@code pending}; one whose MAC fails is reported. The walk stops at the head it read
 * first, so entries the chainer links meanwhile are not mistaken for entries beyond the head. Without the key (kept outside the
 * database) nobody can rewrite a keyed entry or the head and recompute the chain.
 */
public final class AuditChainVerifier {

    private static final int PAGE = 500;
    private static final int MAX_PROBLEMS = 100;

    private final EntityManager em;
    private final ChainKey key;

    public AuditChainVerifier(EntityManager em, ChainKey key) {
        this.em = em;
        this.key = key;
    }

    /**
     * Result: {@code intact} when no problem was found; {@code unkeyedLegacy} entries were chained with plain
     * SHA-256 before keying began at {@code keyedFromSeq} (null: no keyed entry yet).
     */
    public record Report(long checked, long headSeq, long unchainedBefore, long unkeyedLegacy, Long keyedFromSeq,
                         List<String> problems, long pending) {
        public boolean intact() {
            return problems.isEmpty();
        }
    }

    public Report verify() {
        AuditChainHead head = em.find(AuditChainHead.class, AuditChainHead.ID);
        List<String> problems = new ArrayList<>();
        long expected = 1;
        long checked = 0;
        long legacy = 0;
        boolean keyedSeen = false;
        Long keyedFrom = head.getKeyedFromSeq();
        String previous = AuditChain.GENESIS;
        OffsetDateTime firstChainedAt = null;
        while (true) {
            List<AuditEntry> page = em.createQuery("SELECT e FROM AuditEntry e WHERE e.chainSeq >= :from"
                            + " AND e.chainSeq <= :last ORDER BY e.chainSeq", AuditEntry.class)
                    .setParameter("from", expected)
                    .setParameter("last", head.getLastSeq())
                    .setMaxResults(PAGE)
                    .getResultList();
            if (page.isEmpty()) {
                break;
            }
            for (AuditEntry e : page) {
                long seq = e.getChainSeq();
                if (firstChainedAt == null) {
                    firstChainedAt = e.getOccurredAt();
                }
                if (seq != expected) {
                    add(problems, "entries " + expected + (seq - 1 > expected ? "…" + (seq - 1) : "")
                            + " missing (deleted)");
                }
                if (!Objects.equals(previous, e.getPrevHash())) {
                    add(problems, "entry " + seq + ": previous hash does not match entry " + (seq - 1));
                }
                if (e.getChainKeyId() == null) {
                    if ((keyedFrom != null && seq >= keyedFrom) || keyedSeen) {
                        add(problems, "entry " + seq + " (" + e.getId() + "): no MAC although the chain is keyed"
                                + " at this position (re-chained without the key)");
                    } else {
                        legacy++;
                        if (!AuditChain.legacyHash(seq, e.getPrevHash(), e).equals(e.getEntryHash())) {
                            add(problems, "entry " + seq + " (" + e.getId() + "): unkeyed entry, content changed");
                        }
                    }
                } else if (keyedFrom == null || seq < keyedFrom) {
                    keyedSeen = true;
                    add(problems, "entry " + seq + " (" + e.getId() + "): keyed, but the head says keying began "
                            + (keyedFrom == null ? "nowhere" : "at entry " + keyedFrom) + " (head changed)");
                } else if (!key.id().equals(e.getChainKeyId())) {
                    add(problems, "entry " + seq + " (" + e.getId() + "): keyed with another audit key (id "
                            + e.getChainKeyId() + ", this node's is " + key.id() + ")");
                } else if (!ChainKey.same(AuditChain.mac(key, seq, e.getPrevHash(), e), e.getEntryHash())) {
                    add(problems, "entry " + seq + " (" + e.getId() + "): MAC does not verify, content changed");
                }
                keyedSeen |= e.getChainKeyId() != null;
                previous = e.getEntryHash();
                expected = seq + 1;
                checked++;
            }
            em.clear();
        }
        long last = expected - 1;
        if (head.getLastSeq() != last) {
            add(problems, "head is at entry " + head.getLastSeq() + " but the chain ends at " + last
                    + (head.getLastSeq() > last ? " (newest entries deleted)" : ""));
        } else if (!Objects.equals(head.getLastHash(), previous)) {
            add(problems, "entry " + last + " does not match the head's hash");
        }
        if (head.getHeadMac() == null) {
            // Every start appends a keyed entry (AuditLog), which seals the head: a chain with entries and an
            // unsealed head was rewritten by someone without the key.
            if (head.getLastSeq() > 0) {
                add(problems, "the head carries no MAC: the chain was rewritten without the audit key");
            }
        } else if (!ChainKey.same(AuditChain.headMac(key, head.getLastSeq(), head.getLastHash(), keyedFrom),
                head.getHeadMac())) {
            add(problems, "the head's MAC does not verify: position, newest value or keyed start changed");
        }
        checkBeyondHead(head.getLastSeq(), problems);
        long pending = checkPending(problems);
        long unchainedAfter = firstChainedAt == null ? 0 : count("SELECT COUNT(e) FROM AuditEntry e"
                + " WHERE e.chainSeq IS NULL AND e.pendingMac IS NULL AND e.occurredAt >= :t", firstChainedAt);
        if (unchainedAfter > 0) {
            add(problems, unchainedAfter + " entries written outside the audit log (no chain position)");
        }
        long unchainedBefore = firstChainedAt == null
                ? count("SELECT COUNT(e) FROM AuditEntry e WHERE e.chainSeq IS NULL AND e.pendingMac IS NULL", null)
                : count("SELECT COUNT(e) FROM AuditEntry e WHERE e.chainSeq IS NULL AND e.pendingMac IS NULL"
                        + " AND e.occurredAt < :t", firstChainedAt);
        return new Report(checked, head.getLastSeq(), unchainedBefore, legacy, keyedFrom, List.copyOf(problems),
                pending);
    }

    /**
     * Entries positioned after the head read at the start: fine if the chainer linked them meanwhile (the head,
     * re-read now, covers them — chainer commits move entries and head together), else written past the head.
     */
    private void checkBeyondHead(long headSeq, List<String> problems) {
        Long beyond = em.createQuery("SELECT MAX(e.chainSeq) FROM AuditEntry e WHERE e.chainSeq > :last", Long.class)
                .setParameter("last", headSeq).getSingleResult();
        if (beyond == null) {
            return;
        }
        long headNow = em.createQuery("SELECT h.lastSeq FROM AuditChainHead h WHERE h.id = :id", Long.class)
                .setParameter("id", AuditChainHead.ID).getSingleResult();
        if (beyond > headNow) {
            add(problems, "entries after the head (up to " + beyond + ", head at " + headNow
                    + "): written around the audit log or the head moved back");
        }
    }

    /** Checks the MAC of every entry waiting for the chainer; returns how many are pending and intact. */
    private long checkPending(List<String> problems) {
        long intact = 0;
        String after = "";
        while (true) {
            List<AuditEntry> page = em.createQuery("SELECT e FROM AuditEntry e WHERE e.chainSeq IS NULL"
                            + " AND e.pendingMac IS NOT NULL AND e.id > :after ORDER BY e.id", AuditEntry.class)
                    .setParameter("after", after)
                    .setMaxResults(PAGE)
                    .getResultList();
            if (page.isEmpty()) {
                return intact;
            }
            for (AuditEntry e : page) {
                if (ChainKey.same(AuditChain.pendingMac(key, e), e.getPendingMac())) {
                    intact++;
                } else {
                    add(problems, "pending entry " + e.getId() + ": MAC does not verify (written around the audit"
                            + " log, changed, or keyed with another audit key)");
                }
                after = e.getId();
            }
            em.clear();
        }
    }

    private long count(String jpql, OffsetDateTime t) {
        var q = em.createQuery(jpql, Long.class);
        if (t != null) {
            q.setParameter("t", t);
        }
        return q.getSingleResult();
    }

    private static void add(List<String> problems, String problem) {
        if (problems.size() < MAX_PROBLEMS) {
            problems.add(problem);
        }
    }
}
