package vn.lienthong.edxml.attach;

import java.util.Locale;
import java.util.Map;

/** Stored MIME type from magic bytes first, then the file name (spec §6.6 step 4); declared types are unreliable. */
public final class MagicBytes {

    private static final Map<String, String> BY_EXTENSION = Map.ofEntries(
            Map.entry("pdf", "application/pdf"), Map.entry("doc", "application/msword"),
            Map.entry("docx", "application/vnd.openxmlformats-officedocument.wordprocessingml.document"),
            Map.entry("xls", "application/vnd.ms-excel"),
            Map.entry("xlsx", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"),
            Map.entry("zip", "application/zip"), Map.entry("txt", "text/plain"), Map.entry("xml", "application/xml"),
            Map.entry("edxml", "application/xml"), Map.entry("png", "image/png"), Map.entry("jpg", "image/jpeg"),
            Map.entry("jpeg", "image/jpeg"), Map.entry("odt", "application/vnd.oasis.opendocument.text"));

    private MagicBytes() {
    }

    public static boolean isZip(byte[] head, int length) {
        return length >= 4 && head[0] == 'P' && head[1] == 'K' && head[2] == 3 && head[3] == 4;
    }

    public static String detect(byte[] head, int length, String fileName) {
        String byName = BY_EXTENSION.get(extension(fileName));
        if (length >= 4 && head[0] == '%' && head[1] == 'P' && head[2] == 'D' && head[3] == 'F') {
            return "application/pdf";
        }
        if (length >= 4 && (head[0] & 0xFF) == 0xD0 && (head[1] & 0xFF) == 0xCF && (head[2] & 0xFF) == 0x11
                && (head[3] & 0xFF) == 0xE0) {
            // OLE container: .doc, .xls and friends; the name tells which.
            return byName != null && !byName.startsWith("application/vnd.openxml") ? byName : "application/x-ole-storage";
        }
        if (isZip(head, length)) {
            // Office Open XML and ODF files are zips too.
            return byName != null && (byName.contains("openxml") || byName.contains("opendocument")) ? byName
                    : "application/zip";
        }
        return byName != null ? byName : "application/octet-stream";
    }

    public static String extension(String fileName) {
        if (fileName == null) {
            return "";
        }
        int dot = fileName.lastIndexOf('.');
        return dot < 0 ? "" : fileName.substring(dot + 1).toLowerCase(Locale.ROOT);
    }
}
