package vn.lienthong.edxml.model;

/**
 * Metadata of one attachment as written in a manifest {@code Reference} or an {@code Attachment}. The
 * {@code contentId} is stored without a leading {@code cid:}; {@code contentType} is the declared type, which is
 * unreliable (spec §6.5) and kept for audit.
 */
public record AttachmentMeta(String contentId, String attachmentName, String description, String contentType) {
}
