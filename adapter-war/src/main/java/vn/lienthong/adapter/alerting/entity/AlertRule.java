package vn.lienthong.adapter.alerting.entity;

/**
 * Every alert rule: its id (also the settings name, {@code adapter.alerts.<id>.<unit>}), the unit of its
 * threshold and the default. Rules with {@code perOrganisation} are about one organisation's documents and read
 * that organisation's overrides; the others are about the adapter itself and go to the operators only.
 */
public enum AlertRule {
    NO_ARRIVAL("no-arrival", "minutes", 30, true,
            "Văn bản đã gửi chưa có trạng thái 01 (đã đến)", "Sent document without status 01 (arrived)"),
    NO_RECEIPT("no-receipt", "hours", 24, true,
            "Văn bản đã gửi chưa có trạng thái 03 (đã tiếp nhận)", "Sent document without status 03 (received)"),
    PAST_DEADLINE("past-deadline", "days", 0, true,
            "Văn bản quá hạn xử lý chưa có trạng thái 06 (hoàn thành)", "Document past its deadline without 06"),
    DEAD_DOCUMENT("dead-document", "minutes", 0, true,
            "Văn bản không gửi được lên Trục (DEAD)", "Document could not be sent to the axis (DEAD)"),
    AXIS_OUTAGE("axis-outage", "minutes", 10, false,
            "Trục liên thông không kết nối được hoặc từ chối", "The axis is unreachable or refusing"),
    INBOX_UNCOLLECTED("inbox-uncollected", "hours", 4, true,
            "Văn bản đến chưa được phần mềm QLVB nhận về", "Incoming documents not collected by the client"),
    FEEDBACK_OVERDUE("feedback-overdue", "hours", 24, true,
            "Văn bản đến chưa được phản hồi trạng thái (03…06)", "Received document without its feedback (03…06)"),
    KEY_EXPIRY("key-expiry", "days", 30, false,
            "Khóa ký, chứng thư TLS hoặc CA tin cậy sắp hết hạn", "Signing key, TLS certificate or trust anchor expiring"),
    AUDIT_CHAIN("audit-chain", "minutes", 0, false,
            "Chuỗi nhật ký kiểm toán không toàn vẹn", "The audit chain fails verification"),
    DISK_SPACE("disk-space", "free-mb", 1024, false,
            "Dung lượng đĩa của thư mục dữ liệu thấp", "Low disk space in the data folder"),
    /** Issue 14: the threshold is how long the alert stays open after the verdict (hours). */
    UNSIGNED_RECEIVED("unsigned-received", "hours", 24, true,
            "Văn bản đến không có chữ ký số hợp lệ", "Received document without a valid signature");

    private final String id;
    private final String unit;
    private final long defaultThreshold;
    private final boolean perOrganisation;
    private final String titleVi;
    private final String titleEn;

    AlertRule(String id, String unit, long defaultThreshold, boolean perOrganisation, String titleVi,
              String titleEn) {
        this.id = id;
        this.unit = unit;
        this.defaultThreshold = defaultThreshold;
        this.perOrganisation = perOrganisation;
        this.titleVi = titleVi;
        this.titleEn = titleEn;
    }

    public String id() { return id; }
    public String unit() { return unit; }
    public long defaultThreshold() { return defaultThreshold; }
    public boolean perOrganisation() { return perOrganisation; }
    public String titleVi() { return titleVi; }
    public String titleEn() { return titleEn; }

    public static java.util.Optional<AlertRule> byId(String id) {
        for (AlertRule r : values()) {
            if (r.id.equals(id)) {
                return java.util.Optional.of(r);
            }
        }
        return java.util.Optional.empty();
    }
}
