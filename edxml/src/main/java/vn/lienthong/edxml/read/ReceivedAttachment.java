package vn.lienthong.edxml.read;

import vn.lienthong.edxml.model.AttachmentMeta;

/**
 * One attachment as delivered to the {@link AttachmentSink}: the metadata from the manifest and from
 * {@code AttachmentEncoded} (declared types kept for audit), the final size, whether a wrapper zip was removed,
 * and the MIME type derived from magic bytes and file name. Store it under {@code attachment().attachmentName()}.
 */
public record ReceivedAttachment(int index, AttachmentMeta manifest, AttachmentMeta attachment, long size,
                                 boolean unwrapped, String detectedMimeType) {

    /** The file name to store the content under (never a zip entry name). */
    public String fileName() {
        if (attachment.attachmentName() != null) {
            return attachment.attachmentName();
        }
        return manifest != null && manifest.attachmentName() != null ? manifest.attachmentName()
                : "attachment-" + index;
    }
}
