package vn.lienthong.adapter.audit.control;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

import jakarta.persistence.EntityManager;

import vn.lienthong.adapter.audit.entity.AuditChainHead;
import vn.lienthong.adapter.audit.entity.AuditEntry;

/**
 * Walks the audit chain from the first entry to the head and reports every break: a changed entry (its hash
 * no longer matches its content), a deleted one (a gap in the positions and a previous-hash mismatch), deleted
 * newest entries (the head points further) and entries written around the audit log (no position). Reads in
 * pages, so a long chain does not have to fit in memory.
 *
 * <p>A chain without a secret detects changes made by anyone who does not recompute every later hash and the
 * head; it is evidence against accidents and casual edits, not against a database administrator.
 */
public final class AuditChainVerifier {

    private static final int PAGE = 500;
    private static final int MAX_PROBLEMS = 100;

    private final EntityManager em;

    public AuditChainVerifier(EntityManager em) {
        this.em = em;
    }

    /** Result: {@code intact} when no problem was found. */
    public record Report(long checked, long headSeq, long unchainedBefore, List<String> problems) {
        public boolean intact() {
            return problems.isEmpty();
        }
    }

    public Report verify() {
        AuditChainHead head = em.find(AuditChainHead.class, AuditChainHead.ID);
        List<String> problems = new ArrayList<>();
        long expected = 1;
        long checked = 0;
        String previous = AuditChain.GENESIS;
        OffsetDateTime firstChainedAt = null;
        while (true) {
            List<AuditEntry> page = em.createQuery("SELECT e FROM AuditEntry e WHERE e.chainSeq >= :from"
                            + " ORDER BY e.chainSeq", AuditEntry.class)
                    .setParameter("from", expected)
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
                if (!AuditChain.hash(seq, e.getPrevHash(), e).equals(e.getEntryHash())) {
                    add(problems, "entry " + seq + " (" + e.getId() + "): content changed");
                }
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
        long unchainedAfter = firstChainedAt == null ? 0 : count(
                "SELECT COUNT(e) FROM AuditEntry e WHERE e.chainSeq IS NULL AND e.occurredAt >= :t", firstChainedAt);
        if (unchainedAfter > 0) {
            add(problems, unchainedAfter + " entries written outside the audit log (no chain position)");
        }
        long unchainedBefore = firstChainedAt == null
                ? count("SELECT COUNT(e) FROM AuditEntry e WHERE e.chainSeq IS NULL", null)
                : count("SELECT COUNT(e) FROM AuditEntry e WHERE e.chainSeq IS NULL AND e.occurredAt < :t",
                        firstChainedAt);
        return new Report(checked, head.getLastSeq(), unchainedBefore, List.copyOf(problems));
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
