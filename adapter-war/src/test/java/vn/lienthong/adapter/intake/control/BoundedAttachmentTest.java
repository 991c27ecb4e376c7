package vn.lienthong.adapter.intake.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;

import org.junit.jupiter.api.Test;

import vn.lienthong.adapter.vocabulary.Rejection;

/**
 * The attachment limit while a part streams into the store, around 2^31 bytes: 2 GiB files are what the limit is
 * raised for (docs/large-attachments.md), so the count must not wrap. Nothing is copied: the source only says
 * how many bytes it delivered.
 */
class BoundedAttachmentTest {

    private static final long TWO_GIB = 1L << 31;
    private static final long MIB = 1024 * 1024;

    @Test
    void aPartPast2GiBWithinTheLimitStreamsWhole() throws IOException {
        try (InputStream in = new BoundedAttachment(new Virtual(TWO_GIB + 3 * MIB), TWO_GIB + 4 * MIB, "a")) {
            assertEquals(TWO_GIB + 3 * MIB, drain(in));
        }
    }

    @Test
    void aPartIsRefusedOnlyOnceItPassesALimitAbove2GiB() {
        Virtual source = new Virtual(TWO_GIB + 3 * MIB);
        BoundedAttachment in = new BoundedAttachment(source, TWO_GIB + MIB, "document/attachment[1]");
        Rejection refused = assertThrows(Rejection.class, () -> drain(in));
        assertEquals("document/attachment[1]/content", refused.field());
        assertTrue(refused.getMessage().contains(Long.toString(TWO_GIB + MIB)), refused.getMessage());
        assertTrue(source.delivered > TWO_GIB + MIB && source.delivered <= TWO_GIB + 2 * MIB,
                "refused within one buffer past the limit, not before: " + source.delivered);
    }

    @Test
    void skippedBytesCountPast2GiBToo() throws IOException {
        BoundedAttachment in = new BoundedAttachment(new Virtual(3 * TWO_GIB), TWO_GIB + MIB, "a");
        assertEquals(TWO_GIB, in.skip(TWO_GIB));
        assertThrows(Rejection.class, () -> in.skip(2 * MIB));
    }

    private static long drain(InputStream in) throws IOException {
        byte[] buffer = new byte[(int) MIB];
        long total = 0;
        for (int n; (n = in.read(buffer, 0, buffer.length)) >= 0;) {
            total += n;
        }
        return total;
    }

    /** {@code size} bytes that are never written anywhere. */
    private static final class Virtual extends InputStream {
        private final long size;
        private long delivered;

        Virtual(long size) {
            this.size = size;
        }

        @Override
        public int read() {
            if (delivered >= size) {
                return -1;
            }
            delivered++;
            return 0;
        }

        @Override
        public int read(byte[] b, int off, int len) {
            if (delivered >= size) {
                return -1;
            }
            int n = (int) Math.min(len, size - delivered);
            delivered += n;
            return n;
        }

        @Override
        public long skip(long n) {
            long k = Math.min(n, size - delivered);
            delivered += k;
            return k;
        }
    }
}
