package vn.lienthong.edxml.sign;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.junit.jupiter.api.Test;
import vn.lienthong.edxml.testsupport.SamplePackages;
import vn.lienthong.edxml.testsupport.TestPki;

/** Certificate checks: validity at the verification time (never a time the package claims), CRLs. */
class CertificatePolicyTest {

    private static byte[] sign(TestPki pki) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        new PackageSigner(pki.credentials()).sign(new ByteArrayInputStream(SamplePackages.newDocumentBytes()), out);
        return out.toByteArray();
    }

    @Test
    void aCurrentCertificateVerifiesWhateverTimeThePackageClaims() throws Exception {
        // The sample's own TraceHeader says 2025/11/20 09:30:15; this certificate starts a day ago. The claim is
        // the sender's own, so it neither condemns nor rescues the certificate: the verifier's clock decides.
        TestPki late = TestPki.rsaSignerValidFrom(Instant.now().minus(1, ChronoUnit.DAYS));
        assertTrue(Instant.now().isAfter(Instant.parse("2025-11-21T00:00:00Z")), "test assumes the sample date is past");
        VerificationResult r = PackageVerifier.builder().trustAnchor(late.caCert).build()
                .verify(new ByteArrayInputStream(sign(late)));
        assertEquals(VerificationStatus.VALID, r.status(), r.reason());
        assertEquals(CertificateTrust.TRUSTED, r.trust());
    }

    @Test
    void anExpiredCertificateIsInvalidEvenWhenThePackageIsBackDated() throws Exception {
        // Valid around the sample's TraceHeader date (2025/11/20), expired since yesterday.
        TestPki expired = TestPki.rsaSignerValid(Instant.parse("2025-11-01T00:00:00Z"),
                Instant.now().minus(1, ChronoUnit.DAYS));
        byte[] signed = sign(expired);
        VerificationResult now = PackageVerifier.builder().trustAnchor(expired.caCert).build()
                .verify(new ByteArrayInputStream(signed));
        assertEquals(VerificationStatus.INVALID, now.status());
        assertTrue(now.reason().contains("not valid at verification time"), now.reason());
        VerificationResult untrusted = new PackageVerifier().verify(new ByteArrayInputStream(signed));
        assertEquals(VerificationStatus.INVALID, untrusted.status(), "validity is checked without anchors too");
        // At a time the caller vouches for (when the package was received, inside the validity): valid.
        VerificationResult atReception = PackageVerifier.builder().trustAnchor(expired.caCert)
                .validAt(Instant.parse("2025-11-20T02:30:15Z")).build().verify(new ByteArrayInputStream(signed));
        assertEquals(VerificationStatus.VALID, atReception.status(), atReception.reason());
    }

    @Test
    void revokedCertificateIsInvalidWhenCrlsAreConfigured() throws Exception {
        TestPki pki = TestPki.rsa();
        byte[] signed = sign(pki);
        VerificationResult withoutCrl = PackageVerifier.builder().trustAnchor(pki.caCert).build()
                .verify(new ByteArrayInputStream(signed));
        assertEquals(VerificationStatus.VALID, withoutCrl.status(), withoutCrl.reason());
        VerificationResult revoked = PackageVerifier.builder().trustAnchor(pki.caCert)
                .crls(List.of(pki.crlRevokingSigner())).build().verify(new ByteArrayInputStream(signed));
        assertEquals(VerificationStatus.INVALID, revoked.status());
        assertEquals(CertificateTrust.UNTRUSTED, revoked.trust());
    }
}
