package vn.lienthong.adapter.delivery.control;

import java.util.List;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/**
 * The outbox senders' two ledger steps around every axis call — the send mark before it, the "sent" record after
 * it — committed by {@link GroupCommit}: the sender threads of this node share a transaction when they reach the
 * ledger at the same time (issue 11: these two commits per document were a sixth of the adapter's CPU under load).
 * Each step is still committed before its sender goes on, with the same statements and conditions as before.
 */
@ApplicationScoped
public class LedgerCommits {

    /** More than the senders of one node ever have waiting at once (one step each). */
    static final int MAX_STEPS = 64;

    @Inject
    TransportLedger ledger;

    private GroupCommit<TransportLedger.Step> commits;

    @PostConstruct
    void start() {
        commits = new GroupCommit<>(new GroupCommit.Runner<>() {
            @Override
            public List<Object> together(List<TransportLedger.Step> steps) {
                return ledger.together(steps);
            }

            @Override
            public Object alone(TransportLedger.Step step) {
                return step.on(ledger); // through the container: a transaction of its own, as before
            }
        }, MAX_STEPS);
    }

    /** {@link TransportLedger#started}, committed (maybe together with other senders' steps) before it returns. */
    public boolean started(String id, String node) {
        return (Boolean) commits.commit(l -> l.started(id, node));
    }

    /** {@link TransportLedger#sent} for the usual case, committed before it returns. */
    public void sent(String id, String documentId, String node, String axisDocId) {
        commits.commit(l -> {
            l.sent(id, documentId, node, axisDocId, null);
            return null;
        });
    }

    /** Steps per transaction so far (for the log and the benchmarks). */
    public double stepsPerTransaction() {
        return commits.stepsPerTransaction();
    }
}
