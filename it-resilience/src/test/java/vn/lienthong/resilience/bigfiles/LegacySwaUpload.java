package vn.lienthong.resilience.bigfiles;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.SequenceInputStream;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * An old e-doc.vn product sending SendDocument as SOAP with Attachments over raw HTTP: the envelope part, then the
 * file as one binary part streamed from its source (chunked, never in memory), as old clients send it (start
 * without angle brackets, unquoted SOAPAction).
 */
final class LegacySwaUpload {

    private static final String BOUNDARY = "MIMEBoundaryurn_uuid_bigfiles_0123456789";

    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();
    private final String base;

    LegacySwaUpload(String adapterBase) {
        this.base = adapterBase;
    }

    /** An old-protocol token for {@code organId}, issued with the demo admin token of the data folder. */
    String issueToken(Path dataDir, String organId) throws IOException, InterruptedException {
        String admin = Files.readString(dataDir.resolve("admin-token")).trim();
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(base + "services/EdocAdmin/tokens"))
                .header("Authorization", "Bearer " + admin)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("organId=" + URLEncoder.encode(organId, StandardCharsets.UTF_8)))
                .timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() != 200 && r.statusCode() != 201) {
            throw new IOException("token issue: HTTP " + r.statusCode() + " " + r.body());
        }
        return r.body().replaceAll("(?s).*token=([^\\n]+)\\n.*", "$1").trim();
    }

    static String documentId(String from, String number) {
        return from + ",2026/11/23," + number + "/VPCP-TTĐT";
    }

    /** SendDocument with one file; the answer's body (a Report: accepted when it lists no error code). */
    HttpResponse<String> sendDocument(String from, String to, String number, String token, String fileName,
            SeededContent file, Duration timeout) throws IOException, InterruptedException {
        String head = "--" + BOUNDARY + "\r\nContent-Type: text/xml; charset=utf-8\r\nContent-Transfer-Encoding: 8bit\r\n"
                + "Content-ID:<Start>\r\n\r\n" + envelope(from, to, number, token, fileName)
                + "\r\n--" + BOUNDARY + "\r\nContent-Type: application/pdf\r\nContent-Transfer-Encoding: binary\r\n"
                + "Content-ID: <file1>\r\n\r\n";
        byte[] tail = ("\r\n--" + BOUNDARY + "--\r\n").getBytes(StandardCharsets.US_ASCII);
        HttpRequest request = HttpRequest.newBuilder(URI.create(base + "services/EdocService"))
                .header("Content-Type", "multipart/related; type=\"text/xml\"; boundary=\"" + BOUNDARY
                        + "\"; start=\"Start\"")
                .header("SOAPAction", "SendDocument")
                .timeout(timeout)
                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new SequenceInputStream(
                        java.util.Collections.enumeration(List.<InputStream>of(
                                new ByteArrayInputStream(head.getBytes(StandardCharsets.UTF_8)),
                                file.getInputStream(), new ByteArrayInputStream(tail))))))
                .build();
        return http.send(request, HttpResponse.BodyHandlers.ofString());
    }

    private static String envelope(String from, String to, String number, String token, String fileName) {
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
                + "<edXML:Subject>Tệp lớn qua giao thức cũ " + number + "</edXML:Subject><edXML:Content/>"
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
                + "<edXML:Signature><edXML:KeyInfo><edXML:OrganId>" + from + "</edXML:OrganId><edXML:Token>" + token
                + "</edXML:Token></edXML:KeyInfo></edXML:Signature></SOAP-ENV:Header>"
                + "<SOAP-ENV:Body><edXML:Manifest><edXML:Reference xlink:href=\"cid:file1\"><edXML:AttachmentName>"
                + fileName + "</edXML:AttachmentName></edXML:Reference></edXML:Manifest></SOAP-ENV:Body>"
                + "</SOAP-ENV:Envelope>";
    }
}
