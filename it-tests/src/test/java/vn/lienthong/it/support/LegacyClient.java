package vn.lienthong.it.support;

import static org.junit.jupiter.api.Assertions.assertFalse;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.HttpURLConnection;
import java.net.URL;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An old e-doc.vn client against {@code /services/EdocService} and the token issue {@code /services/EdocAdmin/tokens},
 * with raw HTTP as the old products build their requests (SOAPAction header, SwA for SendDocument).
 */
public final class LegacyClient {

    private static final String BOUNDARY = "MIMEBoundaryurn_uuid_authz";
    private static final Pattern CODE = Pattern.compile("<edXML:Code>([^<]*)</edXML:Code>");

    private final URL base;

    public LegacyClient(URL base) {
        this.base = base;
    }

    public record Answer(int status, String body) {

        /** The Report's error codes (empty: accepted). */
        public List<String> codes() {
            List<String> codes = new ArrayList<>();
            Matcher m = CODE.matcher(body);
            while (m.find()) {
                codes.add(m.group(1));
            }
            return codes;
        }
    }

    /** POST /services/EdocAdmin/tokens: the HTTP status and the plain-text body. */
    public Answer issueToken(String authorization, String organId, String actFor) throws IOException {
        HttpURLConnection c = (HttpURLConnection) new URL(base, "services/EdocAdmin/tokens").openConnection();
        c.setRequestMethod("POST");
        c.setDoOutput(true);
        c.setRequestProperty("Content-Type", "application/x-www-form-urlencoded");
        c.setRequestProperty("Authorization", authorization);
        String form = "organId=" + URLEncoder.encode(organId, StandardCharsets.UTF_8)
                + (actFor == null ? "" : "&actFor=" + URLEncoder.encode(actFor, StandardCharsets.UTF_8));
        c.getOutputStream().write(form.getBytes(StandardCharsets.US_ASCII));
        return read(c);
    }

