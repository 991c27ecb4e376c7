package vn.lienthong.docsig;

/** Which part of the file a PDF signature's byte range covers. */
public enum Coverage {
    /** The signed byte range ends at the end of the file: nothing was added after signing. */
    WHOLE_FILE,
    /** Bytes were appended after this signature (incremental update), and a later signature covers all of them. */
    LATER_REVISIONS_SIGNED,
    /** Bytes were appended after this signature that no later signature covers: the file is not what was signed. */
    APPENDED_CHANGES,
    /** Not applicable (formats other than PDF, signatures not verified). */
    UNKNOWN
}
