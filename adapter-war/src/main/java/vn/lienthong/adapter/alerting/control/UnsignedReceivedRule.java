package vn.lienthong.adapter.alerting.control;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;

import vn.lienthong.adapter.alerting.entity.AlertRule;
import vn.lienthong.adapter.alerting.entity.Finding;

/**
 * Issue 14: a received document whose signatures do not give it legal value (verdict NOT_ESTABLISHED or
 * UNDETERMINED in {@code document_signature}: unsigned, invalid, untrusted, revoked, revocation unknown, …). Received
 * documents are never refused for this; the addressee's records clerk is told instead. One alert per document,
 * open for the rule's threshold (hours, default 24) after the verdict, then resolved by itself.
 */
final class UnsignedReceivedRule implements Rule {

    /** Verdicts older than this are never looked at, whatever an organisation's threshold says. */
    private static final java.time.Duration LONGEST = java.time.Duration.ofDays(31);

    @Override
    public AlertRule rule() {
        return AlertRule.UNSIGNED_RECEIVED;
    }

    @Override
    public List<Finding> findings(RuleContext ctx) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = ctx.em().createNativeQuery("SELECT s.document_ref, d.document_id, d.sender_organ_id,"
                        + " s.organ_id, s.verdict, s.reason, s.verified_at FROM document_signature s"
                        + " JOIN document d ON d.id = s.document_ref WHERE s.direction = 'IN'"
                        + " AND s.verdict IN ('NOT_ESTABLISHED', 'UNDETERMINED') AND s.verified_at > ?1"
                        + " ORDER BY s.verified_at DESC")
                .setParameter(1, ctx.now().minus(LONGEST))
                .setMaxResults(RuleContext.MAX_FINDINGS)
                .getResultList();
        List<Finding> out = new ArrayList<>();
        for (Object[] r : rows) {
            String organ = (String) r[3];
            OffsetDateTime verified = SqlValues.time(r[6]);
            if (!ctx.setting(rule(), organ).enabled()
                    || verified.isBefore(ctx.now().minus(ctx.threshold(rule(), organ)))) {
                continue;
            }
            out.add(new Finding(rule(), (String) r[0], organ,
                    "Văn bản đến " + r[1] + " của " + r[2] + " không có chữ ký số hợp lệ (" + r[4] + ": " + r[5]
                            + "); văn thư cần kiểm tra giá trị pháp lý của văn bản.",
                    "Received document " + r[1] + " from " + r[2] + " has no valid signature (" + r[4] + ": " + r[5]
                            + "); the records clerk should check its legal value."));
        }
        return out;
    }
}
