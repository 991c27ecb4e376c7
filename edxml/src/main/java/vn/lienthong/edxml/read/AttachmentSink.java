package vn.lienthong.edxml.read;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Receives attachment content after the whole package was read without errors (nothing of a refused package is
 * half-stored, spec §6.6 step 5). The stream must be consumed before returning; it is closed by the reader.
 */
@FunctionalInterface
public interface AttachmentSink {

    void accept(ReceivedAttachment attachment, InputStream content) throws IOException;

    /** Reads metadata only (inspection, routing, validation). */
    static AttachmentSink discard() {
        return (attachment, content) -> content.transferTo(java.io.OutputStream.nullOutputStream());
    }

    /**
     * Stores each attachment as {@code <dir>/<index>} (names from the package are never used as paths) and takes its
     * SHA-256 on the way: one streaming pass whatever the size.
     */
    static DirectorySink toDirectory(Path dir) {
        return new DirectorySink(dir);
    }

    /** Files written by {@link #toDirectory} and their SHA-256, by attachment index. */
    final class DirectorySink implements AttachmentSink {
        private final Path dir;
        private final Map<Integer, Path> files = new LinkedHashMap<>();
        private final Map<Integer, String> sha256 = new LinkedHashMap<>();

        DirectorySink(Path dir) {
            this.dir = dir;
        }

        @Override
        public void accept(ReceivedAttachment attachment, InputStream content) throws IOException {
            Files.createDirectories(dir);
            Path target = dir.resolve(Integer.toString(attachment.index()));
            MessageDigest digest = sha256Digest();
            try (OutputStream out = new DigestOutputStream(Files.newOutputStream(target), digest)) {
                content.transferTo(out);
            }
            files.put(attachment.index(), target);
            sha256.put(attachment.index(), HexFormat.of().formatHex(digest.digest()));
        }

        public Map<Integer, Path> files() {
            return Map.copyOf(files);
        }

        /** Lower-case hex SHA-256 of each stored file (what GetIncomingDocument's signed Body carries). */
        public Map<Integer, String> sha256() {
            return Map.copyOf(sha256);
        }

        private static MessageDigest sha256Digest() {
            try {
                return MessageDigest.getInstance("SHA-256");
            } catch (NoSuchAlgorithmException e) {
                throw new IllegalStateException("SHA-256 is part of every JDK", e);
            }
        }
    }
}
