package vn.lienthong.it.support;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/**
 * Old e-doc.vn requests as old QLVB products build them (spec legacy-edoc-soap.md), with holes for attacks: the one
 * place the tests build them (the legacy suite, the hostile catalogue, {@link LegacyClient}). SwA as the old
 * products send it: {@code start} without angle brackets, "Content-ID:" without a space.
 */
public final class LegacyMessages {

    public static final String BOUNDARY = "MIMEBoundaryurn_uuid_0123456789";
    public static final String MULTIPART = "multipart/related; type=\"text/xml\"; boundary=\"" + BOUNDARY
            + "\"; start=\"Start\"";

    private LegacyMessages() {
    }

    /** A 512-dialect SendDocument: every MessageHeader field, KeyInfo with OrganId + Token, a Manifest. */
    public static String sendDocument(String from, String to, String number, String token, String subject,
            String otherInfoExtra, String business, String references) {
        return sendDocument(from, from, to, number, token, subject, otherInfoExtra, business, references);
    }

    /** As above, authenticated as {@code keyOrgan} (KeyInfo) while sending in the name of {@code from}. */
    public static String sendDocument(String keyOrgan, String from, String to, String number, String token,
            String subject, String otherInfoExtra, String business, String references) {
        return "<?xml version=\"1.0\" encoding=\"utf-8\"?>"
                + "<SOAP-ENV:Envelope xmlns:SOAP-ENV=\"http://schemas.xmlsoap.org/soap/envelope/\""
                + " xmlns:edXML=\"http://www.e-doc.vn/Schema/\" xmlns:xlink=\"http://www.w3.org/1999/xlink\">"
                + "<SOAP-ENV:Header><edXML:MessageHeader>"
                + "<edXML:From><edXML:OrganId>" + from + "</edXML:OrganId><edXML:OrganizationInCharge/>"
                + "<edXML:OrganName>Văn phòng Chính phủ</edXML:OrganName><edXML:OrganAdd/><edXML:Email/>"
                + "<edXML:Telephone/><edXML:Fax/><edXML:Website/></edXML:From>"
                + "<edXML:To><edXML:OrganId>" + to + "</edXML:OrganId><edXML:OrganName>Nơi nhận</edXML:OrganName>"
                + "<edXML:OrganAdd/><edXML:Email/><edXML:Telephone/><edXML:Fax/><edXML:Website/></edXML:To>"
                + "<edXML:DocumentId>" + documentId(from, number) + "</edXML:DocumentId>"
                + "<edXML:Code><edXML:CodeNumber>" + number + "</edXML:CodeNumber>"
                + "<edXML:CodeNotation>VPCP-TTĐT</edXML:CodeNotation></edXML:Code>"
                + "<edXML:PromulgationInfo><edXML:Place>Hà Nội</edXML:Place>"
                + "<edXML:PromulgationDate>2026/11/23</edXML:PromulgationDate></edXML:PromulgationInfo>"
                + "<edXML:DocumentType><edXML:Type>1</edXML:Type><edXML:TypeName>Công văn</edXML:TypeName></edXML:DocumentType>"
                + "<edXML:Subject>" + subject + "</edXML:Subject><edXML:Content/>"
                + "<edXML:SignerInfo><edXML:Competence/><edXML:Position>Chánh Văn phòng</edXML:Position>"
                + "<edXML:FullName>Nguyễn Văn A</edXML:FullName></edXML:SignerInfo><edXML:DueDate/><edXML:ToPlaces/>"
                + "<edXML:OtherInfo><edXML:Priority>0</edXML:Priority><edXML:SphereOfPromulgation/>"
                + "<edXML:TyperNotation/><edXML:PromulgationAmount>1</edXML:PromulgationAmount>"
                + "<edXML:PageAmount>1</edXML:PageAmount><edXML:Appendixes/>" + otherInfoExtra + "</edXML:OtherInfo>"
                + "</edXML:MessageHeader>"
                + "<edXML:TraceHeaderList><edXML:TraceHeader><edXML:OrganId>" + from + "</edXML:OrganId>"
                + "<edXML:Timestamp>2026/11/23 09:00:00</edXML:Timestamp></edXML:TraceHeader>"
                + "<edXML:Bussiness>" + business + "</edXML:Bussiness>"
                + "</edXML:TraceHeaderList><edXML:ErrorList/>"
                + "<edXML:Signature><edXML:KeyInfo><edXML:OrganId>" + keyOrgan + "</edXML:OrganId><edXML:Token>" + token
                + "</edXML:Token></edXML:KeyInfo></edXML:Signature></SOAP-ENV:Header>"
                + "<SOAP-ENV:Body><edXML:Manifest>" + references + "</edXML:Manifest></SOAP-ENV:Body></SOAP-ENV:Envelope>";
    }

