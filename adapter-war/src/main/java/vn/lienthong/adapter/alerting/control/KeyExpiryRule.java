package vn.lienthong.adapter.alerting.control;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

import vn.lienthong.adapter.alerting.entity.AlertRule;
import vn.lienthong.adapter.alerting.entity.Finding;
import vn.lienthong.adapter.platform.time.VietnamTime;

/**
 * The adapter's signing key, its TLS certificate or a trust anchor expires within N days (or has expired). One
 * alert per certificate (role, subject, serial), to the operators; cleared when the certificate is replaced in
 * the keys folder (the new one has another serial) — the key stores are re-read every round.
 */
final class KeyExpiryRule implements Rule {

    @Override
    public AlertRule rule() {
        return AlertRule.KEY_EXPIRY;
    }

    @Override
    public List<Finding> findings(RuleContext ctx) {
        var setting = ctx.setting(rule(), null);
        if (!setting.enabled()) {
            return List.of();
        }
        OffsetDateTime horizon = ctx.now().plus(ctx.threshold(rule(), null));
        List<Finding> out = new ArrayList<>();
        for (WatchedCertificate w : ctx.certificates().get()) {
            OffsetDateTime notAfter = w.certificate().getNotAfter().toInstant().atOffset(ZoneOffset.UTC);
            if (notAfter.isAfter(horizon)) {
                continue;
            }
            String subject = w.certificate().getSubjectX500Principal().getName();
            String serial = w.certificate().getSerialNumber().toString(16);
            boolean expired = !notAfter.isAfter(ctx.now());
            String when = VietnamTime.iso(notAfter);
            out.add(new Finding(rule(), w.role() + ":" + serial, null,
                    roleVi(w.role()) + " " + subject + " (số hiệu " + serial + ") " + (expired ? "đã hết hạn" : "hết hạn")
                            + " lúc " + when + "; cần thay trong thư mục khóa.",
                    w.role() + " " + subject + " (serial " + serial + ") " + (expired ? "expired" : "expires")
                            + " at " + when + "; replace it in the keys folder."));
        }
        return out;
    }

    private static String roleVi(String role) {
        return switch (role) {
            case "signing key" -> "Khóa ký của bộ chuyển đổi";
            case "TLS certificate" -> "Chứng thư TLS";
            case "trust anchor" -> "CA tin cậy";
            default -> role;
        };
    }
}
