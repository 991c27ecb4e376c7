package vn.lienthong.edxml.write;

import java.util.Locale;
import java.util.Map;

/**
 * How an attachment is put on the wire (spec §6.6 "Send"): files whose extension is listed travel raw with the
 * listed ContentType, everything else is zipped as one entry {@code <uuid>.<ext>} with {@code application/zip}.
 * The default follows the newer reference build (PDF and ZIP raw), which both library builds and
 * content-sniffing receivers can read. Configurable because receivers' expectations are an open question.
 */
public final class AttachmentPacking {

    public static final String ZIP = "application/zip";

    private final Map<String, String> rawTypesByExtension;

    private AttachmentPacking(Map<String, String> rawTypesByExtension) {
        this.rawTypesByExtension = Map.copyOf(rawTypesByExtension);
    }

    public static AttachmentPacking defaults() {
        return new AttachmentPacking(Map.of("pdf", "application/pdf", "zip", ZIP));
    }

    /** A policy sending exactly these extensions (lower case, no dot) raw with the given content types. */
    public static AttachmentPacking rawExtensions(Map<String, String> rawTypesByExtension) {
        return new AttachmentPacking(rawTypesByExtension);
    }

    public boolean sendsRaw(String fileName) {
        return rawTypesByExtension.containsKey(extensionOf(fileName));
    }

    /** The ContentType written in the manifest and the attachment. */
    public String wireContentType(String fileName) {
        return rawTypesByExtension.getOrDefault(extensionOf(fileName), ZIP);
    }

    /** Lower-case extension without the dot, or "" when the name has none. */
    public static String extensionOf(String fileName) {
        int dot = fileName.lastIndexOf('.');
        if (dot < 0 || dot == fileName.length() - 1) {
            return "";
        }
        return fileName.substring(dot + 1).toLowerCase(Locale.ROOT);
    }
}
