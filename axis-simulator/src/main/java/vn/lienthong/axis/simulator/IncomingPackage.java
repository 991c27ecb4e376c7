package vn.lienthong.axis.simulator;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Locale;

/**
 * A sendEdoc body written to disk while it streams. The SDK appends CRLF to the file bytes; it is cut off, and the
 * SHA-256 is kept both without and with it so that every hash-file form a client may send can be checked.
 */
final class IncomingPackage {

    private final long size;
    private final byte[] digestWithoutCrlf;
    private final byte[] digestWhole;

    private IncomingPackage(long size, byte[] digestWithoutCrlf, byte[] digestWhole) {
        this.size = size;
        this.digestWithoutCrlf = digestWithoutCrlf;
        this.digestWhole = digestWhole;
    }

    static final class TooLargeException extends IOException {
        TooLargeException(long max) {
            super("package larger than " + max + " bytes");
        }
    }

    static IncomingPackage store(InputStream body, Path file, long maxBytes) throws IOException {
        MessageDigest lagging = sha256();
        byte[] buffer = new byte[64 * 1024];
        // The digest trails the stream by two bytes, so at the end it covers "all but a final CRLF".
        byte[] tail = new byte[2];
        int tailLength = 0;
        long total = 0;
        try (OutputStream out = Files.newOutputStream(file)) {
            int n;
            while ((n = body.read(buffer)) > 0) {
                total += n;
                if (total > maxBytes + 2) {
                    throw new TooLargeException(maxBytes);
                }
                out.write(buffer, 0, n);
                for (int i = 0; i < n; i++) {
                    if (tailLength == 2) {
                        lagging.update(tail[0]);
                        tail[0] = tail[1];
                        tail[1] = buffer[i];
                    } else {
                        tail[tailLength++] = buffer[i];
                    }
                }
            }
        }
        MessageDigest whole = clone(lagging);
        whole.update(tail, 0, tailLength);
        boolean endsWithCrlf = tailLength == 2 && tail[0] == '\r' && tail[1] == '\n';
        long size = total;
        byte[] withoutCrlf;
        if (endsWithCrlf) {
            try (FileChannel channel = FileChannel.open(file, StandardOpenOption.WRITE)) {
                channel.truncate(total - 2);
            }
            size = total - 2;
            withoutCrlf = lagging.digest();
        } else {
            withoutCrlf = clone(whole).digest();
        }
        if (size > maxBytes) {
            throw new TooLargeException(maxBytes);
        }
        return new IncomingPackage(size, withoutCrlf, whole.digest());
    }

    long size() {
        return size;
    }

    /** Accepts the SDK's unpadded hex and standard hex, over the file bytes or over the whole body. */
    boolean matchesHashFile(String hashFile) {
        String given = hashFile.trim().toLowerCase(Locale.ROOT);
        for (byte[] digest : new byte[][] {digestWithoutCrlf, digestWhole}) {
            if (given.equals(HexFormat.of().formatHex(digest)) || given.equals(unpaddedHex(digest))) {
                return true;
            }
        }
        return false;
    }

    private static String unpaddedHex(byte[] bytes) {
        StringBuilder out = new StringBuilder();
        for (byte b : bytes) {
            out.append(Integer.toHexString(b & 0xff));
        }
        return out.toString();
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static MessageDigest clone(MessageDigest digest) {
        try {
            return (MessageDigest) digest.clone();
        } catch (CloneNotSupportedException e) {
            throw new IllegalStateException("SHA-256 digests of the JDK are cloneable", e);
        }
    }
}
