package vn.lienthong.resilience.bigfiles;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.HexFormat;

/**
 * The first attachment of an EDXML package on disk, decoded as a stream (one pass, 64 KiB buffers): the base64
 * text of its {@code ContentTransferEncoded} element, up to the next '<'. Independent of the adapter's code: the
 * package is read as the bytes the axis received.
 */
final class DeliveredAttachment {

    private static final byte[] START = "ContentTransferEncoded".getBytes(StandardCharsets.US_ASCII);

    private DeliveredAttachment() {
    }

    /** SHA-256 (hex) and size of the decoded bytes. */
    record Digest(String sha256, long size) {
    }

    static Digest of(Path packageFile) throws IOException {
        MessageDigest sha;
        try {
            sha = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
        long size = 0;
        try (InputStream raw = new BufferedInputStream(Files.newInputStream(packageFile), 1 << 16)) {
            skipPast(raw, START);
            for (int c; (c = raw.read()) != '>';) { // the rest of the start tag (its namespace declaration)
                if (c < 0) {
                    throw new IOException("no attachment content in " + packageFile);
                }
            }
            try (InputStream decoded = Base64.getMimeDecoder().wrap(new UntilTag(raw))) {
                byte[] buffer = new byte[1 << 16];
                for (int n; (n = decoded.read(buffer)) > 0;) {
                    sha.update(buffer, 0, n);
                    size += n;
                }
            }
        }
        return new Digest(HexFormat.of().formatHex(sha.digest()), size);
    }

    private static void skipPast(InputStream in, byte[] marker) throws IOException {
        int matched = 0;
        for (int c; (c = in.read()) >= 0;) {
            matched = c == marker[matched] ? matched + 1 : (c == marker[0] ? 1 : 0);
            if (matched == marker.length) {
                return;
            }
        }
        throw new IOException("marker not found");
    }

    /** The base64 text: ends at the next '<' (the end tag). */
    private static final class UntilTag extends InputStream {
        private final InputStream in;
        private boolean ended;

        UntilTag(InputStream in) {
            this.in = in;
        }

        @Override
        public int read() throws IOException {
            if (ended) {
                return -1;
            }
            int c = in.read();
            if (c < 0 || c == '<') {
                ended = true;
                return -1;
            }
            return c;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            if (ended || len == 0) {
                return ended ? -1 : 0;
            }
            int n = in.read(b, off, len);
            if (n < 0) {
                ended = true;
                return -1;
            }
            for (int i = off; i < off + n; i++) {
                if (b[i] == '<') { // what follows the end tag is never needed
                    ended = true;
                    return i == off ? -1 : i - off;
                }
            }
            return n;
        }

        @Override
        public void close() {
            // the package stream is closed by its owner
        }
    }
}
