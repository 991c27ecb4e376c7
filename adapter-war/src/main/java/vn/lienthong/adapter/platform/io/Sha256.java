package vn.lienthong.adapter.platform.io;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * SHA-256 of files, streams and text, as lower-case hex: the evidence hash kept for every package and attachment,
 * and the one digest helper of the adapter (tokens, audit chain, content keys use it too).
 */
public final class Sha256 {

    private Sha256() {
    }

    public static MessageDigest digest() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }

    public static String hex(MessageDigest digest) {
        return HexFormat.of().formatHex(digest.digest());
    }

    /** The digest of the UTF-8 bytes of the text. */
    public static byte[] ofText(String text) {
        return digest().digest(text.getBytes(StandardCharsets.UTF_8));
    }

    /** The digest of the UTF-8 bytes of the text, as lower-case hex. */
    public static String hexOfText(String text) {
        return HexFormat.of().formatHex(ofText(text));
    }

    /** Reads the file once, streamed. */
    public static String of(Path file) throws IOException {
        MessageDigest sha = digest();
        try (InputStream in = new DigestInputStream(Files.newInputStream(file), sha)) {
            in.transferTo(OutputStream.nullOutputStream());
        }
        return hex(sha);
    }
}
