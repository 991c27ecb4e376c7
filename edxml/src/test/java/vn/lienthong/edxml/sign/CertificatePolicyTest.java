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

/** Certificate checks: validity at the claimed signing time, revocation through configured CRLs. */
class CertificatePolicyTest {

    private static byte[] sign(TestPki pki) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        new PackageSigner(pki.credentials()).sign(new ByteArrayInputStream(SamplePackages.newDocumentBytes()), out);
        return out.toByteArray();
    }

    @Test
    void certificateMustBeValidWhenThePackageSaysItWasSent() throws Exception {
        // The sample's own TraceHeader says 2025/11/20 09:30:15; this certificate starts a day ago.
        TestPki late = TestPki.rsaSignerValidFrom(Instant.now().minus(1, ChronoUnit.DAYS));
        assertTrue(Instant.now().isAfter(Instant.parse("2025-11-21T00:00:00Z")), "test assumes the sample date is past");
        VerificationResult r = PackageVerifier.builder().trustAnchor(late.caCert).build()
                .verify(new ByteArrayInputStream(sign(late)));
        assertEquals(VerificationStatus.INVALID, r.status());
        assertTrue(r.reason().contains("not valid at signing time"), r.reason());
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
