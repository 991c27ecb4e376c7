package vn.lienthong.docsig;

/** Formats recognised by their content (magic bytes), never by their file name. */
public enum DocumentFormat {
    PDF,
    /** Office Open XML (docx, xlsx, pptx): a zip with {@code [Content_Types].xml}. */
    OOXML,
    /** A CMS/PKCS#7 SignedData file (.p7s detached, .p7m enveloping), DER or PEM. */
    CMS,
    XML,
    OTHER
}
