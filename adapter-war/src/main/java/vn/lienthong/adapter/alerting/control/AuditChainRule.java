package vn.lienthong.adapter.alerting.control;

import java.util.List;

import vn.lienthong.adapter.alerting.entity.AlertRule;
import vn.lienthong.adapter.alerting.entity.Finding;

/**
 * The audit chain fails verification ({@link AuditChainWatch}: incremental every round, in full every
 * {@code adapter.alerts.audit-chain.full-every-hours}). To the operators; cleared when the chain verifies again.
 */
final class AuditChainRule implements Rule {

    @Override
    public AlertRule rule() {
        return AlertRule.AUDIT_CHAIN;
    }

    @Override
    public List<Finding> findings(RuleContext ctx) {
        if (!ctx.setting(rule(), null).enabled() || ctx.auditKey() == null) {
            return List.of();
        }
        return new AuditChainWatch(ctx.em(), ctx.auditKey(), ctx.settings().auditFullEvery()).check(ctx.now())
                .map(problem -> List.of(new Finding(rule(), "audit", null,
                        "Chuỗi nhật ký kiểm toán không toàn vẹn: " + problem + ". Kiểm tra: GET /admin/audit/verify.",
                        "The audit chain fails verification: " + problem + ". Check: GET /admin/audit/verify.")))
                .orElse(List.of());
    }
}
