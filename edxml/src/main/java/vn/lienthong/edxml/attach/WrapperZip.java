package vn.lienthong.edxml.attach;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipInputStream;

/**
 * Recognises and unwraps the reference library's wrapper zip (spec §6.6 step 2) by content, not by declared
 * ContentType: starts with {@code PK\3\4}, the attachment is not itself a {@code .zip}, exactly one file entry, and
 * the entry's extension equals the attachment's or {@code application/zip} was declared. Uses the streaming
 * {@link ZipInputStream} only (a central-directory reader refuses the truncated zips seen in traffic); the entry
 * name is never used as a path. Bounded by uncompressed size and expansion ratio.
 */
public final class WrapperZip {

    /** What happened to one decoded payload. */
    public record Outcome(Path content, boolean unwrapped, String entryName) {
    }

    private WrapperZip() {
    }

    /**
     * Returns the file holding the final content: {@code decoded} itself when it is not a wrapper, else a new
     * file {@code unwrappedTarget} with the single entry's bytes.
     */
    public static Outcome unwrapIfWrapper(Path decoded, Path unwrappedTarget, String attachmentName,
                                          boolean zipDeclared, long maxUncompressed, int maxRatio)
            throws IOException {
        byte[] head = new byte[4];
        int n;
        try (InputStream in = Files.newInputStream(decoded)) {
            n = in.readNBytes(head, 0, 4);
        }
        String nameExt = MagicBytes.extension(attachmentName);
        if (!MagicBytes.isZip(head, n) || "zip".equals(nameExt)) {
            return new Outcome(decoded, false, null);
        }
        long compressed = Math.max(1, Files.size(decoded));
        try (ZipInputStream zip = new ZipInputStream(new BufferedInputStream(Files.newInputStream(decoded)))) {
            ZipEntry entry = zip.getNextEntry();
            while (entry != null && entry.isDirectory()) {
                entry = zip.getNextEntry();
            }
            if (entry == null) {
                return new Outcome(decoded, false, null);
            }
            boolean extensionMatches = nameExt.equals(MagicBytes.extension(entry.getName()));
            if (!extensionMatches && !zipDeclared) {
                return new Outcome(decoded, false, null);
            }
            long written;
            try (OutputStream out = Files.newOutputStream(unwrappedTarget)) {
                written = copyBounded(zip, out, maxUncompressed, compressed, maxRatio);
            }
            ZipEntry next = zip.getNextEntry();
            while (next != null && next.isDirectory()) {
                next = zip.getNextEntry();
            }
            if (next != null) {
                // Several files: a real .docx/.xlsx-like container, not a wrapper. Keep the bytes as sent.
                Files.deleteIfExists(unwrappedTarget);
                return new Outcome(decoded, false, null);
            }
            return new Outcome(unwrappedTarget, true, entry.getName() + " (" + written + " bytes)");
        } catch (ZipException e) {
            Files.deleteIfExists(unwrappedTarget);
            throw new ZipException("wrapper zip cannot be read by a streaming reader: " + e.getMessage());
        }
    }

    private static long copyBounded(InputStream in, OutputStream out, long maxUncompressed, long compressed,
                                    int maxRatio) throws IOException {
        byte[] buf = new byte[64 * 1024];
        long total = 0;
        int n;
        while ((n = in.read(buf)) > 0) {
            total += n;
            if (total > maxUncompressed) {
                throw new AttachmentLimitException("unzipped attachment larger than " + maxUncompressed + " bytes");
            }
            // Ratio is judged only past 1 MB so that tiny, highly compressible text files are not refused.
            if (total > (1 << 20) && total / compressed > maxRatio) {
                throw new AttachmentLimitException("zip expands more than " + maxRatio + " times (zip bomb?)");
            }
            out.write(buf, 0, n);
        }
        return total;
    }
}
