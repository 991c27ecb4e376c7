package vn.lienthong.axis.client;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/**
 * The {@code hash-file} header value: SHA-256 of the package bytes rendered the way the vendor SDK renders it,
 * each byte as {@code Integer.toHexString(b & 0xff)} without zero padding (spec axis-vxp-api §8). The result is
 * ambiguous and may be shorter than 64 characters; we send it anyway because it is what the axis has always seen.
 */
public final class SdkHashFile {

    private SdkHashFile() {
    }

    public static String of(Path file) throws IOException {
        MessageDigest digest = sha256();
        try (InputStream in = Files.newInputStream(file)) {
            byte[] buffer = new byte[64 * 1024];
            int n;
            while ((n = in.read(buffer)) > 0) {
                digest.update(buffer, 0, n);
            }
        }
        return unpaddedHex(digest.digest());
    }

    public static String of(byte[] content) {
        return unpaddedHex(sha256().digest(content));
    }

    public static String unpaddedHex(byte[] bytes) {
        StringBuilder out = new StringBuilder(bytes.length * 2);
        for (byte b : bytes) {
            out.append(Integer.toHexString(b & 0xff));
        }
        return out.toString();
    }

    static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is mandatory in every JDK", e);
        }
    }
}
