package vn.lienthong.docsig;

/** Where the signing time of a signature comes from, most trustworthy first. */
public enum SigningTimeSource {
    /** An RFC 3161 time-stamp token in the CMS unsigned attributes, verified against the signature value. */
    TIMESTAMP_TOKEN,
    /** The CMS signed attribute signingTime: claimed by the signer (protected by the signature, not by a third party). */
    SIGNED_ATTRIBUTE,
    /** The PDF signature dictionary's /M entry: claimed and not covered by the CMS signature. */
    PDF_DICTIONARY,
    /** No signing time: certificates are checked at the verification time. */
    VERIFICATION_TIME
}
