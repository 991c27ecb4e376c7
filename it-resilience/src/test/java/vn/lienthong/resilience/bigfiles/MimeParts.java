package vn.lienthong.resilience.bigfiles;

import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Reads a {@code multipart/related} answer part by part as it streams in, each part's content bounded by the next
 * delimiter, so a client can decode and digest a part of gigabytes without holding it (the old protocol's GetDocument
 * sends each file as a base64 SwA part). Minimal: no preamble other than the first delimiter line, no nested parts.
 */
final class MimeParts {

    /** One part: its headers (names lower-cased) and its content, valid until the next {@link #next()}. */
    record Part(Map<String, String> headers, InputStream content) {
    }

    private final InputStream in;
    private final byte[] delimiter; // CRLF "--" boundary
    private boolean finished;
    private Bounded current;

    MimeParts(InputStream in, String contentType) throws IOException {
        this.in = new java.io.BufferedInputStream(in, 64 * 1024);
        String boundary = contentType.replaceAll("(?i).*boundary=\"?([^\";]+)\"?.*", "$1");
        this.delimiter = ("\r\n--" + boundary).getBytes(StandardCharsets.US_ASCII);
        // The body starts with the first delimiter without its CRLF.
        byte[] first = in.readNBytes(delimiter.length - 2);
        if (!new String(first, StandardCharsets.US_ASCII).equals("--" + boundary)) {
            throw new IOException("not a multipart body with boundary " + boundary);
        }
        afterDelimiter();
    }

    /** The next part, or null after the closing delimiter. Skips what was left of the previous part. */
    Part next() throws IOException {
        if (current != null) {
            current.transferTo(java.io.OutputStream.nullOutputStream());
            current = null;
            afterDelimiter();
        }
        if (finished) {
            return null;
        }
        Map<String, String> headers = new LinkedHashMap<>();
        for (String line; !(line = line()).isEmpty();) {
            int colon = line.indexOf(':');
            headers.put(line.substring(0, colon).trim().toLowerCase(Locale.ROOT), line.substring(colon + 1).trim());
        }
        current = new Bounded();
        return new Part(headers, current);
    }

    /** After a delimiter: "--" closes the body, else the rest of the line (CRLF) starts a part. */
    private void afterDelimiter() throws IOException {
        String rest = line();
        finished = rest.startsWith("--");
    }

    private String line() throws IOException {
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        for (int c; (c = in.read()) != '\n';) {
            if (c < 0) {
                throw new EOFException("multipart body ended inside a header");
            }
            if (c != '\r') {
                b.write(c);
            }
        }
        return b.toString(StandardCharsets.ISO_8859_1);
    }

    /** A part's content: the bytes up to the next delimiter, looked ahead by the delimiter's length (a ring). */
    private final class Bounded extends InputStream {
        private final byte[] ring = new byte[delimiter.length];
        private int start;
        private int filled;
        private boolean ended;

        @Override
        public int read() throws IOException {
            byte[] one = new byte[1];
            return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            if (ended) {
                return -1;
            }
            int n = 0;
            while (n < len) {
                while (filled < ring.length) {
                    int c = in.read();
                    if (c < 0) {
                        throw new EOFException("multipart body ended inside a part");
                    }
                    ring[(start + filled++) % ring.length] = (byte) c;
                }
                if (ring[start] == '\r' && atDelimiter()) {
                    ended = true;
                    return n == 0 ? -1 : n;
                }
                b[off + n++] = ring[start];
                start = (start + 1) % ring.length;
                filled--;
            }
            return n;
        }

        private boolean atDelimiter() {
            for (int i = 0; i < ring.length; i++) {
                if (ring[(start + i) % ring.length] != delimiter[i]) {
                    return false;
                }
            }
            return true;
        }
    }
}
