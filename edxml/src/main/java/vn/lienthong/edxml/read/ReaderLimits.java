package vn.lienthong.edxml.read;

/**
 * Bounds on the work a received package may cause (spec §15.2, §15.3). The defaults allow multi-gigabyte
 * attachments but refuse zip bombs and absurd structures; an operator may tighten them.
 *
 * @param maxPackageChars    characters in the whole package, attachments included
 * @param maxMetadataChars   characters outside attachment content (headers, manifest, metadata)
 * @param maxElements        elements outside attachment content
 * @param maxAttachments     attachments per package
 * @param maxAttachmentBytes decoded bytes per attachment
 * @param maxUnzippedBytes   bytes of an unwrapped zip entry
 * @param maxZipRatio        uncompressed/compressed ratio beyond which a wrapper zip is a bomb
 */
public record ReaderLimits(long maxPackageChars, long maxMetadataChars, int maxElements, int maxAttachments,
                           long maxAttachmentBytes, long maxUnzippedBytes, int maxZipRatio) {

    public static ReaderLimits defaults() {
        return new ReaderLimits(8L << 30, 16L << 20, 100_000, 500, 4L << 30, 4L << 30, 200);
    }
}
