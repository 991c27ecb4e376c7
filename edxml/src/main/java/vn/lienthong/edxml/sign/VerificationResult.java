package vn.lienthong.edxml.sign;

import java.security.cert.X509Certificate;

/**
 * What the verifier found. {@code signerCertificate} is set whenever the signature carried one (also for invalid
 * signatures, for the record); {@code signatureMethod} is the declared algorithm URI, kept for audit (an RSA-SHA1
 * signature must be visible as such).
 */
public record VerificationResult(VerificationStatus status, X509Certificate signerCertificate, String reason,
                                 String signatureMethod, CertificateTrust trust) {

    static VerificationResult absent() {
        return new VerificationResult(VerificationStatus.ABSENT, null, "no signature", null,
                CertificateTrust.NOT_CHECKED);
    }

    static VerificationResult placeholder() {
        return new VerificationResult(VerificationStatus.PLACEHOLDER, null,
                "only a placeholder Signature in the QCVN namespace (not an XML signature)", null,
                CertificateTrust.NOT_CHECKED);
    }

    static VerificationResult invalid(String reason, X509Certificate cert, String method) {
        return new VerificationResult(VerificationStatus.INVALID, cert, reason, method, CertificateTrust.NOT_CHECKED);
    }
}
