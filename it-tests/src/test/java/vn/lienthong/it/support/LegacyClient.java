package vn.lienthong.it.support;

import static org.junit.jupiter.api.Assertions.assertFalse;

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
 * with raw HTTP as the old products send their requests (unquoted SOAPAction header, SwA for SendDocument). The
 * requests themselves come from {@link LegacyMessages}. Every answer is checked for stack traces.
 */
public final class LegacyClient {

    private static final Pattern CODE = Pattern.compile("<edXML:Code>([^<]*)</edXML:Code>");

    private final URL base;

    /** {@code base}: the application's root URL. */
    public LegacyClient(URL base) {
        this.base = base;
    }

    /** Status, content type, body text and raw bytes (to cut multipart replies) of one answer. */
    public record Answer(int status, String contentType, String body, byte[] raw) {

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
        if (authorization != null) {
            c.setRequestProperty("Authorization", authorization);
        }
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
        String envelope = LegacyMessages.sendDocument(keyOrgan, from, to, number, token, "Kiểm tra quyền gửi thay", "",
                LegacyMessages.newDocument(), LegacyMessages.reference("a", "cong-van.pdf"));
        return multipart("SendDocument", LegacyMessages.multipart(envelope, LegacyMessages.part("a", "application/pdf",
                "binary", "%PDF-1.4 authorisation test".getBytes(StandardCharsets.US_ASCII))));
    }

    /** UpdateTraces: a status reported by {@code statusFrom} about a received document. */
    public Answer updateTraces(String keyOrgan, String token, String statusFrom, String sender, String documentId,
            String code) throws IOException {
        return xml("UpdateTraces", LegacyMessages.updateTraces(keyOrgan, statusFrom, token, sender, documentId, code));
    }

    /** The operations with OrganId + Token in the body (GetPendingDocumentIds, GetDocument, …). */
    public Answer bodyRequest(String action, String element, String organId, String token, String extra)
            throws IOException {
        return xml(action, LegacyMessages.bodyRequest(element, organId, token, extra));
    }

    public Answer checkPermission(String organId, String token) throws IOException {
        return xml("CheckPermission", LegacyMessages.checkPermission(organId, token));
    }

    public static String documentId(String from, String number) {
        return LegacyMessages.documentId(from, number);
    }

    /** A plain text/xml request; {@code action} null sends no SOAPAction header. */
    public Answer xml(String action, String envelope) throws IOException {
        return post(action, "text/xml; charset=utf-8", envelope.getBytes(StandardCharsets.UTF_8));
    }

    /** A SwA request built with {@link LegacyMessages#multipart}. */
    public Answer multipart(String action, byte[] body) throws IOException {
        return post(action, LegacyMessages.MULTIPART, body);
    }

    public Answer post(String action, String contentType, byte[] body) throws IOException {
        HttpURLConnection c = (HttpURLConnection) new URL(base, "services/EdocService").openConnection();
        c.setRequestMethod("POST");
        c.setDoOutput(true);
        c.setFixedLengthStreamingMode(body.length);
        c.setRequestProperty("Content-Type", contentType);
        if (action != null) {
            c.setRequestProperty("SOAPAction", action); // unquoted, as the old clients send it
        }
        try (OutputStream out = c.getOutputStream()) {
            out.write(body);
        }
        return read(c);
    }

    /** GET of any URL (the WSDL, its schema). */
    public static Answer get(URL url) throws IOException {
        return read((HttpURLConnection) url.openConnection());
    }

    private static Answer read(HttpURLConnection c) throws IOException {
        int status = c.getResponseCode();
        InputStream in = status >= 400 ? c.getErrorStream() : c.getInputStream();
        byte[] raw = in == null ? new byte[0] : in.readAllBytes();
        String body = new String(raw, StandardCharsets.UTF_8);
        assertFalse(body.contains("Exception") || body.contains("\tat "), "no stack trace: " + body);
        return new Answer(status, String.valueOf(c.getContentType()), body, raw);
    }
}
