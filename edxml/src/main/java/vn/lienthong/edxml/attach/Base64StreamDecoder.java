package vn.lienthong.edxml.attach;

import java.io.IOException;
import java.io.OutputStream;

/**
 * Decodes base64 pushed in arbitrary chunks (as the XML parser delivers a multi-gigabyte value) straight to an
 * output stream. Whitespace and line breaks anywhere are tolerated (spec §6.6); anything else outside the
 * alphabet, or data after padding, is an error. Nothing is kept beyond one 4-character group and a write buffer.
 */
public final class Base64StreamDecoder {

    private static final int[] VALUE = new int[128];

    static {
        java.util.Arrays.fill(VALUE, -1);
        String alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
        for (int i = 0; i < alphabet.length(); i++) {
            VALUE[alphabet.charAt(i)] = i;
        }
    }

    private final OutputStream out;
    private final byte[] buf = new byte[48 * 1024];
    private int bufPos;
    private int quad;
    private int quadCount;
    private int padding;
    private boolean finished;
    private long position;
    private long decodedBytes;
    private final long maxDecodedBytes;

    public Base64StreamDecoder(OutputStream out, long maxDecodedBytes) {
        this.out = out;
        this.maxDecodedBytes = maxDecodedBytes;
    }

    public void write(char[] chars, int offset, int length) throws IOException {
        int end = offset + length;
        for (int i = offset; i < end; i++, position++) {
            char c = chars[i];
            if (c == ' ' || c == '\n' || c == '\r' || c == '\t') {
                continue;
            }
            if (c == '=') {
                if (finished) {
                    throw new InvalidBase64Exception("data after '=' padding", position);
                }
                if (quadCount < 2) {
                    throw new InvalidBase64Exception("misplaced '=' padding", position);
                }
                padding++;
                quadCount++;
                if (quadCount == 4) {
                    flushQuad();
                }
                continue;
            }
            int v = c < 128 ? VALUE[c] : -1;
            if (v < 0) {
                throw new InvalidBase64Exception("character '" + printable(c) + "' is not base64", position);
            }
            if (finished || padding > 0) {
                throw new InvalidBase64Exception("data after '=' padding", position);
            }
            quad = (quad << 6) | v;
            quadCount++;
            if (quadCount == 4) {
                flushQuad();
            }
        }
    }

    /** Completes decoding; a dangling partial group is an error. Does not close the target. */
    public void finish() throws IOException {
        if (quadCount != 0) {
            throw new InvalidBase64Exception("truncated base64 (length not a multiple of 4)", position);
        }
        out.write(buf, 0, bufPos);
        bufPos = 0;
        out.flush();
    }

    public long decodedBytes() {
        return decodedBytes;
    }

    private void flushQuad() throws IOException {
        int bytes = 3 - padding;
        int bits = quad << (6 * padding);
        if (bufPos + 3 > buf.length) {
            out.write(buf, 0, bufPos);
            bufPos = 0;
        }
        buf[bufPos++] = (byte) (bits >> 16);
        if (bytes > 1) {
            buf[bufPos++] = (byte) (bits >> 8);
        }
        if (bytes > 2) {
            buf[bufPos++] = (byte) bits;
        }
        decodedBytes += bytes;
        if (decodedBytes > maxDecodedBytes) {
            throw new AttachmentLimitException("attachment larger than " + maxDecodedBytes + " bytes");
        }
        quad = 0;
        quadCount = 0;
        finished = padding > 0; // a padded group ends the value
        padding = 0;
    }

    private static String printable(char c) {
        return c < 0x20 || c > 0x7e ? String.format("U+%04X", (int) c) : String.valueOf(c);
    }
}
