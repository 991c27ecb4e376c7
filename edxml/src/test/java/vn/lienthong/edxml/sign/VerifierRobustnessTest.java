package vn.lienthong.edxml.sign;

import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.util.Random;
import org.junit.jupiter.api.Test;
import vn.lienthong.edxml.read.EdxmlHeaderScanner;
import vn.lienthong.edxml.read.EdxmlParseException;
import vn.lienthong.edxml.testsupport.SamplePackages;
import vn.lienthong.edxml.testsupport.TestPki;

/** Corrupted signed packages give a verdict or a parse error, never a crash, and never VALID. */
class VerifierRobustnessTest {

    @Test
    void mutationsNeverCrashOrVerify() throws Exception {
        TestPki pki = TestPki.rsa();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        new PackageSigner(pki.credentials()).sign(new ByteArrayInputStream(SamplePackages.newDocumentBytes()), out);
        byte[] signed = out.toByteArray();
        PackageVerifier verifier = PackageVerifier.builder().trustAnchor(pki.caCert).build();
        Random random = new Random(7);
        for (int i = 0; i < 300; i++) {
            byte[] copy = signed.clone();
            int at = random.nextInt(copy.length);
            byte replacement = (byte) "<>&\"'=x/Q".charAt(random.nextInt(9));
            if (copy[at] == replacement || Character.isWhitespace(copy[at])) {
                continue; // not a change of the signed content
            }
            copy[at] = replacement;
            try {
                assertNotEquals(VerificationStatus.VALID, verifier.verify(new ByteArrayInputStream(copy)).status(),
                        "mutation at " + at);
            } catch (EdxmlParseException expected) {
                // not well-formed any more
            } catch (RuntimeException e) {
                fail("verifier crashed on mutation at " + at + ": " + e);
            }
            try {
                EdxmlHeaderScanner.scan(new ByteArrayInputStream(copy));
            } catch (EdxmlParseException expected) {
                // fine
            } catch (RuntimeException e) {
                fail("scanner crashed on mutation at " + at + ": " + e);
            }
        }
    }

    @Test
    void signersAndVerifiersAreThreadSafe() throws Exception {
        TestPki pki = TestPki.ec();
        PackageSigner signer = new PackageSigner(pki.credentials(), SignatureAlgorithm.ECDSA_SHA256);
        PackageVerifier verifier = PackageVerifier.builder().trustAnchor(pki.caCert).build();
        byte[] unsigned = SamplePackages.newDocumentBytes();
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(4);
        try {
            java.util.List<java.util.concurrent.Future<VerificationStatus>> results = new java.util.ArrayList<>();
            for (int i = 0; i < 40; i++) {
                results.add(pool.submit(() -> {
                    ByteArrayOutputStream signed = new ByteArrayOutputStream();
                    signer.sign(new ByteArrayInputStream(unsigned), signed);
                    return verifier.verify(new ByteArrayInputStream(signed.toByteArray())).status();
                }));
            }
            for (var r : results) {
                org.junit.jupiter.api.Assertions.assertEquals(VerificationStatus.VALID, r.get());
            }
        } finally {
            pool.shutdownNow();
        }
    }
}
