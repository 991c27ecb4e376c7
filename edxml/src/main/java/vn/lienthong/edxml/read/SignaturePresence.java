package vn.lienthong.edxml.read;

/**
 * What the reader saw in the signature slot. The reader does not verify; use
 * {@link vn.lienthong.edxml.sign.PackageVerifier} for {@link #XMLDSIG}. Placeholder and absent both mean the
 * package is unsigned: kept for reference only (Decision 28/2018 art. 4), not rejected.
 */
public enum SignaturePresence {
    ABSENT, PLACEHOLDER, XMLDSIG
}
