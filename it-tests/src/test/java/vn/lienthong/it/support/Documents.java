package vn.lienthong.it.support;

import java.nio.charset.StandardCharsets;
import java.util.concurrent.ThreadLocalRandom;

import javax.xml.datatype.DatatypeFactory;

import vn.lienthong.ws.exchange.v1.AttachmentData;
import vn.lienthong.ws.exchange.v1.OutgoingDocument;
import vn.lienthong.ws.exchange.v1.Recipient;
import vn.lienthong.ws.exchange.v1.SubmitDocument;

/** Test documents as a records clerk would send them: one recipient, one PDF attachment, a fresh number. */
public final class Documents {

    private Documents() {
    }

    public static SubmitDocument newDocument(String fromOrganId, String toOrganId) {
        OutgoingDocument d = new OutgoingDocument();
        d.setFromOrganId(fromOrganId);
        d.setFromOrganName("Văn phòng Chính phủ");
        Recipient r = new Recipient();
        r.setOrganId(toOrganId);
        r.setOrganName("UBND tỉnh Nghệ An");
        d.getRecipient().add(r);
        d.setCodeNumber(Integer.toString(ThreadLocalRandom.current().nextInt(1, 999_999_999)));
        d.setCodeNotation("VPCP-TTĐT");
        d.setPromulgationPlace("Hà Nội");
        d.setPromulgationDate(DatatypeFactory.newDefaultInstance().newXMLGregorianCalendarDate(2026, 11, 23,
                javax.xml.datatype.DatatypeConstants.FIELD_UNDEFINED));
        d.setDocumentType(1);
        d.setDocumentTypeName("Công văn");
        d.setSubject("V/v thử nghiệm liên thông văn bản điện tử");
        d.setSignerPosition("Chánh Văn phòng");
        d.setSignerFullName("Nguyễn Văn A");
        d.setPriority(1);
        AttachmentData a = new AttachmentData();
        a.setName("cong-van.pdf");
        a.setContentType("application/pdf");
        a.setDescription("Công văn");
        a.setContent(bytes("%PDF-1.4\n% test document\n".repeat(200).getBytes(StandardCharsets.US_ASCII)));
        d.getAttachment().add(a);
        SubmitDocument request = new SubmitDocument();
        request.setDocument(d);
        return request;
    }

    /** The DocumentId the adapter composes: OrganId,yyyy/MM/dd,Number/Notation. */
    public static String documentIdOf(SubmitDocument request) {
        OutgoingDocument d = request.getDocument();
        return d.getFromOrganId() + ",2026/11/23," + d.getCodeNumber() + "/" + d.getCodeNotation();
    }

    /** The request body as XML text, for hand-built (raw) requests. */
    public static String submitXml(String fromOrganId, String toOrganId, String codeNumber, String subject) {
        return "<x:SubmitDocument xmlns:x=\"urn:lienthong:exchange:1\"><x:document>"
                + "<x:fromOrganId>" + fromOrganId + "</x:fromOrganId>"
                + "<x:recipient><x:organId>" + toOrganId + "</x:organId></x:recipient>"
                + "<x:codeNumber>" + codeNumber + "</x:codeNumber><x:codeNotation>VPCP-TTĐT</x:codeNotation>"
                + "<x:promulgationDate>2026-11-23</x:promulgationDate>"
                + "<x:subject>" + subject + "</x:subject>"
                + "</x:document></x:SubmitDocument>";
    }

    /** Attachment content in memory (AttachmentData/content is a stream: a DataHandler). */
    public static jakarta.activation.DataHandler bytes(byte[] content) {
        return new jakarta.activation.DataHandler(new jakarta.activation.DataSource() {
            @Override
            public java.io.InputStream getInputStream() {
                return new java.io.ByteArrayInputStream(content);
            }

            @Override
            public java.io.OutputStream getOutputStream() {
                throw new UnsupportedOperationException("read-only");
            }

            @Override
            public String getContentType() {
                return "application/octet-stream";
            }

            @Override
            public String getName() {
                return "content";
            }
        });
    }

    /** All bytes of an answer's attachment content. */
    public static byte[] bytesOf(jakarta.activation.DataHandler content) {
        try (java.io.InputStream in = content.getInputStream()) {
            return in.readAllBytes();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
