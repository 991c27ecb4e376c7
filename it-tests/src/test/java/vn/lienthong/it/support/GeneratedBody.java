package vn.lienthong.it.support;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.io.SequenceInputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * A large SOAP request made on the fly: an envelope cut at the content of one attachment, and between the two
 * halves as many base64 characters as the wanted total size needs. Nothing of the size is ever held in memory.
 */
public final class GeneratedBody {

    /** Base64 of "%PDF-1.4\n": the attachment starts like a PDF; the rest decodes to zero bytes. */
    private static final String PDF_START = "JVBERi0xLjQK";
    public static final String CONTENT = "@CONTENT@";

    private final byte[] before;
    private final byte[] after;
    private final long total;

    /** {@code envelope} contains {@link #CONTENT} once; the result is {@code total} bytes or up to 3 fewer. */
    public GeneratedBody(String envelope, long total) {
        int at = envelope.indexOf(CONTENT);
        this.before = (envelope.substring(0, at) + PDF_START).getBytes(StandardCharsets.UTF_8);
        this.after = envelope.substring(at + CONTENT.length()).getBytes(StandardCharsets.UTF_8);
        long filler = (total - before.length - after.length) / 4 * 4; // whole base64 quanta
        this.total = before.length + filler + after.length;
    }

    public long length() {
        return total;
    }

    public InputStream open() {
        long filler = total - before.length - after.length;
        return new SequenceInputStream(new SequenceInputStream(new ByteArrayInputStream(before), new Filler(filler)),
                new ByteArrayInputStream(after));
    }

    /** {@code n} times 'A'. */
    private static final class Filler extends InputStream {
        private long left;

        Filler(long n) {
            left = n;
        }

        @Override
        public int read() {
            if (left <= 0) {
                return -1;
            }
            left--;
            return 'A';
        }

        @Override
        public int read(byte[] b, int off, int len) {
            if (left <= 0) {
                return -1;
            }
            int n = (int) Math.min(len, left);
            Arrays.fill(b, off, off + n, (byte) 'A');
            left -= n;
            return n;
        }
    }
}
