package vn.lienthong.adapter.alerting.control;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;

import vn.lienthong.adapter.alerting.entity.AlertRule;
import vn.lienthong.adapter.alerting.entity.Finding;
import vn.lienthong.adapter.platform.time.VietnamTime;

/**
 * NO_ARRIVAL: a recipient of a sent document has reported nothing (not even 01, arrived) N minutes after the
 * axis accepted it. NO_RECEIPT: it has not reported 03 (received) — or a later 04–06, or 02 (refused) — N hours
 * after. One alert per document and recipient, to the sender's contacts; cleared by the status (or a recall).
 */
final class SentWithoutStatusRule implements Rule {

    private final AlertRule rule;

    SentWithoutStatusRule(AlertRule rule) {
        if (rule != AlertRule.NO_ARRIVAL && rule != AlertRule.NO_RECEIPT) {
            throw new IllegalArgumentException(rule.name());
        }
        this.rule = rule;
    }

    @Override
    public AlertRule rule() {
        return rule;
    }

    @Override
    public List<Finding> findings(RuleContext ctx) {
        String answered = rule == AlertRule.NO_ARRIVAL ? ""
                : " AND s.status_code IN ('02', '03', '04', '05', '06')";
        @SuppressWarnings("unchecked")
        List<Object[]> rows = ctx.em().createNativeQuery("SELECT d.id, d.document_id, d.sender_organ_id, r.organ_id,"
                        + " t.sent_at FROM document d JOIN recipient r ON r.document_ref = d.id"
                        + " JOIN (SELECT document_ref, MIN(attempted_at) AS sent_at FROM transport_attempt"
                        + " WHERE outcome = 'SENT' GROUP BY document_ref) t ON t.document_ref = d.id"
                        + " WHERE d.direction = 'OUT' AND d.message_type = 'EDOC' AND d.state = 'SENT'"
                        + " AND d.recall_state IS NULL AND t.sent_at < ?1"
                        + " AND NOT EXISTS (SELECT 1 FROM status_event s WHERE s.document_ref = d.id"
                        + " AND s.organ_id = r.organ_id" + answered + ") ORDER BY t.sent_at")
                .setParameter(1, ctx.earliestCutoff(rule))
                .setMaxResults(RuleContext.MAX_FINDINGS)
                .getResultList();
        List<Finding> out = new ArrayList<>();
        for (Object[] r : rows) {
            String sender = (String) r[2];
            String recipient = (String) r[3];
            OffsetDateTime sentAt = SqlValues.time(r[4]);
            if (!ctx.setting(rule, sender).enabled() || sentAt.isAfter(ctx.now().minus(ctx.threshold(rule, sender)))) {
                continue;
            }
            String status = rule == AlertRule.NO_ARRIVAL ? "01 (đã đến / arrived)" : "03 (đã tiếp nhận / received)";
            out.add(new Finding(rule, r[0] + "/" + recipient, sender,
                    "Văn bản " + r[1] + " của " + sender + " gửi " + recipient + " lúc " + VietnamTime.iso(sentAt)
                            + " chưa có trạng thái " + status + " sau " + ctx.thresholdTextVi(rule, sender) + ".",
                    "Document " + r[1] + " from " + sender + " sent to " + recipient + " at " + VietnamTime.iso(sentAt)
                            + " has no status " + status + " after " + ctx.thresholdText(rule, sender) + "."));
        }
        return out;
    }
}
