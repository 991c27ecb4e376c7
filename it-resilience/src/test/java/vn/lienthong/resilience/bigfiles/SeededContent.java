package vn.lienthong.resilience.bigfiles;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.SplittableRandom;

import jakarta.activation.DataSource;

/**
 * A large file that exists nowhere: {@code size} bytes generated from a seed, the same every time it is opened,
 * never held in memory (64 KiB at a time). It starts like a PDF so the adapter packs it raw (as a .pdf) instead of
 * zipping it; the rest is pseudo-random (incompressible).
 */
final class SeededContent implements DataSource {

    private static final byte[] HEAD = "%PDF-1.7\n% seeded test content\n".getBytes(StandardCharsets.US_ASCII);

    private final long size;
    private final long seed;

    SeededContent(long size, long seed) {
        this.size = size;
        this.seed = seed;
    }

    long size() {
        return size;
    }

    /** SHA-256 (hex) of the whole content, computed by streaming it once. */
    String sha256() throws IOException {
        MessageDigest sha;
        try {
            sha = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
        byte[] buffer = new byte[64 * 1024];
        try (InputStream in = getInputStream()) {
            for (int n; (n = in.read(buffer)) > 0;) {
                sha.update(buffer, 0, n);
            }
        }
        return HexFormat.of().formatHex(sha.digest());
    }

    @Override
    public InputStream getInputStream() {
        return new Generator(size, seed);
    }

    @Override
    public OutputStream getOutputStream() {
        throw new UnsupportedOperationException("generated content is read-only");
    }

    @Override
    public String getContentType() {
        return "application/pdf";
    }

    @Override
    public String getName() {
        return "seeded.pdf";
    }

    /** The generating stream: the head, then 8 pseudo-random bytes per step. */
    private static final class Generator extends InputStream {

        private final long size;
        private final SplittableRandom random;
        private long position;
        private long word;
        private int wordLeft;

        Generator(long size, long seed) {
            this.size = size;
            this.random = new SplittableRandom(seed);
        }

        @Override
        public int read() {
            byte[] one = new byte[1];
            return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
        }

        @Override
        public int read(byte[] b, int off, int len) {
            if (position >= size) {
                return -1;
            }
            int n = (int) Math.min(len, size - position);
            for (int i = 0; i < n; i++) {
                b[off + i] = next();
            }
            return n;
        }

        private byte next() {
            long p = position++;
            if (p < HEAD.length) {
                return HEAD[(int) p];
            }
            if (wordLeft == 0) {
                word = random.nextLong();
                wordLeft = 8;
            }
            byte v = (byte) word;
            word >>>= 8;
            wordLeft--;
            return v;
        }
    }
}
