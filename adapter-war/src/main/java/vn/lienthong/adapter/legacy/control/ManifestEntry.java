package vn.lienthong.adapter.legacy.control;

/** One {@code Manifest/Reference}: the cid it points to (without "cid:"), the file name and description. */
public record ManifestEntry(String contentId, String attachmentName, String description) {
}
