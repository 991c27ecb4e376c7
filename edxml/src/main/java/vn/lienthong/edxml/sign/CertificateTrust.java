package vn.lienthong.edxml.sign;

/** Whether the signer certificate was chained to a configured trust anchor. */
public enum CertificateTrust {
    TRUSTED,
    UNTRUSTED,
    /** No trust anchors configured: only the cryptographic signature was checked; the certificate is recorded. */
    NOT_CHECKED
}
