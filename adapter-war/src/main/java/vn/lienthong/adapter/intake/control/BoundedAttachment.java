package vn.lienthong.adapter.intake.control;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;

import vn.lienthong.adapter.vocabulary.Rejection;

/**
 * An attachment's bytes as they are stored, cut off with a refusal the moment they exceed the attachment limit:
 * a streamed part (size unknown up front) is never written further than the limit allows.
 */
final class BoundedAttachment extends FilterInputStream {

    private final long limit;
    private final String path;
    private long count;

    BoundedAttachment(InputStream in, long limit, String path) {
        super(in);
        this.limit = limit;
        this.path = path;
    }

    @Override
    public int read() throws IOException {
        int b = super.read();
        if (b >= 0) {
            counted(1);
        }
        return b;
    }

    @Override
    public int read(byte[] buffer, int offset, int length) throws IOException {
        int n = super.read(buffer, offset, length);
        if (n > 0) {
            counted(n);
        }
        return n;
    }

    @Override
    public long skip(long n) throws IOException {
        long skipped = super.skip(n);
        counted(skipped);
        return skipped;
    }

    private void counted(long n) {
        count += n;
        if (count > limit) {
            throw Rejection.outOfRange(path + "/content", "Attachment is larger than " + limit + " bytes");
        }
    }
}
