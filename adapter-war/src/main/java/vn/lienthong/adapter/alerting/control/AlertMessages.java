package vn.lienthong.adapter.alerting.control;

import java.time.OffsetDateTime;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;

import vn.lienthong.adapter.alerting.entity.Alert;
import vn.lienthong.adapter.alerting.entity.Notice;
import vn.lienthong.adapter.platform.time.VietnamTime;

/**
 * The texts of a notice: e-mail subject and body (Vietnamese first, then English; times in Vietnam time, ISO
 * 8601) and the webhook's JSON. They carry what the rule found — document numbers, organisation codes, times,
 * certificate subjects — and never a secret, a password, a key or a document's content.
 */
public final class AlertMessages {

    private AlertMessages() {
    }

    /** Identifies one notice, for receivers that must drop a retried webhook call they already processed. */
    public static String noticeId(Notice n) {
        Alert a = n.alert();
        return a.id() + ":" + (n.kind() == Notice.Kind.RESOLVED ? "resolved" : String.valueOf(a.noticesSent() + 1));
    }

    public static String subject(Notice n) {
        Alert a = n.alert();
        String head = switch (n.kind()) {
            case RAISED -> "CẢNH BÁO / ALERT";
            case REMINDER -> "NHẮC LẠI CẢNH BÁO / ALERT REMINDER";
            case RESOLVED -> "ĐÃ KHẮC PHỤC / RESOLVED";
        };
        return "[Liên thông] " + head + ": " + a.rule().titleVi() + " / " + a.rule().titleEn();
    }

    public static String body(Notice n, OffsetDateTime now) {
        Alert a = n.alert();
        StringBuilder b = new StringBuilder();
        b.append(switch (n.kind()) {
            case RAISED -> "Cảnh báo mới";
            case REMINDER -> "Cảnh báo vẫn còn (chưa được xác nhận)";
            case RESOLVED -> "Cảnh báo đã được khắc phục";
        }).append(": ").append(a.rule().titleVi()).append('\n');
        b.append(a.messageVi()).append('\n');
        b.append("Phát hiện lúc: ").append(VietnamTime.iso(a.raisedAt())).append('\n');
        if (a.resolvedAt() != null) {
            b.append("Khắc phục lúc: ").append(VietnamTime.iso(a.resolvedAt())).append('\n');
        }
        b.append("Mã cảnh báo: ").append(a.id()).append(" (").append(a.key()).append(")\n");
        if (n.kind() != Notice.Kind.RESOLVED) {
            b.append("Xác nhận đã biết: POST /admin/alerts/").append(a.id()).append("/acknowledge\n");
        }
        b.append("\n---\n\n");
        b.append(switch (n.kind()) {
            case RAISED -> "New alert";
            case REMINDER -> "Alert still open (not acknowledged)";
            case RESOLVED -> "Alert resolved";
        }).append(": ").append(a.rule().titleEn()).append('\n');
        b.append(a.messageEn()).append('\n');
        b.append("Raised at: ").append(VietnamTime.iso(a.raisedAt())).append('\n');
        if (a.resolvedAt() != null) {
            b.append("Resolved at: ").append(VietnamTime.iso(a.resolvedAt())).append('\n');
        }
        b.append("Alert id: ").append(a.id()).append(" (").append(a.key()).append(")\n");
        b.append("Sent at / Gửi lúc: ").append(VietnamTime.iso(now)).append('\n');
        return b.toString();
    }

    public static JsonObject json(Notice n, OffsetDateTime now) {
        Alert a = n.alert();
        JsonObjectBuilder b = Json.createObjectBuilder()
                .add("noticeId", noticeId(n))
                .add("notice", n.kind().name())
                .add("id", a.id())
                .add("key", a.key())
                .add("rule", a.rule().id())
                .add("subject", a.subject())
                .add("state", n.kind() == Notice.Kind.RESOLVED ? "RESOLVED" : a.state().name())
                .add("titleVi", a.rule().titleVi())
                .add("titleEn", a.rule().titleEn())
                .add("messageVi", a.messageVi())
                .add("messageEn", a.messageEn())
                .add("raisedAt", VietnamTime.iso(a.raisedAt()))
                .add("sentAt", VietnamTime.iso(now));
        if (a.organId() != null) {
            b.add("organId", a.organId());
        }
        if (a.resolvedAt() != null) {
            b.add("resolvedAt", VietnamTime.iso(a.resolvedAt()));
        }
        return b.build();
    }
}
