package vn.lienthong.adapter.alerting.control;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

import jakarta.persistence.EntityManager;

import vn.lienthong.adapter.audit.control.AuditChain;
import vn.lienthong.adapter.audit.control.AuditChainVerifier;
import vn.lienthong.adapter.audit.control.ChainKey;
import vn.lienthong.adapter.audit.entity.AuditChainHead;
import vn.lienthong.adapter.audit.entity.AuditEntry;

/**
 * Verifies the audit chain without a full scan every round. Incremental: from the last verified position
 * (checkpoint {@code audit-chain}: position and its entry hash) up to the head, at most {@value #PAGE} entries a
 * round — each must follow the previous one (no gap, previous hash) and carry a valid MAC (or, before keying, its
 * plain hash); the checkpoint entry itself must be unchanged, and the head may not be behind it. The checkpoint
 * advances only over verified entries, so a break is found again every round until it is repaired. Full: every
 * {@code adapter.alerts.audit-chain.full-every-hours} the whole chain ({@link AuditChainVerifier}) also checks
 * what the incremental pass cannot (older entries changed, head MAC); its verdict is kept in checkpoint
 * {@code audit-chain-full} until the next full check.
 */
public final class AuditChainWatch {

    static final int PAGE = 2000;

    private final EntityManager em;
    private final ChainKey key;
    private final Duration fullEvery;

    public AuditChainWatch(EntityManager em, ChainKey key, Duration fullEvery) {
        this.em = em;
        this.key = key;
        this.fullEvery = fullEvery;
    }

    /** The first problem found (empty: the chain verifies as far as checked). */
    public Optional<String> check(OffsetDateTime now) {
        Optional<String> incremental = incremental(now);
        if (incremental.isPresent()) {
            return incremental;
        }
        return full(now);
    }

    private Optional<String> incremental(OffsetDateTime now) {
        Object[] cp = checkpoint("audit-chain");
        long position = SqlValues.number(cp[0]);
        String hash = (String) cp[1];
        AuditChainHead head = em.find(AuditChainHead.class, AuditChainHead.ID);
        em.refresh(head);
        if (head.getLastSeq() < position) {
            return Optional.of("the head is at entry " + head.getLastSeq() + " but entry " + position
                    + " was verified before (newest entries deleted)");
        }
        String previous = AuditChain.GENESIS;
        if (position > 0) {
            List<AuditEntry> at = entries(position, position);
            if (at.isEmpty() || !Objects.equals(at.get(0).getEntryHash(), hash)) {
                return Optional.of("entry " + position + " changed or deleted since it was verified");
            }
            previous = hash;
        }
        long to = Math.min(head.getLastSeq(), position + PAGE);
        long expected = position + 1;
        String lastHash = hash;
        for (AuditEntry e : entries(position + 1, to)) {
            long seq = e.getChainSeq();
            if (seq != expected) {
                return Optional.of("entries " + expected + "…" + (seq - 1) + " missing (deleted)");
            }
            if (!Objects.equals(previous, e.getPrevHash())) {
                return Optional.of("entry " + seq + ": previous hash does not match entry " + (seq - 1));
            }
            String expectedHash = e.getChainKeyId() == null ? AuditChain.legacyHash(seq, e.getPrevHash(), e)
                    : key.id().equals(e.getChainKeyId()) ? AuditChain.mac(key, seq, e.getPrevHash(), e) : null;
            if (expectedHash == null) {
                return Optional.of("entry " + seq + ": keyed with another audit key (id " + e.getChainKeyId() + ")");
            }
            if (!ChainKey.same(expectedHash, e.getEntryHash())) {
                return Optional.of("entry " + seq + ": its MAC does not verify (content changed)");
            }
            previous = e.getEntryHash();
            lastHash = previous;
            expected = seq + 1;
        }
        if (expected <= to) {
            return Optional.of("entries " + expected + "…" + to + " missing (deleted)");
        }
        if (expected - 1 > position) {
            em.createNativeQuery("UPDATE alert_checkpoint SET position = ?1, hash = ?2, checked_at = ?3"
                            + " WHERE name = 'audit-chain'")
                    .setParameter(1, expected - 1)
                    .setParameter(2, lastHash)
                    .setParameter(3, now)
                    .executeUpdate();
        }
        return Optional.empty();
    }

    private Optional<String> full(OffsetDateTime now) {
        Object[] cp = checkpoint("audit-chain-full");
        OffsetDateTime checkedAt = SqlValues.time(cp[2]);
        if (checkedAt == null || !checkedAt.plus(fullEvery).isAfter(now)) {
            AuditChainVerifier.Report report = new AuditChainVerifier(em, key).verify();
            String verdict = report.intact() ? null : SqlValues.cut(report.problems().get(0), 128);
            em.createNativeQuery("UPDATE alert_checkpoint SET position = ?1, hash = ?2, checked_at = ?3"
                            + " WHERE name = 'audit-chain-full'")
                    .setParameter(1, report.checked())
                    .setParameter(2, verdict)
                    .setParameter(3, now)
                    .executeUpdate();
            return Optional.ofNullable(verdict);
        }
        return Optional.ofNullable((String) cp[1]);
    }

    private Object[] checkpoint(String name) {
        return (Object[]) em.createNativeQuery("SELECT position, hash, checked_at FROM alert_checkpoint WHERE name = ?1")
                .setParameter(1, name).getSingleResult();
    }

    private List<AuditEntry> entries(long from, long to) {
        return em.createQuery("SELECT e FROM AuditEntry e WHERE e.chainSeq >= :from AND e.chainSeq <= :to"
                        + " ORDER BY e.chainSeq", AuditEntry.class)
                .setParameter("from", from)
                .setParameter("to", to)
                .getResultList();
    }
}
