package vn.lienthong.axis.client;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PushbackInputStream;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;

/**
 * Reads a {@code getEdoc} answer, {@code {"status":"OK",…,"data":"<base64 of the whole package>"}}, and decodes
 * {@code data} straight into a sink while it streams. JSON-P cannot do this: its parser materialises every string
 * value, and a package of tens of MB would be held in memory twice (base64 text and bytes).
 *
 * <p>Only what an axis answer needs is supported: one top-level object whose members are strings, numbers,
 * literals or nested values that are skipped.
 */
final class Base64DataAnswerReader {

    private static final int MAX_SCALAR_BYTES = 64 * 1024;

    private final PushbackInputStream in;
    private final Map<String, String> scalars = new HashMap<>();

    private Base64DataAnswerReader(InputStream body) {
        this.in = new PushbackInputStream(body.markSupported() ? body : new java.io.BufferedInputStream(body, 65536));
    }

    /** @throws MalformedAnswerException when the body is not such an object or {@code data} is not base64 */
    static AxisAnswer read(InputStream body, OutputStream dataSink) throws IOException {
        return new Base64DataAnswerReader(body).readObject(dataSink);
    }

    static final class MalformedAnswerException extends IOException {
        MalformedAnswerException(String message) {
            super(message);
        }

        MalformedAnswerException(String message, Throwable cause) {
            super(message, cause);
        }
    }

    private AxisAnswer readObject(OutputStream dataSink) throws IOException {
        expect('{');
        int c = nextSignificant();
        if (c == '}') {
            return new AxisAnswer(scalars);
        }
        in.unread(c);
        while (true) {
            expect('"');
            String member = readString();
            expect(':');
            readValue(member, dataSink);
            c = nextSignificant();
            if (c == '}') {
                return new AxisAnswer(scalars);
            }
            if (c != ',') {
                throw malformed("expected , or } but found " + describe(c));
            }
        }
    }

    private void readValue(String member, OutputStream dataSink) throws IOException {
        int c = nextSignificant();
        if (c == '"') {
            if ("data".equals(member)) {
                decodeBase64String(dataSink);
                scalars.put(member, "<streamed>");
            } else {
                scalars.put(member, readString());
            }
        } else if (c == '{' || c == '[') {
            skipNested(c);
        } else {
            in.unread(c);
            String literal = readLiteral();
            scalars.put(member, "null".equals(literal) ? null : literal);
        }
    }

    private void decodeBase64String(OutputStream dataSink) throws IOException {
        JsonStringContent content = new JsonStringContent();
        try (InputStream decoded = Base64.getDecoder().wrap(content)) {
            decoded.transferTo(dataSink);
        } catch (IllegalArgumentException e) {
            throw new MalformedAnswerException("data is not base64: " + e.getMessage(), e);
        }
        // The decoder stops at padding; anything but the closing quote after it is corrupt data.
        if (content.read() != -1) {
            throw malformed("data continues after base64 padding");
        }
    }

    /**
     * The characters of the JSON string being read, with escapes resolved and line breaks dropped (some encoders
     * wrap base64); ends at the closing quote.
     */
    private final class JsonStringContent extends InputStream {
        private boolean finished;

        @Override
        public int read() throws IOException {
            while (!finished) {
                int c = in.read();
                if (c < 0) {
                    throw malformed("body ends inside data");
                }
                if (c == '"') {
                    finished = true;
                    return -1;
                }
                if (c == '\\') {
                    c = unescape();
                }
                if (c == '\r' || c == '\n' || c == ' ' || c == '\t') {
                    continue;
                }
                if (c > 0x7f) {
                    throw malformed("non-ASCII character in data");
                }
                return c;
            }
            return -1;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            int count = 0;
            while (count < length) {
                int c = read();
                if (c < 0) {
                    return count == 0 ? -1 : count;
                }
                buffer[offset + count++] = (byte) c;
            }
            return count;
        }
    }

    private String readString() throws IOException {
        StringBuilder text = new StringBuilder();
        ByteArrayOutputStream raw = new ByteArrayOutputStream();
        int total = 0;
        while (true) {
            int c = in.read();
            if (c < 0) {
                throw malformed("body ends inside a string");
            }
            if (++total > MAX_SCALAR_BYTES) {
                throw malformed("string member too long");
            }
            if (c == '"') {
                text.append(raw.toString(StandardCharsets.UTF_8));
                return text.toString();
            }
            if (c == '\\') {
                text.append(raw.toString(StandardCharsets.UTF_8));
                raw.reset();
                text.append((char) unescape());
            } else {
                raw.write(c);
            }
        }
    }

    private int unescape() throws IOException {
        int c = in.read();
        return switch (c) {
            case '"', '\\', '/' -> c;
            case 'b' -> '\b';
            case 'f' -> '\f';
            case 'n' -> '\n';
            case 'r' -> '\r';
            case 't' -> '\t';
            case 'u' -> {
                int value = 0;
                for (int i = 0; i < 4; i++) {
                    int digit = Character.digit(in.read(), 16);
                    if (digit < 0) {
                        throw malformed("bad \\u escape");
                    }
                    value = value * 16 + digit;
                }
                yield value;
            }
            default -> throw malformed("bad escape " + describe(c));
        };
    }

    private String readLiteral() throws IOException {
        StringBuilder literal = new StringBuilder();
        while (true) {
            int c = in.read();
            if (c < 0 || c == ',' || c == '}' || c == ']' || Character.isWhitespace(c)) {
                if (c >= 0) {
                    in.unread(c);
                }
                break;
            }
            if (literal.length() > 64) {
                throw malformed("literal too long");
            }
            literal.append((char) c);
        }
        String text = literal.toString();
        if (text.isEmpty()) {
            throw malformed("missing value");
        }
        return text;
    }

    private void skipNested(int open) throws IOException {
        int depth = 1;
        while (depth > 0) {
            int c = in.read();
            if (c < 0) {
                throw malformed("body ends inside a nested value");
            }
            if (c == '"') {
                skipString();
            } else if (c == '{' || c == '[') {
                depth++;
            } else if (c == '}' || c == ']') {
                depth--;
            }
        }
    }

    private void skipString() throws IOException {
        while (true) {
            int c = in.read();
            if (c < 0) {
                throw malformed("body ends inside a string");
            }
            if (c == '\\') {
                in.read();
            } else if (c == '"') {
                return;
            }
        }
    }

    private void expect(int wanted) throws IOException {
        int c = nextSignificant();
        if (c != wanted) {
            throw malformed("expected " + (char) wanted + " but found " + describe(c));
        }
    }

    private int nextSignificant() throws IOException {
        int c;
        do {
            c = in.read();
        } while (c == ' ' || c == '\t' || c == '\r' || c == '\n');
        return c;
    }

    private static String describe(int c) {
        return c < 0 ? "end of body" : "'" + (char) c + "'";
    }

    private static MalformedAnswerException malformed(String message) {
        return new MalformedAnswerException(message);
    }
}
