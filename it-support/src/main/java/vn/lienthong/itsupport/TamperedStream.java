package vn.lienthong.itsupport;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;

/**
 * A received stream altered on its way, as an attacker between client and server would: one byte at a given offset
 * flipped. Tests put it under a client's message (CXF: the RECEIVE phase) to show that an altered MTOM part is caught
 * by the client's digest check ({@link SignedPart}) and an altered signed Body by the signature check.
 */
public final class TamperedStream extends FilterInputStream {

    private final long offset;
    private long position;

    /** Flips every bit of the byte at {@code offset} (0-based) of {@code in}. */
    public TamperedStream(InputStream in, long offset) {
        super(in);
        this.offset = offset;
    }

    @Override
    public int read() throws IOException {
        int b = super.read();
        if (b >= 0) {
            if (position == offset) {
                b = (~b) & 0xff;
            }
            position++;
        }
        return b;
    }

    @Override
    public int read(byte[] buffer, int off, int len) throws IOException {
        int n = super.read(buffer, off, len);
        if (n > 0) {
            if (offset >= position && offset < position + n) {
                int i = off + (int) (offset - position);
                buffer[i] = (byte) ~buffer[i];
            }
            position += n;
        }
        return n;
    }

    @Override
    public long skip(long n) throws IOException {
        long skipped = super.skip(n);
        position += skipped;
        return skipped;
    }

    @Override
    public boolean markSupported() {
        return false;
    }
}
