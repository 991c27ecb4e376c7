package vn.lienthong.edxml.sign;

/** Outcome recorded with every received package (spec §10.4). */
public enum VerificationStatus {
    /** The XMLDSig signature verifies over the package as received. */
    VALID,
    /** It verifies once the TraceHeaders the axis appended after the sender's own are removed. */
    VALID_AFTER_TRACE_STRIP,
    /** An XMLDSig signature is present but does not verify, is malformed, untrusted, or breaks the profile. */
    INVALID,
    /** Only the vendor's placeholder (a {@code Signature} in the QCVN namespace): unsigned for legal purposes. */
    PLACEHOLDER,
    /** No signature at all: unsigned. */
    ABSENT;

    /** True for the two outcomes that prove the package was signed by the certificate holder. */
    public boolean isValid() {
        return this == VALID || this == VALID_AFTER_TRACE_STRIP;
    }
}
