package vn.lienthong.edxml.testsupport;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import vn.lienthong.edxml.model.Bussiness;
import vn.lienthong.edxml.model.BusinessType;
import vn.lienthong.edxml.model.DocumentCode;
import vn.lienthong.edxml.model.DocumentPackage;
import vn.lienthong.edxml.model.DocumentType;
import vn.lienthong.edxml.model.MessageHeader;
import vn.lienthong.edxml.model.Organization;
import vn.lienthong.edxml.model.OtherInfo;
import vn.lienthong.edxml.model.PromulgationInfo;
import vn.lienthong.edxml.model.ResponseFor;
import vn.lienthong.edxml.model.SignerInfo;
import vn.lienthong.edxml.model.StaffInfo;
import vn.lienthong.edxml.model.StatusPackage;
import vn.lienthong.edxml.model.TraceHeader;
import vn.lienthong.edxml.model.TraceHeaderList;
import vn.lienthong.edxml.write.AttachmentSource;
import vn.lienthong.edxml.write.EdxmlWriter;

/** Invented packages (no personal data from the fixtures) for writer, signer and reader tests. */
public final class SamplePackages {

    public static final String SENDER = "000.00.00.G22";
    public static final LocalDateTime SENT = LocalDateTime.of(2025, 11, 20, 9, 30, 15);

    private SamplePackages() {
    }

    public static MessageHeader header(String documentId) {
        return new MessageHeader(
                new Organization(SENDER, "Chính phủ", "Văn phòng Test", "1 Phố Thử", "test@example.vn", "024000",
                        null, "example.vn"),
                List.of(Organization.of("000.00.00.H41", "UBND Tỉnh Thử"), Organization.of("G12", "Bộ Thử")),
                documentId, new DocumentCode("123", "VPT-TH"),
                new PromulgationInfo("Hà Nội", LocalDate.of(2025, 11, 20)),
                new DocumentType(1, 0, "Công văn"), "V/v thử nghiệm <liên thông> & ký số",
                "Nội dung tóm tắt", new SignerInfo("KT. BỘ TRƯỞNG", "Thứ trưởng", "Người Ký Thử"),
                LocalDate.of(2025, 12, 1),
                new OtherInfo(1, "Liên thông văn bản quốc gia", "TVC", 2, 3, false, List.of("Phụ lục 1")),
                List.of(), 1, List.of(), null, List.of("Các bộ", "Lưu: VT"));
    }

    public static DocumentPackage newDocument() {
        String id = SENDER + ",2025/11/20,123/VPT-TH";
        return new DocumentPackage(header(id), new TraceHeaderList(
                new Bussiness(null, BusinessType.NEW, "Văn bản điện tử mới", 0, List.of(), List.of(),
                        List.of(new StaffInfo("Văn thư", null, "Cán Bộ Thử", null, "vt@example.vn", "0900000000"))),
                List.of(new TraceHeader(SENDER, SENT))));
    }

    public static StatusPackage status(String code) {
        return new StatusPackage(Organization.of("000.00.00.H41", "UBND Tỉnh Thử"),
                new ResponseFor(SENDER, "123/VPT-TH", SENDER + ",2025/11/20,123/VPT-TH", LocalDate.of(2025, 11, 20)),
                new StaffInfo("Văn thư", null, "Cán Bộ Nhận", null, "nhan@example.vn", "0911111111"), code,
                "Đã đến", LocalDateTime.of(2025, 11, 20, 10, 0, 0));
    }

    public static List<AttachmentSource> attachments() {
        byte[] pdf = "%PDF-1.4\n% test pdf\n".getBytes(StandardCharsets.US_ASCII);
        byte[] txt = "xin chào, tệp văn bản".getBytes(StandardCharsets.UTF_8);
        return List.of(
                new AttachmentSource("van-ban.pdf", "Văn bản chính", "application/pdf",
                        () -> new ByteArrayInputStream(pdf)),
                new AttachmentSource("ghi-chu.txt", "Ghi chú", "text/plain", () -> new ByteArrayInputStream(txt)));
    }

    public static byte[] newDocumentBytes() throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        new EdxmlWriter().writeDocument(newDocument(), attachments(), out);
        return out.toByteArray();
    }

    public static byte[] statusBytes(String code) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        new EdxmlWriter().writeStatus(status(code), out);
        return out.toByteArray();
    }
}
