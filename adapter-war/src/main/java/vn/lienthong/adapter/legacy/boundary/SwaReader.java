package vn.lienthong.adapter.legacy.boundary;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

import vn.lienthong.adapter.legacy.control.LegacyCodes;
import vn.lienthong.adapter.legacy.control.LegacyFault;
import vn.lienthong.adapter.legacy.control.SpooledPart;

/**
 * Reads an old-protocol request as it streams in: {@code text/xml} (or SOAP 1.2) bodies, or SOAP with
 * Attachments ({@code multipart/related}). The root part is kept in memory up to the envelope limit; every other
 * part is written to a spool file as it arrives and refused the moment it crosses the attachment size limit or
 * the part count limit — the rest of the request is then never read; a request that ends before its closing
 * delimiter is refused. The byte level (delimiters, windows, limits) is {@link MimeScanner}; this class reads part
 * headers, picks the root and decodes. Tolerates what old clients send: CRLF or bare LF line ends, a {@code start}
 * without angle brackets or none at all (first part), {@code Content-ID:} without a space, {@code <cid:…>} ids,
 * base64, binary and 8bit parts, preamble, epilogue and padding after a delimiter. Chosen over CXF's and Jakarta
 * Mail's MIME parsers by measurement (docs/legacy-edoc.md, "Why this SwA reader"); public for that evaluation in
 * module {@code benchmarks}.
 */
public final class SwaReader {

    private static final int MAX_HEADER_BYTES = 16 * 1024;
    /** RFC 2046 allows 70; a longer one is refused rather than searched for. */
    private static final int MAX_BOUNDARY_CHARS = 200;

    private final long maxEnvelopeBytes;
    private final long maxPartBytes;
    private final int maxParts;

    public SwaReader(long maxEnvelopeBytes, long maxPartBytes, int maxParts) {
        this.maxEnvelopeBytes = maxEnvelopeBytes;
        this.maxPartBytes = maxPartBytes;
        this.maxParts = maxParts;
    }

    public SwaMessage read(String contentType, InputStream body, Path spoolDir) throws IOException {
        SwaMessage message = new SwaMessage(spoolDir);
        try {
            String type = contentType == null ? "" : contentType.toLowerCase(Locale.ROOT);
            if (type.startsWith("multipart/related")) {
                readMultipart(contentType, body, message);
            } else if (type.startsWith("text/xml") || type.startsWith("application/soap+xml") || type.isEmpty()) {
                message.envelope(readBounded(body, maxEnvelopeBytes));
            } else {
                throw new LegacyFault(LegacyCodes.BAD_ENVELOPE, "Unsupported content type; use text/xml or multipart/related");
            }
            if (message.envelope() == null) {
                throw new LegacyFault(LegacyCodes.BAD_ENVELOPE, "The request has no SOAP envelope part");
            }
            return message;
        } catch (RuntimeException | IOException e) {
            message.close();
            throw e;
        }
    }

    private void readMultipart(String contentType, InputStream body, SwaMessage message) throws IOException {
        Map<String, String> params = parameters(contentType);
        String boundary = params.get("boundary");
        if (boundary == null || boundary.isEmpty() || boundary.length() > MAX_BOUNDARY_CHARS) {
            throw new LegacyFault(LegacyCodes.BAD_ENVELOPE, "multipart/related without a usable boundary");
        }
        String start = stripAngles(params.get("start"));
        MimeScanner in = new MimeScanner(body, boundary);
        in.copyToDelimiter(OutputStream.nullOutputStream(), Long.MAX_VALUE, null); // preamble
        int attachments = 0;
        while (!afterDelimiterIsEnd(in)) {
            Map<String, String> headers = readHeaders(in);
            String cid = stripAngles(headers.get("content-id"));
            boolean root = message.envelope() == null && (start == null || start.equals(cid));
            if (root) {
                ByteArrayOutputStream xml = new ByteArrayOutputStream();
                if (!in.copyToDelimiter(xml, maxEnvelopeBytes, LegacyCodes.ENVELOPE_TOO_LARGE)) {
                    throw new LegacyFault(LegacyCodes.BAD_ENVELOPE, "The multipart request ends inside a part");
                }
                message.envelope(decodeIfBase64(headers, xml.toByteArray()));
                continue;
            }
            if (++attachments > maxParts) {
                throw new LegacyFault(LegacyCodes.TOO_MANY_ATTACHMENTS, "At most " + maxParts + " attachments are accepted");
            }
            if (cid == null || cid.isEmpty()) {
                throw new LegacyFault(LegacyCodes.UNREFERENCED_ATTACHMENT, "An attachment part has no Content-ID");
            }
            if (message.parts().containsKey(cid)) {
                throw new LegacyFault(LegacyCodes.UNREFERENCED_ATTACHMENT, "Two attachment parts share Content-ID " + cid);
            }
            message.parts().put(cid, spool(in, headers, cid, message.spoolDir(), attachments));
        }
    }

