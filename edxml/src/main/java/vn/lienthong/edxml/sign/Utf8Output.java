package vn.lienthong.edxml.sign;

import java.io.IOException;
import java.io.OutputStream;

/**
 * A small buffered UTF-8 encoder with the two C14N escaping rules built in. Hand-written because the canonical
 * form of a multi-gigabyte base64 text node is produced here and must not allocate per chunk; it also keeps a
 * high surrogate that a parser chunk boundary split from its low half.
 */
final class Utf8Output {

    private final OutputStream target;
    private final byte[] buf = new byte[32 * 1024];
    private int pos;
    private char pendingHighSurrogate;

    Utf8Output(OutputStream target) {
        this.target = target;
    }

    void ascii(char c) throws IOException {
        ensure(1);
        buf[pos++] = (byte) c;
    }

    void text(String s) throws IOException {
        for (int i = 0; i < s.length(); i++) {
            put(s.charAt(i));
        }
    }

    void escapedText(char[] chars, int offset, int length) throws IOException {
        int end = offset + length;
        int i = offset;
        while (i < end) {
            // Fast path for the common case (base64 and plain ASCII text): copy without escaping decisions.
            if (pendingHighSurrogate == 0) {
                ensure(Math.min(end - i, buf.length / 2));
                int limit = Math.min(end, i + (buf.length - pos));
                while (i < limit) {
                    char c = chars[i];
                    if (c >= 0x80 || c == '&' || c == '<' || c == '>' || c == '\r') {
                        break;
                    }
                    buf[pos++] = (byte) c;
                    i++;
                }
                if (i >= end) {
                    return;
                }
                if (i == limit) {
                    continue;
                }
            }
            char c = chars[i++];
            switch (c) {
                case '&' -> text("&amp;");
                case '<' -> text("&lt;");
                case '>' -> text("&gt;");
                case '\r' -> text("&#xD;");
                default -> put(c);
            }
        }
    }

    void escapedAttribute(String s) throws IOException {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '&' -> text("&amp;");
                case '<' -> text("&lt;");
                case '"' -> text("&quot;");
                case '\t' -> text("&#x9;");
                case '\n' -> text("&#xA;");
                case '\r' -> text("&#xD;");
                default -> put(c);
            }
        }
    }

    void flush() throws IOException {
        target.write(buf, 0, pos);
        pos = 0;
        target.flush();
    }

    private void put(char c) throws IOException {
        if (c < 0x80 && pendingHighSurrogate == 0) {
            ensure(1);
            buf[pos++] = (byte) c;
            return;
        }
        ensure(4);
        if (pendingHighSurrogate != 0) {
            int cp = Character.toCodePoint(pendingHighSurrogate, c);
            pendingHighSurrogate = 0;
            buf[pos++] = (byte) (0xF0 | (cp >> 18));
            buf[pos++] = (byte) (0x80 | ((cp >> 12) & 0x3F));
            buf[pos++] = (byte) (0x80 | ((cp >> 6) & 0x3F));
            buf[pos++] = (byte) (0x80 | (cp & 0x3F));
        } else if (Character.isHighSurrogate(c)) {
            pendingHighSurrogate = c;
        } else if (c < 0x800) {
            buf[pos++] = (byte) (0xC0 | (c >> 6));
            buf[pos++] = (byte) (0x80 | (c & 0x3F));
        } else {
            buf[pos++] = (byte) (0xE0 | (c >> 12));
            buf[pos++] = (byte) (0x80 | ((c >> 6) & 0x3F));
            buf[pos++] = (byte) (0x80 | (c & 0x3F));
        }
    }

    private void ensure(int n) throws IOException {
        if (pos + n > buf.length) {
            target.write(buf, 0, pos);
            pos = 0;
        }
    }
}
