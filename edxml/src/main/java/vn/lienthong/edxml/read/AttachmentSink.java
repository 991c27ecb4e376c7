package vn.lienthong.edxml.read;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
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

    /** Stores each attachment as {@code <dir>/<index>} (names from the package are never used as paths). */
    static DirectorySink toDirectory(Path dir) {
        return new DirectorySink(dir);
    }

    /** Files written by {@link #toDirectory}, by attachment index. */
    final class DirectorySink implements AttachmentSink {
        private final Path dir;
        private final Map<Integer, Path> files = new LinkedHashMap<>();

        DirectorySink(Path dir) {
            this.dir = dir;
        }

        @Override
        public void accept(ReceivedAttachment attachment, InputStream content) throws IOException {
            Files.createDirectories(dir);
            Path target = dir.resolve(Integer.toString(attachment.index()));
            Files.copy(content, target, StandardCopyOption.REPLACE_EXISTING);
            files.put(attachment.index(), target);
        }

        public Map<Integer, Path> files() {
            return Map.copyOf(files);
        }
    }
}
