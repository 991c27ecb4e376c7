package vn.lienthong.resilience.support;

import java.nio.charset.StandardCharsets;

import javax.xml.datatype.DatatypeConstants;
import javax.xml.datatype.DatatypeFactory;

import vn.lienthong.ws.exchange.v1.AttachmentData;
import vn.lienthong.ws.exchange.v1.OutgoingDocument;
import vn.lienthong.ws.exchange.v1.Recipient;
import vn.lienthong.ws.exchange.v1.SubmitDocument;

/** Numbered test documents: one recipient, one small PDF, a subject unique per run and number. */
public final class Submissions {

    private Submissions() {
    }

    public static SubmitDocument document(String run, int number, String from, String to) {
        OutgoingDocument d = new OutgoingDocument();
        d.setFromOrganId(from);
        d.setFromOrganName("Văn phòng Chính phủ");
        Recipient r = new Recipient();
        r.setOrganId(to);
        r.setOrganName("UBND tỉnh Nghệ An");
        d.getRecipient().add(r);
        d.setCodeNumber(run + number);
        d.setCodeNotation("VPCP-KT");
        d.setPromulgationPlace("Hà Nội");
        d.setPromulgationDate(DatatypeFactory.newDefaultInstance().newXMLGregorianCalendarDate(2026, 11, 23,
                DatatypeConstants.FIELD_UNDEFINED));
        d.setDocumentType(1);
        d.setDocumentTypeName("Công văn");
        d.setSubject("V/v kiểm thử độ bền " + run + " số " + number);
        d.setSignerPosition("Chánh Văn phòng");
        d.setSignerFullName("Nguyễn Văn A");
        d.setPriority(number % 5 == 0 ? 2 : 0);
        AttachmentData a = new AttachmentData();
        a.setName("cong-van.pdf");
        a.setContentType("application/pdf");
        a.setDescription("Công văn");
        a.setContent(new jakarta.activation.DataHandler(new jakarta.activation.DataSource() {
            private final byte[] bytes = "%PDF-1.4\n% resilience test\n".repeat(40).getBytes(StandardCharsets.US_ASCII);
            @Override public java.io.InputStream getInputStream() { return new java.io.ByteArrayInputStream(bytes); }
            @Override public java.io.OutputStream getOutputStream() { throw new UnsupportedOperationException(); }
            @Override public String getContentType() { return "application/octet-stream"; }
            @Override public String getName() { return "content"; }
        }));
        d.getAttachment().add(a);
        SubmitDocument request = new SubmitDocument();
        request.setDocument(d);
        return request;
    }
}
