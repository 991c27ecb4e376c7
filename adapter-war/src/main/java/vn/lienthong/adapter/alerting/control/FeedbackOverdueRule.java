package vn.lienthong.adapter.alerting.control;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;

import vn.lienthong.adapter.alerting.entity.AlertRule;
import vn.lienthong.adapter.alerting.entity.Finding;
import vn.lienthong.adapter.platform.time.VietnamTime;

/**
 * A document received for one of our organisations N hours ago, to which that organisation has not yet given
 * its own feedback: none of 02 (refused), 03 (received) … 06 (completed) — 01 is sent automatically on arrival.
 * One alert per document and organisation, to its contacts; cleared by the status. Recall packages (business
 * type 1) are answered with 15/16 and are not counted.
 */
final class FeedbackOverdueRule implements Rule {

    @Override
    public AlertRule rule() {
        return AlertRule.FEEDBACK_OVERDUE;
    }

    @Override
    public List<Finding> findings(RuleContext ctx) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = ctx.em().createNativeQuery("SELECT d.id, d.document_id, d.sender_organ_id, i.organ_id,"
                        + " d.created_at FROM inbox_item i JOIN document d ON d.id = i.document_ref"
                        + " WHERE i.kind = 'DOCUMENT' AND d.direction = 'IN' AND d.message_type = 'EDOC'"
                        + " AND d.business_type <> 1 AND d.created_at < ?1"
                        + " AND NOT EXISTS (SELECT 1 FROM status_event s WHERE s.document_ref = d.id"
                        + " AND s.organ_id = i.organ_id AND s.status_code IN ('02', '03', '04', '05', '06'))"
                        + " ORDER BY d.created_at")
                .setParameter(1, ctx.earliestCutoff(rule()))
                .setMaxResults(RuleContext.MAX_FINDINGS)
                .getResultList();
        List<Finding> out = new ArrayList<>();
        for (Object[] r : rows) {
            String organ = (String) r[3];
            OffsetDateTime at = SqlValues.time(r[4]);
            var setting = ctx.setting(rule(), organ);
            if (!setting.enabled() || at.isAfter(ctx.now().minus(ctx.threshold(rule(), organ)))) {
                continue;
            }
            out.add(new Finding(rule(), r[0] + "/" + organ, organ,
                    "Văn bản đến " + r[1] + " từ " + r[2] + " (nhận lúc " + VietnamTime.iso(at) + ") chưa được "
                            + organ + " phản hồi trạng thái 03…06 sau " + ctx.thresholdTextVi(rule(), organ) + ".",
                    "Incoming document " + r[1] + " from " + r[2] + " (received " + VietnamTime.iso(at)
                            + ") has no feedback 03…06 from " + organ + " after " + ctx.thresholdText(rule(), organ) + "."));
        }
        return out;
    }
}
