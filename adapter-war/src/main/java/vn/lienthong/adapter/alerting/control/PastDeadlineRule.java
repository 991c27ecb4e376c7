package vn.lienthong.adapter.alerting.control;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import vn.lienthong.adapter.alerting.entity.AlertRule;
import vn.lienthong.adapter.alerting.entity.Finding;
import vn.lienthong.adapter.platform.time.VietnamTime;

/**
 * A sent document whose deadline ({@code due_date}, Vietnam calendar) has passed — by more than N days of grace —
 * while a recipient has not reported 06 (completed) or 02 (refused). One alert per document and recipient, to
 * the sender's contacts; cleared by the status (or a recall).
 */
final class PastDeadlineRule implements Rule {

    @Override
    public AlertRule rule() {
        return AlertRule.PAST_DEADLINE;
    }

    @Override
    public List<Finding> findings(RuleContext ctx) {
        LocalDate today = ctx.now().atZoneSameInstant(VietnamTime.ZONE).toLocalDate();
        @SuppressWarnings("unchecked")
        List<Object[]> rows = ctx.em().createNativeQuery("SELECT d.id, d.document_id, d.sender_organ_id, r.organ_id,"
                        + " d.due_date FROM document d JOIN recipient r ON r.document_ref = d.id"
                        + " WHERE d.direction = 'OUT' AND d.message_type = 'EDOC' AND d.state = 'SENT'"
                        + " AND d.recall_state IS NULL AND d.due_date IS NOT NULL AND d.due_date < ?1"
                        + " AND NOT EXISTS (SELECT 1 FROM status_event s WHERE s.document_ref = d.id"
                        + " AND s.organ_id = r.organ_id AND s.status_code IN ('02', '06')) ORDER BY d.due_date")
                .setParameter(1, today)
                .setMaxResults(RuleContext.MAX_FINDINGS)
                .getResultList();
        List<Finding> out = new ArrayList<>();
        for (Object[] r : rows) {
            String sender = (String) r[2];
            var setting = ctx.setting(rule(), sender);
            LocalDate due = SqlValues.date(r[4]);
            if (!setting.enabled() || !due.plusDays(setting.threshold()).isBefore(today)) {
                continue;
            }
            out.add(new Finding(rule(), r[0] + "/" + r[3], sender,
                    "Văn bản " + r[1] + " của " + sender + " gửi " + r[3] + " đã quá hạn xử lý " + due
                            + " mà chưa có trạng thái 06 (hoàn thành).",
                    "Document " + r[1] + " from " + sender + " to " + r[3] + " is past its deadline " + due
                            + " without status 06 (completed)."));
        }
        return out;
    }
}
