package vn.lienthong.adapter.alerting.control;

import java.util.ArrayList;
import java.util.List;

import vn.lienthong.adapter.alerting.entity.AlertRule;
import vn.lienthong.adapter.alerting.entity.Finding;

/**
 * An outgoing document (or status package) is DEAD: the axis refused it or it kept failing past the outbox's
 * maximum age. To the sender's contacts and the operators; cleared when an operator re-queues it. (The
 * {@code ALERT:} log line of {@code delivery.control.TransportLedger} stays: it is written at the moment it dies.)
 */
final class DeadDocumentRule implements Rule {

    @Override
    public AlertRule rule() {
        return AlertRule.DEAD_DOCUMENT;
    }

    @Override
    public List<Finding> findings(RuleContext ctx) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = ctx.em().createNativeQuery("SELECT d.id, d.document_id, d.sender_organ_id,"
                        + " d.message_type, d.updated_at FROM document d"
                        + " WHERE d.direction = 'OUT' AND d.state = 'DEAD' AND d.updated_at < ?1 ORDER BY d.updated_at")
                .setParameter(1, ctx.earliestCutoff(rule()).plusNanos(1))
                .setMaxResults(RuleContext.MAX_FINDINGS)
                .getResultList();
        List<Finding> out = new ArrayList<>();
        for (Object[] r : rows) {
            String sender = (String) r[2];
            if (!ctx.setting(rule(), sender).enabled()
                    || SqlValues.time(r[4]).isAfter(ctx.now().minus(ctx.threshold(rule(), sender)))) {
                continue;
            }
            String what = "STATUS".equals(r[3]) ? "Gói trạng thái" : "Văn bản";
            out.add(new Finding(rule(), (String) r[0], sender,
                    what + " " + r[1] + " của " + sender + " không gửi được lên Trục (DEAD); quản trị viên cần"
                            + " xem lỗi và gửi lại (POST /admin/outbox/" + r[0] + "/requeue).",
                    ("STATUS".equals(r[3]) ? "Status package " : "Document ") + r[1] + " from " + sender
                            + " could not be sent to the axis (DEAD); an operator should check the error and"
                            + " re-queue it."));
        }
        return out;
    }
}
