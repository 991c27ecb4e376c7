package vn.lienthong.docsig;

/** Whether a document's own signatures give it legal value (Decision 28/2018/QĐ-TTg art. 4), as far as checked. */
public enum LegalValue {
    /** Every signature is VALID and the last one covers the whole file. */
    ESTABLISHED,
    /** Not signed, or a signature is invalid, untrusted, revoked, expired at signing, or the file changed after. */
    NOT_ESTABLISHED,
    /** Signed, but a check could not be made here (revocation unknown, format not verified yet). */
    UNDETERMINED
}
