package vn.lienthong.adapter.reception.control;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.util.LinkedHashMap;
import java.util.Map;

import vn.lienthong.adapter.platform.io.Sha256;
import vn.lienthong.edxml.read.AttachmentSink;
import vn.lienthong.edxml.read.ReceivedAttachment;

/**
 * Stores each attachment of a received package as {@code <dir>/<index>} (names from the package are never paths)
 * and computes its SHA-256 on the way: the digest GetIncomingDocument puts in its signed Body, which binds an MTOM
 * part to the answer's signature (docs/large-attachments.md). One streaming pass, 64 KiB at a time, whatever the size.
 */
final class DigestingSink implements AttachmentSink {

    private final Path dir;
    private final Map<Integer, Path> files = new LinkedHashMap<>();
    private final Map<Integer, String> sha256 = new LinkedHashMap<>();

    DigestingSink(Path dir) {
        this.dir = dir;
    }

    @Override
    public void accept(ReceivedAttachment attachment, InputStream content) throws IOException {
        Files.createDirectories(dir);
        Path target = dir.resolve(Integer.toString(attachment.index()));
        MessageDigest digest = Sha256.digest();
        try (OutputStream out = new DigestOutputStream(Files.newOutputStream(target), digest)) {
            content.transferTo(out);
        }
        files.put(attachment.index(), target);
        sha256.put(attachment.index(), Sha256.hex(digest));
    }

    Map<Integer, Path> files() {
        return Map.copyOf(files);
    }

    Map<Integer, String> sha256() {
        return Map.copyOf(sha256);
    }
}
