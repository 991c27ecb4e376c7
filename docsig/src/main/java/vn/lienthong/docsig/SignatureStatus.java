package vn.lienthong.docsig;

/**
 * Outcome of one signature, most serious first where several apply (an invalid signature is reported INVALID even
 * if its certificate is also untrusted). The reason text of {@link SignatureReport#reason()} says why.
 */
public enum SignatureStatus {
    /** Integrity, signature value, chain to a trust anchor, validity at the signing time and a CRL all check. */
    VALID,
    /** Signed bytes changed, signature value wrong, malformed byte range or CMS: the signature proves nothing. */
    INVALID,
    /** Cryptographically intact, but the signer's certificate does not chain to a configured trust anchor. */
    UNTRUSTED,
    /** A certificate of the chain was expired or not yet valid at the signing time. */
    EXPIRED_AT_SIGNING,
    /** A CRL of the issuing CA lists a certificate of the chain (see the README for the time rule). */
    REVOKED,
    /** Everything else checks, but no CRL of the issuer was supplied or embedded (checks are offline). */
    REVOCATION_UNKNOWN,
    /** The document carries no signature. */
    NOT_SIGNED,
    /** A signature is there, in a format or sub-filter this library detects but does not verify yet. */
    SIGNED_NOT_VERIFIED;

    public boolean isValid() {
        return this == VALID;
    }
}
