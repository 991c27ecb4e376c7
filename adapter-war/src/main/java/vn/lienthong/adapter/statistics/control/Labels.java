package vn.lienthong.adapter.statistics.control;

import java.util.Locale;
import java.util.Map;

/**
 * The words of the exports and the monthly report, Vietnamese first ({@link #VI}) with an English variant
 * ({@link #EN}); {@link #of(String)} picks by a {@code lang} parameter ({@code en}, else Vietnamese).
 */
public enum Labels {

    VI(Map.ofEntries(
            Map.entry("period", "Kỳ"), Map.entry("organisation", "Cơ quan, đơn vị"),
            Map.entry("counterpart", "Cơ quan gửi/nhận đối ứng"), Map.entry("all", "Tất cả"),
            Map.entry("sent", "Gửi đi"), Map.entry("received", "Nhận đến"),
            Map.entry("documents", "Văn bản mới"), Map.entry("recalls", "Thu hồi"),
            Map.entry("updates", "Cập nhật"), Map.entry("replacements", "Thay thế"),
            Map.entry("byDocumentType", "Theo loại văn bản"), Map.entry("byUrgency", "Theo độ khẩn"),
            Map.entry("failed", "Lỗi truyền/nhận"), Map.entry("dead", "Gửi không thành công (ngừng gửi)"),
            Map.entry("cancelled", "Thu hồi trước khi gửi"), Map.entry("pairs", "Lượt gửi/nhận (văn bản × nơi nhận)"),
            Map.entry("complete", "Phản hồi đầy đủ (đến 06 hoặc từ chối 02)"),
            Map.entry("partial", "Phản hồi một phần (03–05)"), Map.entry("arrivedOnly", "Chỉ phản hồi 01 (đã đến)"),
            Map.entry("none", "Không phản hồi"), Map.entry("overdue", "Quá hạn xử lý chưa có 06"),
            Map.entry("reached", "số lượt"), Map.entry("median", "trung vị (giây)"),
            Map.entry("p90", "phân vị 90 (giây)"), Map.entry("to01", "Đến trạng thái 01"),
            Map.entry("to03", "Đến trạng thái 03"), Map.entry("to06", "Đến trạng thái 06"),
            Map.entry("sheet", "Thống kê"),
            Map.entry("reportTitle", "BÁO CÁO TÌNH HÌNH GỬI, NHẬN VĂN BẢN ĐIỆN TỬ QUA TRỤC LIÊN THÔNG"),
            Map.entry("month", "Tháng"), Map.entry("computedAt", "Số liệu tổng hợp tự động lúc"),
            Map.entry("s1", "1. Số lượng văn bản điện tử gửi, nhận"),
            Map.entry("s2", "2. Tỷ lệ văn bản điện tử có ký số"),
            Map.entry("s2inside", "Trong nội bộ cơ quan, đơn vị"),
            Map.entry("s2outside", "Gửi, nhận với cơ quan, đơn vị bên ngoài"),
            Map.entry("notRecorded", "Chưa ghi nhận (bộ điều hợp chưa lưu kết quả kiểm tra chữ ký số trên văn bản)"),
            Map.entry("signedShare", "%d/%d văn bản có ký số (%.1f %%), %d có giá trị pháp lý được xác nhận (%.1f %%)"),
            Map.entry("signedPending", "; %d văn bản đang chờ kiểm tra"),
            Map.entry("noSignedData", "Không có văn bản trong tháng"),
            Map.entry("s3", "3. Theo dõi, phản hồi thông tin xử lý văn bản (01 đã đến, 03 đã tiếp nhận, 04 phân công, 05 đang xử lý, 06 hoàn thành)"),
            Map.entry("ourFeedback", "Văn bản nhận đến — phản hồi của đơn vị"),
            Map.entry("theirFeedback", "Văn bản gửi đi — phản hồi của nơi nhận"),
            Map.entry("tracked", "Có theo dõi trạng thái xử lý"), Map.entry("yes", "Có (tự động)"),
            Map.entry("s4", "4. Chi tiết theo cơ quan đối ứng"), Map.entry("share", "Tỷ lệ"),
            Map.entry("timing", "Thời gian phản hồi"), Map.entry("item", "Nội dung"), Map.entry("count", "Số lượng"),
            Map.entry("preparer", "Người lập biểu"), Map.entry("head", "Thủ trưởng cơ quan, đơn vị"),
            Map.entry("definitions", "Định nghĩa từng chỉ tiêu: docs/statistics.md của bộ điều hợp."),
            Map.entry("noData", "Không có số liệu trong kỳ."))),
    EN(Map.ofEntries(
            Map.entry("period", "Period"), Map.entry("organisation", "Organisation"),
            Map.entry("counterpart", "Counterpart"), Map.entry("all", "All"),
            Map.entry("sent", "Sent"), Map.entry("received", "Received"),
            Map.entry("documents", "New documents"), Map.entry("recalls", "Recalls"),
            Map.entry("updates", "Updates"), Map.entry("replacements", "Replacements"),
            Map.entry("byDocumentType", "By document type"), Map.entry("byUrgency", "By urgency"),
            Map.entry("failed", "Transport failures"), Map.entry("dead", "Dead (given up)"),
            Map.entry("cancelled", "Recalled before sending"), Map.entry("pairs", "Deliveries (document × recipient)"),
            Map.entry("complete", "Full feedback (to 06 or refused 02)"),
            Map.entry("partial", "Partial feedback (03–05)"), Map.entry("arrivedOnly", "Only 01 (arrived)"),
            Map.entry("none", "No feedback"), Map.entry("overdue", "Past deadline without 06"),
            Map.entry("reached", "reached"), Map.entry("median", "median (s)"),
            Map.entry("p90", "90th percentile (s)"), Map.entry("to01", "To status 01"),
            Map.entry("to03", "To status 03"), Map.entry("to06", "To status 06"),
            Map.entry("sheet", "Statistics"),
            Map.entry("reportTitle", "ELECTRONIC DOCUMENTS SENT AND RECEIVED THROUGH THE EXCHANGE AXIS"),
            Map.entry("month", "Month"), Map.entry("computedAt", "Figures computed automatically at"),
            Map.entry("s1", "1. Electronic documents sent and received"),
            Map.entry("s2", "2. Share of digitally signed documents"),
            Map.entry("s2inside", "Inside the organisation"),
            Map.entry("s2outside", "With outside bodies"),
            Map.entry("notRecorded", "Not yet recorded (the adapter does not yet store the outcome of document signature checks)"),
            Map.entry("signedShare", "%d of %d documents signed (%.1f %%), %d with legal value established (%.1f %%)"),
            Map.entry("signedPending", "; %d documents not checked yet"),
            Map.entry("noSignedData", "No documents in the month"),
            Map.entry("s3", "3. Tracking and feedback of processing information (01 arrived, 03 received, 04 assigned, 05 in progress, 06 done)"),
            Map.entry("ourFeedback", "Documents received — our feedback"),
            Map.entry("theirFeedback", "Documents sent — recipients' feedback"),
            Map.entry("tracked", "Processing status tracked"), Map.entry("yes", "Yes (automatic)"),
            Map.entry("s4", "4. Per counterpart"), Map.entry("share", "Share"),
            Map.entry("timing", "Feedback time"), Map.entry("item", "Item"), Map.entry("count", "Count"),
            Map.entry("preparer", "Prepared by"), Map.entry("head", "Head of the organisation"),
            Map.entry("definitions", "Definitions of every figure: the adapter's docs/statistics.md."),
            Map.entry("noData", "No figures in this period.")));

    private final Map<String, String> words;

    Labels(Map<String, String> words) {
        this.words = words;
    }

    public String get(String key) {
        return words.getOrDefault(key, key);
    }

    public Locale locale() {
        return this == VI ? Locale.forLanguageTag("vi-VN") : Locale.UK;
    }

    /** {@code en} (any case) → English; anything else, or nothing → Vietnamese. */
    public static Labels of(String lang) {
        return lang != null && lang.equalsIgnoreCase("en") ? EN : VI;
    }
}
