package vn.lienthong.adapter.alerting.control;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;

import vn.lienthong.adapter.alerting.entity.AlertRule;
import vn.lienthong.adapter.alerting.entity.Finding;
import vn.lienthong.adapter.platform.time.VietnamTime;

/**
 * An organisation's legacy client has not collected incoming documents for N hours: its oldest PENDING
 * document in the inbox ({@code inbox_item}) is that old — the unit "has not received". One alert per
 * organisation, to its contacts; cleared when the client has collected (confirmed) them.
 */
final class UncollectedInboxRule implements Rule {

    @Override
    public AlertRule rule() {
        return AlertRule.INBOX_UNCOLLECTED;
    }

    @Override
    public List<Finding> findings(RuleContext ctx) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = ctx.em().createNativeQuery("SELECT organ_id, COUNT(*), MIN(created_at) FROM inbox_item"
                        + " WHERE kind = 'DOCUMENT' AND state = 'PENDING' AND created_at < ?1 GROUP BY organ_id"
                        + " ORDER BY organ_id")
                .setParameter(1, ctx.earliestCutoff(rule()))
                .setMaxResults(RuleContext.MAX_FINDINGS)
                .getResultList();
        List<Finding> out = new ArrayList<>();
        for (Object[] r : rows) {
            String organ = (String) r[0];
            OffsetDateTime oldest = SqlValues.time(r[2]);
            var setting = ctx.setting(rule(), organ);
            if (!setting.enabled() || oldest.isAfter(ctx.now().minus(ctx.threshold(rule(), organ)))) {
                continue;
            }
            out.add(new Finding(rule(), organ, organ,
                    "Đơn vị " + organ + " chưa nhận văn bản đến: " + r[1] + " văn bản đang chờ, cũ nhất từ "
                            + VietnamTime.iso(oldest) + " (hơn " + ctx.thresholdTextVi(rule(), organ) + ").",
                    "Organisation " + organ + " has not collected incoming documents: " + r[1] + " waiting, the"
                            + " oldest since " + VietnamTime.iso(oldest) + " (over " + ctx.thresholdText(rule(), organ) + ")."));
        }
        return out;
    }
}