    private SpooledPart spool(MimeScanner in, Map<String, String> headers, String cid, Path dir, int index)
            throws IOException {
        Files.createDirectories(dir);
        Path raw = dir.resolve(index + ".raw");
        boolean base64 = "base64".equalsIgnoreCase(trim(headers.get("content-transfer-encoding")));
        // base64 text is 4/3 of the bytes plus line breaks; the decoded size is checked again below.
        long rawLimit = base64 ? maxPartBytes / 3 * 4 + maxPartBytes / 38 + 1024 : maxPartBytes;
        boolean complete;
        try (OutputStream out = Files.newOutputStream(raw)) {
            complete = in.copyToDelimiter(out, rawLimit, LegacyCodes.ATTACHMENT_TOO_LARGE);
        }
        if (!complete) {
            throw new LegacyFault(LegacyCodes.BAD_ENVELOPE, "The multipart request ends inside part " + cid);
        }
        Path file = raw;
        boolean decodedText = false;
        if (base64) {
            file = decodeFile(raw, dir.resolve(index + ".bin"), cid);
        } else if (Base64Text.looksLikeEncodedFile(raw)) {
            // Some clients send base64 text labelled as binary (the hub's own replies did that, spec §8).
            Path decoded = dir.resolve(index + ".bin");
            if (Base64Text.tryDecode(raw, decoded)) {
                file = decoded;
                decodedText = true;
            }
        }
        long size = Files.size(file);
        if (size > maxPartBytes) {
            throw new LegacyFault(LegacyCodes.ATTACHMENT_TOO_LARGE, "Attachment " + cid + " is larger than "
                    + maxPartBytes + " bytes");
        }
        String type = trim(headers.get("content-type"));
        return new SpooledPart(cid, type == null ? null : type.split(";")[0].trim(), file, size, decodedText);
    }

    private static Path decodeFile(Path raw, Path target, String cid) throws IOException {
        try (InputStream in = Base64.getMimeDecoder().wrap(Files.newInputStream(raw))) {
            Files.copy(in, target);
        } catch (IllegalArgumentException e) {
            throw new LegacyFault(LegacyCodes.BAD_ENVELOPE, "Attachment " + cid + " is not valid base64");
        }
        return target;
    }

    private static byte[] decodeIfBase64(Map<String, String> headers, byte[] bytes) {
        if ("base64".equalsIgnoreCase(trim(headers.get("content-transfer-encoding")))) {
            try {
                return Base64.getMimeDecoder().decode(bytes);
            } catch (IllegalArgumentException e) {
                throw new LegacyFault(LegacyCodes.BAD_ENVELOPE, "The envelope part is not valid base64");
            }
        }
        return bytes;
    }

    /** After a delimiter: "--" closes the message; otherwise skip to the end of the line. */
    private static boolean afterDelimiterIsEnd(MimeScanner in) throws IOException {
        int a = in.read();
        if (a < 0) {
            return true;
        }
        if (a == '-') {
            in.read(); // the second '-' of the closing delimiter; whatever follows is epilogue
            return true;
        }
        int b = a;
        while (b >= 0 && b != '\n') {
            b = in.read();
        }
        return b < 0;
    }

    private static Map<String, String> readHeaders(MimeScanner in) throws IOException {
        Map<String, String> headers = new HashMap<>();
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        int total = 0;
        int b;
        while ((b = in.read()) >= 0) {
            if (++total > MAX_HEADER_BYTES) {
                throw new LegacyFault(LegacyCodes.BAD_ENVELOPE, "MIME part headers are too long");
            }
            if (b == '\n') {
                String text = line.toString(StandardCharsets.ISO_8859_1).strip();
                line.reset();
                if (text.isEmpty()) {
                    return headers;
                }
                int colon = text.indexOf(':');
                if (colon > 0) {
                    headers.put(text.substring(0, colon).trim().toLowerCase(Locale.ROOT), text.substring(colon + 1).trim());
                }
            } else {
                line.write(b);
            }
        }
        throw new LegacyFault(LegacyCodes.BAD_ENVELOPE, "The multipart request ends inside part headers");
    }

    static Map<String, String> parameters(String contentType) {
        Map<String, String> params = new HashMap<>();
        for (String p : contentType.split(";")) {
            int eq = p.indexOf('=');
            if (eq > 0) {
                String value = p.substring(eq + 1).trim();
                if (value.length() >= 2 && value.startsWith("\"") && value.endsWith("\"")) {
                    value = value.substring(1, value.length() - 1);
                }
                params.put(p.substring(0, eq).trim().toLowerCase(Locale.ROOT), value);
            }
        }
        return params;
    }

    private static byte[] readBounded(InputStream in, long limit) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] buf = new byte[8192];
        int n;
        long total = 0;
        while ((n = in.read(buf)) >= 0) {
            total += n;
            if (total > limit) {
                throw new LegacyFault(LegacyCodes.ENVELOPE_TOO_LARGE, "The SOAP envelope is larger than " + limit + " bytes");
            }
            out.write(buf, 0, n);
        }
        return out.toByteArray();
    }

    static String stripAngles(String s) {
        if (s == null) {
            return null;
        }
        String t = s.trim();
        if (t.startsWith("<") && t.endsWith(">")) {
            t = t.substring(1, t.length() - 1);
        }
        return t.startsWith("cid:") ? t.substring(4) : t;
    }

    private static String trim(String s) {
        return s == null ? null : s.trim();
    }
}
