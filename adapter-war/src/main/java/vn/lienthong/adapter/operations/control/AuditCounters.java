package vn.lienthong.adapter.operations.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

import vn.lienthong.adapter.audit.entity.Audited;
import vn.lienthong.adapter.operations.entity.Face;

/**
 * Counts what the audit trail records: every refusal of every face (they are all audited with their stable code)
 * and every accepted submission. One hook in {@code audit.control.AuditLog} instead of one in each face.
 */
@ApplicationScoped
public class AuditCounters {

    @Inject
    AdapterMetrics metrics;

    void onAudited(@Observes Audited entry) {
        try {
            String face = Face.ofAudit(entry.actor(), entry.action());
            if ("REFUSED".equals(entry.outcome())) {
                metrics.refused(face, entry.code());
            } else if ("SUBMIT".equals(entry.action()) && "ACCEPTED".equals(entry.outcome())) {
                metrics.accepted(face);
            }
        } catch (RuntimeException metricsFailed) {
            // Counting must never undo an audit entry's transaction.
        }
    }
}