    /** The DocumentId of the document {@code number} sent by {@code from} in these requests. */
    public static String documentId(String from, String number) {
        return from + ",2026/11/23," + number + "/VPCP-TTĐT";
    }

    public static String newDocument() {
        return "<edXML:BussinessDocType>0</edXML:BussinessDocType>";
    }

    public static String reference(String cid, String name) {
        return "<edXML:Reference xlink:href=\"cid:" + cid + "\"><edXML:AttachmentName>" + name
                + "</edXML:AttachmentName></edXML:Reference>";
    }

    /** Manifest references: cid, name, cid, name, … */
    public static String refs(String... cidAndName) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < cidAndName.length; i += 2) {
            b.append(reference(cidAndName[i], cidAndName[i + 1]));
        }
        return b.toString();
    }

    /** Credentials in the body: GetPendingDocumentIds, GetDocument, ConfirmReceived, GetTraces, GetOrganizations. */
    public static String bodyRequest(String element, String organId, String token, String extra) {
        return "<soap:Envelope xmlns:soap=\"http://schemas.xmlsoap.org/soap/envelope/\"><soap:Body><" + element + ">"
                + "<OrganId>" + organId + "</OrganId><Token>" + token + "</Token>" + extra + "</" + element + ">"
                + "</soap:Body></soap:Envelope>";
    }

    public static String checkPermission(String organId, String token) {
        return checkPermission(organId, token, "http://schemas.xmlsoap.org/soap/envelope/");
    }

    public static String checkPermission(String organId, String token, String soapNs) {
        return "<soap:Envelope xmlns:soap=\"" + soapNs + "\"><soap:Header><CheckPermission>"
                + "<OrganId>" + organId + "</OrganId><Token>" + token + "</Token></CheckPermission></soap:Header>"
                + "<soap:Body/></soap:Envelope>";
    }

    public static String updateTraces(String keyOrgan, String from, String token, String responseForOrgan,
            String documentId, String code) {
        return "<SOAP-ENV:Envelope xmlns:SOAP-ENV=\"http://schemas.xmlsoap.org/soap/envelope/\""
                + " xmlns:edXML=\"http://www.e-doc.vn/Schema/\"><SOAP-ENV:Header><edXML:Signature><edXML:KeyInfo>"
                + "<edXML:OrganId>" + keyOrgan + "</edXML:OrganId><edXML:Token>" + token
                + "</edXML:Token></edXML:KeyInfo></edXML:Signature></SOAP-ENV:Header><SOAP-ENV:Body><Status>"
                + "<From><OrganId>" + from + "</OrganId><OrganName>Văn phòng Chính phủ</OrganName></From>"
                + "<ResponseFor><OrganId>" + responseForOrgan + "</OrganId>"
                + "<DocumentId>" + documentId + "</DocumentId></ResponseFor>"
                + "<StaffInfo><Staff>Văn thư</Staff></StaffInfo><StatusCode>" + code + "</StatusCode>"
                + "<Description>Đã vào sổ</Description><Timestamp>2026/11/23 10:00:00</Timestamp></Status>"
                + "</SOAP-ENV:Body></SOAP-ENV:Envelope>";
    }

    /** SwA as the old products send it: the envelope part first, then the given parts. */
    public static byte[] multipart(String envelope, byte[]... parts) {
        try {
            ByteArrayOutputStream b = new ByteArrayOutputStream();
            b.write(("--" + BOUNDARY + "\r\nContent-Type: text/xml; charset=utf-8\r\nContent-Transfer-Encoding: 8bit\r\n"
                    + "Content-ID:<Start>\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            b.write(envelope.getBytes(StandardCharsets.UTF_8));
            for (byte[] p : parts) {
                b.write(p);
            }
            b.write(("\r\n--" + BOUNDARY + "--\r\n").getBytes(StandardCharsets.US_ASCII));
            return b.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static byte[] part(String cid, String type, String encoding, byte[] content) {
        try {
            ByteArrayOutputStream b = new ByteArrayOutputStream();
            b.write(("\r\n--" + BOUNDARY + "\r\nContent-Type: " + type + "\r\nContent-Transfer-Encoding: " + encoding
                    + "\r\nContent-ID: <" + cid + ">\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            b.write(content);
            return b.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static byte[] pdf() {
        return "%PDF-1.4\n% hostile suite\n".getBytes(StandardCharsets.US_ASCII);
    }
}
