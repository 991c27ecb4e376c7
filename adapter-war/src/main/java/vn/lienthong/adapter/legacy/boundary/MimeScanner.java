package vn.lienthong.adapter.legacy.boundary;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;

import vn.lienthong.adapter.legacy.control.LegacyFault;

/**
 * The byte level of a multipart body: finds the delimiter lines ({@code --boundary} at the start of a line, after
 * CRLF or a bare LF) in a 64 KiB window of the stream, hands the bytes between them to an output stream in blocks
 * and counts them against a limit as they pass, so a part over its limit is refused within one window of it. The
 * line end before a delimiter belongs to the delimiter (RFC 2046 §5.1.1) and is never part of the content.
 */
final class MimeScanner {

    private static final int WINDOW = 64 * 1024;

    private final InputStream in;
    private final byte[] delimiter;
    private final byte[] buf = new byte[WINDOW];
    private int pos;
    private int lim;
    private boolean eof;

    /** {@code boundary}: the parameter's value; the body is read as if a line end came before its first byte. */
    MimeScanner(InputStream in, String boundary) {
        this.in = in;
        this.delimiter = ("\n--" + boundary).getBytes(StandardCharsets.ISO_8859_1);
        buf[0] = '\n'; // so a first delimiter at the very start looks like every other one
        lim = 1;
    }

    /**
     * Copies up to (not including) the line end before the next delimiter, and consumes the delimiter.
     *
     * @return false when the stream ended first (everything left was copied)
     * @throws LegacyFault {@code code} as soon as more than {@code limit} bytes were copied
     */
    boolean copyToDelimiter(OutputStream out, long limit, String code) throws IOException {
        long copied = 0;
        while (true) {
            if (lim - pos < delimiter.length + 1 && !eof) {
                fill();
                continue;
            }
            int found = find();
            int end;
            if (found >= 0) {
                end = found > pos && buf[found - 1] == '\r' ? found - 1 : found;
            } else if (eof) {
                end = lim;
            } else {
                // A delimiter may start in the last bytes: keep them, and a CR that may belong to its line end.
                end = lim - delimiter.length + 1;
                if (end > pos && buf[end - 1] == '\r') {
                    end--;
                }
            }
            copied += end - pos;
            if (copied > limit) {
                throw new LegacyFault(code, "A part of the request is larger than " + limit + " bytes");
            }
            out.write(buf, pos, end - pos);
            if (found >= 0) {
                pos = found + delimiter.length;
                return true;
            }
            pos = end;
            if (eof && pos == lim) {
                return false;
            }
            fill();
        }
    }

    /** The next byte, or -1 at the end of the stream (header lines and what follows a delimiter). */
    int read() throws IOException {
        if (pos == lim) {
            if (eof) {
                return -1;
            }
            fill();
            if (pos == lim) {
                return -1;
            }
        }
        return buf[pos++] & 0xff;
    }

    private int find() {
        byte first = delimiter[0];
        int last = lim - delimiter.length;
        outer:
        for (int i = pos; i <= last; i++) {
            if (buf[i] != first) {
                continue;
            }
            for (int k = 1; k < delimiter.length; k++) {
                if (buf[i + k] != delimiter[k]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }

    /** Moves what is left to the front of the window and reads more; sets {@link #eof}. */
    private void fill() throws IOException {
        if (pos > 0) {
            System.arraycopy(buf, pos, buf, 0, lim - pos);
            lim -= pos;
            pos = 0;
        }
        while (lim < buf.length) {
            int n = in.read(buf, lim, buf.length - lim);
            if (n < 0) {
                eof = true;
                return;
            }
            lim += n;
            if (n > 0 && lim - pos > delimiter.length) {
                return;
            }
        }
    }
}
