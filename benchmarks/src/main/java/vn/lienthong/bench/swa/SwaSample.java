package vn.lienthong.bench.swa;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * Builds an old-protocol SwA request the way some client might: every knob is one oddity seen (or allowed by the
 * RFCs and plausible) in old clients — line ends, quoting, {@code start}, Content-ID forms, transfer encodings,
 * preamble/epilogue, padding after the boundary. {@link #expectedParts} is what a correct reader must deliver.
 */
public final class SwaSample {

    public static final String ENVELOPE = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<soap:Envelope"
            + " xmlns:soap=\"http://schemas.xmlsoap.org/soap/envelope/\"><soap:Header/><soap:Body><edXML:Manifest"
            + " xmlns:edXML=\"http://www.e-doc.vn/Schema/\"><edXML:Reference xmlns:xlink=\"http://www.w3.org/1999/xlink\""
            + " xlink:href=\"cid:att1\"><edXML:AttachmentName>Báo cáo.pdf</edXML:AttachmentName></edXML:Reference>"
            + "</edXML:Manifest></soap:Body></soap:Envelope>";

    public String eol = "\r\n";
    public String boundary = "MIMEBoundary_b1";
    public boolean quotedBoundary = true;
    /** The start parameter as written (null: none). */
    public String start = "<root>";
    public String rootContentId = "<root>";
    public String rootType = "text/xml; charset=utf-8";
    public String rootEncoding = "8bit";
    public String contentIdHeader = "Content-ID: ";
    public String attachmentContentId = "<att1>";
    public String attachmentEncoding = "binary";
    public String preamble = "";
    public String epilogue = "";
    /** Written after each boundary line's dashes (RFC 2046 allows linear white space there). */
    public String afterBoundary = "";
    public String extraTypeParameters = "";
    public String type = "text/xml";
    public boolean rootFirst = true;
    public boolean truncated;
    public byte[] attachment = binary(4096, 1);

    public String contentType() {
        String b = quotedBoundary ? "\"" + boundary + "\"" : boundary;
        return "multipart/related; type=\"" + type + "\"; boundary=" + b
                + (start == null ? "" : "; start=\"" + start + "\"") + extraTypeParameters;
    }

    public byte[] body() {
        ByteArrayOutputStream out = new ByteArrayOutputStream(attachment.length * 4 / 3 + 4096);
        ascii(out, preamble);
        List<byte[]> parts = new ArrayList<>();
        parts.add(rootPart());
        parts.add(attachmentPart());
        if (!rootFirst) {
            parts = List.of(parts.get(1), parts.get(0));
        }
        for (int i = 0; i < parts.size(); i++) {
            ascii(out, (i == 0 && preamble.isEmpty() ? "" : eol) + "--" + boundary + afterBoundary + eol);
            byte[] p = parts.get(i);
            if (truncated && i == parts.size() - 1) {
                out.write(p, 0, p.length / 2);
                return out.toByteArray();
            }
            out.writeBytes(p);
        }
        ascii(out, eol + "--" + boundary + "--" + afterBoundary + eol + epilogue);
        return out.toByteArray();
    }

    /** The decoded attachment(s) by plain Content-ID, as a correct reader delivers them. */
    public Map<String, byte[]> expectedParts() {
        Map<String, byte[]> m = new LinkedHashMap<>();
        m.put(SwaParser.plainCid(attachmentContentId), attachment);
        return m;
    }

    private byte[] rootPart() {
        byte[] xml = ENVELOPE.getBytes(StandardCharsets.UTF_8);
        byte[] content = "base64".equals(rootEncoding) ? mime64(xml) : xml;
        return concat(("Content-Type: " + rootType + eol + "Content-Transfer-Encoding: " + rootEncoding + eol
                + contentIdHeader + rootContentId + eol + eol).getBytes(StandardCharsets.US_ASCII), content);
    }

    private byte[] attachmentPart() {
        byte[] content = "base64".equals(attachmentEncoding) ? mime64(attachment) : attachment;
        return concat(("Content-Type: application/pdf" + eol + "Content-Transfer-Encoding: " + attachmentEncoding
                + eol + contentIdHeader + attachmentContentId + eol + eol).getBytes(StandardCharsets.US_ASCII), content);
    }

    private byte[] mime64(byte[] b) {
        return Base64.getMimeEncoder(76, eol.getBytes(StandardCharsets.US_ASCII)).encode(b);
    }

    /**
     * A PDF-looking file of random bytes that also holds what trips naive readers: CR, LF, CRLF followed by
     * dashes, and a prefix of the delimiter.
     */
    public static byte[] binary(int size, long seed) {
        byte[] b = new byte[size];
        new Random(seed).nextBytes(b);
        byte[] head = "%PDF-1.4\r\n--MIMEBoundary_b\r\n--\r\n-".getBytes(StandardCharsets.US_ASCII);
        System.arraycopy(head, 0, b, 0, Math.min(head.length, size));
        return b;
    }

    /** Text without NUL or bare CR, lines under 998 octets: a legal 8bit part (UTF-8). */
    public static byte[] eightBitText(String eol) {
        StringBuilder s = new StringBuilder();
        for (int i = 0; i < 60; i++) {
            s.append("Dòng ").append(i).append(": công văn số ").append(i).append("/UBND-VX -- trả lời").append(eol);
        }
        return s.toString().getBytes(StandardCharsets.UTF_8);
    }

    private static void ascii(ByteArrayOutputStream out, String s) {
        out.writeBytes(s.getBytes(StandardCharsets.US_ASCII));
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] c = new byte[a.length + b.length];
        System.arraycopy(a, 0, c, 0, a.length);
        System.arraycopy(b, 0, c, a.length, b.length);
        return c;
    }
}
