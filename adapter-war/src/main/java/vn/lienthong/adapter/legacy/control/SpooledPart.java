package vn.lienthong.adapter.legacy.control;

import java.nio.file.Path;

/**
 * One attachment MIME part, already on disk (never held in memory): its Content-ID without angle brackets, the
 * declared type, the decoded bytes' file and size, and whether base64 text sent as "binary" was decoded.
 */
public record SpooledPart(String contentId, String contentType, Path file, long size, boolean base64TextDecoded) {
}
