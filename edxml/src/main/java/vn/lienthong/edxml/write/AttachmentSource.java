package vn.lienthong.edxml.write;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Objects;

/**
 * One file to attach. Content is opened lazily and streamed by the writer, so attachments of any size never sit in
 * memory. {@code contentId} is normally null (the writer then emits a fresh UUID); set it only to reproduce a
 * received package faithfully.
 */
public record AttachmentSource(String name, String description, String contentType, ContentSupplier content,
                               String contentId) {

    /** Opens the attachment's bytes; called exactly once per write. */
    @FunctionalInterface
    public interface ContentSupplier {
        InputStream open() throws IOException;
    }

    public AttachmentSource {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(content, "content");
        if (name.isBlank()) {
            throw new IllegalArgumentException("attachment name must not be blank");
        }
    }

    public AttachmentSource(String name, String description, String contentType, ContentSupplier content) {
        this(name, description, contentType, content, null);
    }

    public static AttachmentSource ofFile(Path file, String description, String contentType) {
        return new AttachmentSource(file.getFileName().toString(), description, contentType,
                () -> Files.newInputStream(file));
    }
}
