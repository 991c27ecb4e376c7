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

import vn.lienthong.itsupport.LegacyEnvelopes;

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
        return LegacyEnvelopes.documentId(from, number);
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

    /** The ids GetPendingDocumentIds lists for {@code organId} (documents waiting for the old client). */
    List<Long> pendingIds(String organId, String token) throws IOException, InterruptedException {
        HttpResponse<String> r = http.send(post("GetPendingDocumentIds",
                bodyRequest("GetPendingDocumentIdsRequest", organId, token, ""), Duration.ofSeconds(60)),
                HttpResponse.BodyHandlers.ofString());
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("<edXML:DocumentId>(\\d+)</edXML:DocumentId>")
                .matcher(r.body());
        List<Long> ids = new java.util.ArrayList<>();
        while (m.find()) {
            ids.add(Long.parseLong(m.group(1)));
        }
        return ids;
    }

    /** GetDocument of pending document {@code id}: the answer as it streams in (multipart, one base64 part per file). */
    HttpResponse<InputStream> getDocument(String organId, String token, long id, Duration timeout)
            throws IOException, InterruptedException {
        return http.send(post("GetDocument", bodyRequest("GetDocumentRequest", organId, token,
                "<DocumentId>" + id + "</DocumentId>"), timeout), HttpResponse.BodyHandlers.ofInputStream());
    }

    private HttpRequest post(String action, String envelope, Duration timeout) {
        return HttpRequest.newBuilder(URI.create(base + "services/EdocService"))
                .header("Content-Type", "text/xml; charset=utf-8").header("SOAPAction", action).timeout(timeout)
                .POST(HttpRequest.BodyPublishers.ofString(envelope)).build();
    }

    /** OrganId + Token in the body, as GetPendingDocumentIds and GetDocument carry them. */
    private static String bodyRequest(String element, String organId, String token, String extra) {
        return "<soap:Envelope xmlns:soap=\"http://schemas.xmlsoap.org/soap/envelope/\"><soap:Body><" + element + ">"
                + "<OrganId>" + organId + "</OrganId><Token>" + token + "</Token>" + extra + "</" + element + ">"
                + "</soap:Body></soap:Envelope>";
    }

    private static String envelope(String from, String to, String number, String token, String fileName) {
        return LegacyEnvelopes.sendDocument(from, from, to, number, token, "Tệp lớn qua giao thức cũ " + number, "",
                LegacyEnvelopes.newDocument(), LegacyEnvelopes.reference("file1", fileName));
    }
}
