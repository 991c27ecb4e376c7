package vn.lienthong.adapter.audit.control;

import java.time.temporal.ChronoUnit;

import jakarta.annotation.Resource;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.TransactionSynchronizationRegistry;

import vn.lienthong.adapter.audit.entity.AuditEntry;
import vn.lienthong.adapter.audit.entity.Audited;
import vn.lienthong.adapter.platform.store.TransactionOutcome;
import vn.lienthong.adapter.platform.time.VietnamTime;

/**
 * Writes audit entries in their own short transaction, so a refused request leaves its trace even though the
 * request's own work is rolled back. The single writing path: an entry is stored as pending with a MAC of its
 * content ({@link AuditChain#stage}: one insert, no lock, so writers never queue behind each other) and linked into
 * the keyed hash chain moments later by {@link AuditChainer} ({@link #linkPending}), which
 * {@link AuditChainVerifier} checks.
 */
@Stateless
public class AuditLog {

    /** Most entries linked in one chainer transaction. */
    static final int LINK_BATCH = 500;

    @PersistenceContext(unitName = "lienthong")
    EntityManager em;
    @Inject
    AuditKey key;
    /** Metrics count entries by action, outcome and code (issue 13); observers only count, never throw. */
    @Inject
    Event<Audited> audited;
    @Inject
    PendingAudit pending;
    @Resource
    TransactionSynchronizationRegistry transactions;

    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public void record(String actor, String action, String organId, String outcome, String code, String detail) {
        write(actor, action, organId, outcome, code, detail);
    }

    /**
     * The entry of work that is being committed: staged in the caller's transaction, so it exists exactly when that
     * work does (an accepted document and its entry commit together, or neither) and costs no commit of its own.
     * Only for outcomes that are the transaction's own result; refusals, whose work is rolled back, use
     * {@link #record}.
     */
    @TransactionAttribute(TransactionAttributeType.MANDATORY)
    public void recordWithCaller(String actor, String action, String organId, String outcome, String code,
            String detail) {
        if (transactions == null) { // outside the container (tests that build an AuditLog by hand): the plain path
            record(actor, action, organId, outcome, code, detail);
            return;
        }
        stage(actor, action, organId, outcome, code, detail);
        // Counted and handed to the chainer once committed: before that, the chainer cannot see the entry.
        TransactionOutcome.afterCommit(transactions, () -> written(actor, action, outcome, code));
    }

    private void write(String actor, String action, String organId, String outcome, String code, String detail) {
        stage(actor, action, organId, outcome, code, detail);
        written(actor, action, outcome, code);
    }

    private void stage(String actor, String action, String organId, String outcome, String code, String detail) {
        // Milliseconds: what both databases store exactly, so the chained hash can be recomputed from the row.
        AuditChain.stage(em, new AuditEntry(VietnamTime.now().truncatedTo(ChronoUnit.MILLIS), cut(actor, 100),
                action, cut(organId, 35), outcome, cut(code, 100), cut(detail, 1000)), key.get());
    }

    private void written(String actor, String action, String outcome, String code) {
        if (audited != null) { // null where the store tests build an AuditLog by hand
            audited.fire(new Audited(actor, action, outcome, code));
        }
        if (pending != null) {
            pending.written();
        }
    }

    /**
     * Links up to {@value #LINK_BATCH} pending entries into the chain (waiting for the head lock if another node's
     * chainer holds it). Called by the chainer, at start (entries a killed process left pending), and before the
     * audit trail is read, so a reader sees everything written before it asked.
     */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public AuditChain.Linked linkPending() {
        return AuditChain.linkPending(em, key.get(), LINK_BATCH);
    }

    private static String cut(String s, int max) {
        return s == null || s.length() <= max ? s : s.substring(0, max);
    }
}
