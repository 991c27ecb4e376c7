package vn.lienthong.adapter.legacy.boundary;

import java.io.BufferedInputStream;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.SequenceInputStream;
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
 * the part count limit — the rest of the request is then never read. Public for the SwA parser evaluation in
 * module {@code benchmarks} (docs/legacy-edoc.md, "Why this SwA reader"). Tolerates what old clients send: a
 * {@code start} without angle brackets, {@code Content-ID:} without a space, no {@code start} at all (first part).
 */
public final class SwaReader {

    private static final int MAX_HEADER_BYTES = 16 * 1024;

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
        if (boundary == null || boundary.isEmpty()) {
            throw new LegacyFault(LegacyCodes.BAD_ENVELOPE, "multipart/related without a boundary");
        }
        String start = stripAngles(params.get("start"));
        byte[] delimiter = ("\r\n--" + boundary).getBytes(StandardCharsets.ISO_8859_1);
        // The first boundary has no CRLF before it: add one so every delimiter looks the same.
        InputStream in = new BufferedInputStream(new SequenceInputStream(
                new ByteArrayInputStream(new byte[] {'\r', '\n'}), body), 64 * 1024);
        copyUntil(in, delimiter, OutputStream.nullOutputStream(), Long.MAX_VALUE, null); // preamble
        int attachments = 0;
        while (!afterDelimiterIsEnd(in)) {
            Map<String, String> headers = readHeaders(in);
            String cid = stripAngles(headers.get("content-id"));
            boolean root = message.envelope() == null && (start == null ? true : start.equals(cid));
            if (root) {
                ByteArrayOutputStream xml = new ByteArrayOutputStream();
                if (!copyUntil(in, delimiter, xml, maxEnvelopeBytes, LegacyCodes.ENVELOPE_TOO_LARGE)) {
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
            message.parts().put(cid, spool(in, delimiter, headers, cid, message.spoolDir(), attachments));
        }
    }

    private SpooledPart spool(InputStream in, byte[] delimiter, Map<String, String> headers, String cid, Path dir,
            int index) throws IOException {
        Files.createDirectories(dir);
        Path raw = dir.resolve(index + ".raw");
        boolean base64 = "base64".equalsIgnoreCase(trim(headers.get("content-transfer-encoding")));
        // base64 text is 4/3 of the bytes plus line breaks; the decoded size is checked again below.
        long rawLimit = base64 ? maxPartBytes / 3 * 4 + maxPartBytes / 38 + 1024 : maxPartBytes;
        boolean complete;
        try (OutputStream out = Files.newOutputStream(raw)) {
            complete = copyUntil(in, delimiter, out, rawLimit, LegacyCodes.ATTACHMENT_TOO_LARGE);
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

    /**
     * Copies bytes up to (not including) the next delimiter. The delimiter starts with CR and contains no other
     * CR (RFC 2046 boundaries have none), so a mismatch can only restart a match at a CR.
     *
     * @return false when the stream ended before a delimiter
     */
    static boolean copyUntil(InputStream in, byte[] delimiter, OutputStream out, long limit, String code)
            throws IOException {
        int matched = 0;
        long written = 0;
        byte[] buf = new byte[8192];
        int len = 0;
        int b;
        while ((b = in.read()) >= 0) {
            if (b == (delimiter[matched] & 0xff)) {
                if (++matched == delimiter.length) {
                    out.write(buf, 0, len);
                    return true;
                }
                continue;
            }
            if (matched > 0) {
                for (int i = 0; i < matched; i++) {
                    len = put(buf, len, delimiter[i], out);
                }
                written += matched;
                matched = b == (delimiter[0] & 0xff) ? 1 : 0;
                if (matched == 1) {
                    continue;
                }
            }
            len = put(buf, len, (byte) b, out);
            if (++written > limit) {
                throw new LegacyFault(code, "A part of the request is larger than " + limit + " bytes");
            }
        }
        return false;
    }

    private static int put(byte[] buf, int len, byte b, OutputStream out) throws IOException {
        if (len == buf.length) {
            out.write(buf, 0, len);
            len = 0;
        }
        buf[len] = b;
        return len + 1;
    }

    /** After a delimiter: "--" closes the message; otherwise skip to the end of the line. */
    private static boolean afterDelimiterIsEnd(InputStream in) throws IOException {
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

    private static Map<String, String> readHeaders(InputStream in) throws IOException {
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