    public static String basic(String user, String password) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    }

    /** The token in a successful issue answer. */
    public static String tokenOf(Answer issued) {
        return issued.body().replaceAll("(?s).*token=([^\\n]+)\\n.*", "$1");
    }

    /** SendDocument of a new document from {@code from}, authenticated as {@code keyOrgan} + {@code token}. */
    public Answer sendDocument(String keyOrgan, String token, String from, String to, String number) throws IOException {
        String envelope = "<?xml version=\"1.0\" encoding=\"utf-8\"?>"
                + "<SOAP-ENV:Envelope xmlns:SOAP-ENV=\"http://schemas.xmlsoap.org/soap/envelope/\""
                + " xmlns:edXML=\"http://www.e-doc.vn/Schema/\" xmlns:xlink=\"http://www.w3.org/1999/xlink\">"
                + "<SOAP-ENV:Header><edXML:MessageHeader>"
                + "<edXML:From><edXML:OrganId>" + from + "</edXML:OrganId><edXML:OrganizationInCharge/>"
                + "<edXML:OrganName>Cơ quan gửi</edXML:OrganName><edXML:OrganAdd/><edXML:Email/>"
                + "<edXML:Telephone/><edXML:Fax/><edXML:Website/></edXML:From>"
                + "<edXML:To><edXML:OrganId>" + to + "</edXML:OrganId><edXML:OrganName>Nơi nhận</edXML:OrganName>"
                + "<edXML:OrganAdd/><edXML:Email/><edXML:Telephone/><edXML:Fax/><edXML:Website/></edXML:To>"
                + "<edXML:DocumentId>" + documentId(from, number) + "</edXML:DocumentId>"
                + "<edXML:Code><edXML:CodeNumber>" + number + "</edXML:CodeNumber>"
                + "<edXML:CodeNotation>VPCP-TTĐT</edXML:CodeNotation></edXML:Code>"
                + "<edXML:PromulgationInfo><edXML:Place>Hà Nội</edXML:Place>"
                + "<edXML:PromulgationDate>2026/11/23</edXML:PromulgationDate></edXML:PromulgationInfo>"
                + "<edXML:DocumentType><edXML:Type>1</edXML:Type><edXML:TypeName>Công văn</edXML:TypeName></edXML:DocumentType>"
                + "<edXML:Subject>Kiểm tra quyền gửi thay</edXML:Subject><edXML:Content/>"
                + "<edXML:SignerInfo><edXML:Competence/><edXML:Position>Chánh Văn phòng</edXML:Position>"
                + "<edXML:FullName>Nguyễn Văn A</edXML:FullName></edXML:SignerInfo><edXML:DueDate/><edXML:ToPlaces/>"
                + "<edXML:OtherInfo><edXML:Priority>0</edXML:Priority><edXML:SphereOfPromulgation/>"
                + "<edXML:TyperNotation/><edXML:PromulgationAmount>1</edXML:PromulgationAmount>"
                + "<edXML:PageAmount>1</edXML:PageAmount><edXML:Appendixes/></edXML:OtherInfo>"
                + "</edXML:MessageHeader>"
                + "<edXML:TraceHeaderList><edXML:TraceHeader><edXML:OrganId>" + from + "</edXML:OrganId>"
                + "<edXML:Timestamp>2026/11/23 09:00:00</edXML:Timestamp></edXML:TraceHeader>"
                + "<edXML:Bussiness><edXML:BussinessDocType>0</edXML:BussinessDocType></edXML:Bussiness>"
                + "</edXML:TraceHeaderList><edXML:ErrorList/>"
                + "<edXML:Signature><edXML:KeyInfo><edXML:OrganId>" + keyOrgan + "</edXML:OrganId><edXML:Token>" + token
                + "</edXML:Token></edXML:KeyInfo></edXML:Signature></SOAP-ENV:Header>"
                + "<SOAP-ENV:Body><edXML:Manifest><edXML:Reference xlink:href=\"cid:a\"><edXML:AttachmentName>"
                + "cong-van.pdf</edXML:AttachmentName></edXML:Reference></edXML:Manifest></SOAP-ENV:Body></SOAP-ENV:Envelope>";
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        b.write(("--" + BOUNDARY + "\r\nContent-Type: text/xml; charset=utf-8\r\nContent-Transfer-Encoding: 8bit\r\n"
                + "Content-ID:<Start>\r\n\r\n")
                .getBytes(StandardCharsets.US_ASCII));
        b.write(envelope.getBytes(StandardCharsets.UTF_8));
        b.write(("\r\n--" + BOUNDARY + "\r\nContent-Type: application/pdf\r\nContent-Transfer-Encoding: binary\r\n"
                + "Content-ID: <a>\r\n\r\n%PDF-1.4 authorisation test\r\n--" + BOUNDARY + "--\r\n")
                .getBytes(StandardCharsets.US_ASCII));
        return post("SendDocument", "multipart/related; type=\"text/xml\"; boundary=\"" + BOUNDARY
                + "\"; start=\"Start\"", b.toByteArray());
    }

    /** UpdateTraces: a status reported by {@code statusFrom} about a received document. */
    public Answer updateTraces(String keyOrgan, String token, String statusFrom, String sender, String documentId,
            String code) throws IOException {
        return xml("UpdateTraces", "<SOAP-ENV:Envelope xmlns:SOAP-ENV=\"http://schemas.xmlsoap.org/soap/envelope/\""
                + " xmlns:edXML=\"http://www.e-doc.vn/Schema/\"><SOAP-ENV:Header><edXML:Signature><edXML:KeyInfo>"
                + "<edXML:OrganId>" + keyOrgan + "</edXML:OrganId><edXML:Token>" + token
                + "</edXML:Token></edXML:KeyInfo></edXML:Signature></SOAP-ENV:Header><SOAP-ENV:Body><Status>"
                + "<From><OrganId>" + statusFrom + "</OrganId><OrganName>Cơ quan nhận</OrganName></From>"
                + "<ResponseFor><OrganId>" + sender + "</OrganId><DocumentId>" + documentId + "</DocumentId></ResponseFor>"
                + "<StaffInfo><Staff>Văn thư</Staff></StaffInfo><StatusCode>" + code + "</StatusCode>"
                + "<Description>Đã vào sổ</Description><Timestamp>2026/11/23 10:00:00</Timestamp></Status>"
                + "</SOAP-ENV:Body></SOAP-ENV:Envelope>");
    }

    /** The operations with OrganId + Token in the body (GetPendingDocumentIds, GetDocument, …). */
    public Answer bodyRequest(String action, String element, String organId, String token, String extra)
            throws IOException {
        return xml(action, "<soap:Envelope xmlns:soap=\"http://schemas.xmlsoap.org/soap/envelope/\"><soap:Body><"
                + element + "><OrganId>" + organId + "</OrganId><Token>" + token + "</Token>" + extra + "</" + element
                + "></soap:Body></soap:Envelope>");
    }

    public Answer checkPermission(String organId, String token) throws IOException {
        return xml("CheckPermission", "<soap:Envelope xmlns:soap=\"http://schemas.xmlsoap.org/soap/envelope/\">"
                + "<soap:Header><CheckPermission><OrganId>" + organId + "</OrganId><Token>" + token + "</Token>"
                + "</CheckPermission></soap:Header><soap:Body/></soap:Envelope>");
    }

    public static String documentId(String from, String number) {
        return from + ",2026/11/23," + number + "/VPCP-TTĐT";
    }

    private Answer xml(String action, String envelope) throws IOException {
        return post(action, "text/xml; charset=utf-8", envelope.getBytes(StandardCharsets.UTF_8));
    }

    private Answer post(String action, String contentType, byte[] body) throws IOException {
        HttpURLConnection c = (HttpURLConnection) new URL(base, "services/EdocService").openConnection();
        c.setRequestMethod("POST");
        c.setDoOutput(true);
        c.setFixedLengthStreamingMode(body.length);
        c.setRequestProperty("Content-Type", contentType);
        c.setRequestProperty("SOAPAction", action);
        try (OutputStream out = c.getOutputStream()) {
            out.write(body);
        }
        return read(c);
    }

    private static Answer read(HttpURLConnection c) throws IOException {
        int status = c.getResponseCode();
        InputStream in = status >= 400 ? c.getErrorStream() : c.getInputStream();
        String body = in == null ? "" : new String(in.readAllBytes(), StandardCharsets.UTF_8);
        assertFalse(body.contains("Exception") || body.contains("\tat "), "no stack trace: " + body);
        return new Answer(status, body);
    }
}
