package vn.lienthong.docsig.pdf;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;

/**
 * The bytes a PDF signature covers ({@code /ByteRange [a b c d]}: b bytes from a, then d bytes from c), read from
 * the file as they are digested: a signed file of any size is never held in memory.
 */
final class ByteRangeInputStream extends InputStream {

    private final FileChannel channel;
    private final long[] ranges;
    private int range;
    private long offsetInRange;

    ByteRangeInputStream(FileChannel channel, long[] ranges) {
        this.channel = channel;
        this.ranges = ranges.clone();
    }

    @Override
    public int read() throws IOException {
        byte[] one = new byte[1];
        int n = read(one, 0, 1);
        return n < 0 ? -1 : one[0] & 0xFF;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
        while (range < ranges.length / 2 && offsetInRange >= ranges[range * 2 + 1]) {
            range++;
            offsetInRange = 0;
        }
        if (range >= ranges.length / 2) {
            return -1;
        }
        long remaining = ranges[range * 2 + 1] - offsetInRange;
        int want = (int) Math.min(len, remaining);
        int n = channel.read(ByteBuffer.wrap(b, off, want), ranges[range * 2] + offsetInRange);
        if (n < 0) {
            throw new IOException("signed byte range goes past the end of the file");
        }
        offsetInRange += n;
        return n;
    }
}
