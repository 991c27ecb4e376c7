package vn.lienthong.adapter.legacy.boundary;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;

import vn.lienthong.adapter.legacy.control.LegacyFault;

/**
 * Refuses to deliver more than {@code limit} bytes: the request is cut off as soon as it gets too large, before
 * the rest of it is read or parsed.
 */
final class BoundedInputStream extends FilterInputStream {

    private final long limit;
    private final String code;
    private long count;

    BoundedInputStream(InputStream in, long limit, String code) {
        super(in);
        this.limit = limit;
        this.code = code;
    }

    @Override
    public int read() throws IOException {
        int b = super.read();
        if (b >= 0) {
            add(1);
        }
        return b;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
        int n = super.read(b, off, len);
        if (n > 0) {
            add(n);
        }
        return n;
    }

    @Override
    public long skip(long n) throws IOException {
        long skipped = super.skip(n);
        add(skipped);
        return skipped;
    }

    private void add(long n) {
        count += n;
        if (count > limit) {
            throw new LegacyFault(code, "The request is larger than " + limit + " bytes");
        }
    }
}
