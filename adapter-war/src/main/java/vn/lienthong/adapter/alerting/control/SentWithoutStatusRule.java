package vn.lienthong.adapter.alerting.control;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import vn.lienthong.adapter.alerting.entity.Alert;
import vn.lienthong.adapter.alerting.entity.AlertRule;
import vn.lienthong.adapter.alerting.entity.Finding;
import vn.lienthong.adapter.platform.time.VietnamTime;

/**
 * NO_ARRIVAL: a recipient of a sent document has reported nothing (not even 01, arrived) N minutes after the
 * axis accepted it. NO_RECEIPT: it has not reported 03 (received) — or a later 04–06, or 02 (refused) — N hours
 * after. One alert per document and recipient, to the sender's contacts; cleared by the status (or a recall).
 * Each round reads only the attempts of the last largest-threshold + {@link #LOOKBACK_GRACE} (1,000,000 documents:
 * grouping every attempt timed out on H2) plus the documents of its still-open alerts.
 */
final class SentWithoutStatusRule implements Rule {

    /**
     * How far beyond the largest threshold a round still looks for sent documents: a document is alerted about
     * within this long after its threshold passed (rounds run every minute), or never if the rule was off or the
     * adapter down for the whole of it. Older alerts stay held through {@link #stillPending}.
     */
    static final Duration LOOKBACK_GRACE = Duration.ofDays(7);

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
        String answered = answered();
        OffsetDateTime from = ctx.lookbackStart(rule, LOOKBACK_GRACE);
        @SuppressWarnings("unchecked")
        List<Object[]> rows = ctx.em().createNativeQuery(windowQuery())
                .setParameter(1, ctx.earliestCutoff(rule))
                .setParameter(2, from)
                .setMaxResults(RuleContext.MAX_FINDINGS)
                .getResultList();
        List<Finding> out = new ArrayList<>();
        Set<String> found = new HashSet<>();
        for (Object[] r : rows) {
            add(ctx, r, out, found);
        }
        if (rows.size() < RuleContext.MAX_FINDINGS) {
            stillPending(ctx, answered, found, out);
        }
        return out;
    }

    /**
     * Open (or acknowledged) alerts about documents sent before the window: re-checked one by one through the
     * document's own attempts and statuses (index look-ups), so they stay open until the recipient answers
     * instead of being resolved because they aged out of the window.
     */
    private void stillPending(RuleContext ctx, String answered, Set<String> found, List<Finding> out) {
        for (Alert a : new AlertTable(ctx.em()).unresolved(rule)) {
            int slash = a.subject().indexOf('/');
            if (found.contains(a.subject()) || slash < 0) {
                continue;
            }
            @SuppressWarnings("unchecked")
            List<Object[]> rows = ctx.em().createNativeQuery(SELECT
                            + " JOIN (SELECT document_ref, MIN(attempted_at) AS sent_at FROM transport_attempt"
                            + " WHERE document_ref = ?2 AND outcome = 'SENT' GROUP BY document_ref) t"
                            + " ON t.document_ref = d.id" + pending(answered) + " AND r.organ_id = ?3")
                    .setParameter(1, ctx.earliestCutoff(rule))
                    .setParameter(2, a.subject().substring(0, slash))
                    .setParameter(3, a.subject().substring(slash + 1))
                    .getResultList();
            for (Object[] r : rows) {
                add(ctx, r, out, found);
            }
        }
    }

    /**
     * Sent documents still unanswered, from the attempts in [?2, ?1) only: the range of ix_console_attempt_time drives
     * the join (a grouped sub-select here made H2 visit every document and group per document); "first SENT attempt"
     * is a NOT EXISTS look-up in ix_attempt_document_outcome. Recall states are REQUESTED/CANCELLED_LOCALLY/…, never '-'.
     */
    String windowQuery() {
        return "SELECT d.id, d.document_id, d.sender_organ_id, r.organ_id, t.attempted_at AS sent_at"
                + " FROM transport_attempt t JOIN document d ON d.id = t.document_ref"
                + " JOIN recipient r ON r.document_ref = d.id"
                + " WHERE t.attempted_at >= ?2 AND t.attempted_at < ?1 AND t.outcome = 'SENT'"
                + " AND NOT EXISTS (SELECT 1 FROM transport_attempt e WHERE e.document_ref = t.document_ref"
                + " AND e.outcome = 'SENT' AND e.attempted_at < t.attempted_at)"
                // One expression, not three equalities: H2 would otherwise drive the join from an index on these
                // (direction, message_type) and visit every outgoing document; here it can only look d up by id.
                + " AND CONCAT(d.direction, '/', d.message_type, '/', d.state) = 'OUT/EDOC/SENT'"
                + " AND COALESCE(d.recall_state, '-') = '-'"
                + " AND NOT EXISTS (SELECT 1 FROM status_event s WHERE s.document_ref = d.id"
                + " AND s.organ_id = r.organ_id" + answered() + ") ORDER BY t.attempted_at";
    }

    private String answered() {
        return rule == AlertRule.NO_ARRIVAL ? "" : " AND s.status_code IN ('02', '03', '04', '05', '06')";
    }

    private static final String SELECT = "SELECT d.id, d.document_id, d.sender_organ_id, r.organ_id, t.sent_at"
            + " FROM document d JOIN recipient r ON r.document_ref = d.id";

    private static String pending(String answered) {
        return " WHERE d.direction = 'OUT' AND d.message_type = 'EDOC' AND d.state = 'SENT'"
                + " AND d.recall_state IS NULL AND t.sent_at < ?1"
                + " AND NOT EXISTS (SELECT 1 FROM status_event s WHERE s.document_ref = d.id"
                + " AND s.organ_id = r.organ_id" + answered + ")";
    }

    private void add(RuleContext ctx, Object[] r, List<Finding> out, Set<String> found) {
        String sender = (String) r[2];
        String recipient = (String) r[3];
        OffsetDateTime sentAt = SqlValues.time(r[4]);
        if (!ctx.setting(rule, sender).enabled() || sentAt.isAfter(ctx.now().minus(ctx.threshold(rule, sender)))) {
            return;
        }
        String subject = r[0] + "/" + recipient;
        if (!found.add(subject)) {
            return;
        }
        String status = rule == AlertRule.NO_ARRIVAL ? "01 (đã đến / arrived)" : "03 (đã tiếp nhận / received)";
        out.add(new Finding(rule, subject, sender,
                "Văn bản " + r[1] + " của " + sender + " gửi " + recipient + " lúc " + VietnamTime.iso(sentAt)
                        + " chưa có trạng thái " + status + " sau " + ctx.thresholdTextVi(rule, sender) + ".",
                "Document " + r[1] + " from " + sender + " sent to " + recipient + " at " + VietnamTime.iso(sentAt)
                        + " has no status " + status + " after " + ctx.thresholdText(rule, sender) + "."));
    }
}
