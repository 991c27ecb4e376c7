package vn.lienthong.docsig;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.security.cert.X509CRL;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Signed PDFs built at test time, one per outcome; each file is also checked by poppler's pdfsig, which must agree
 * on the integrity and the coverage of every signature.
 */
class PdfSignatureVerificationTest {

    private static final Instant NOW = Instant.now();

    private static TestCa ca;
    private static X509CRL emptyCrl;

    @TempDir
    Path tmp;

    @BeforeAll
    static void pki() {
        ca = new TestCa("Test CA chuyen dung Chinh phu");
        emptyCrl = ca.crl(NOW);
    }

    private static DocumentSignatureVerifier verifier(X509CRL... crls) {
        return DocumentSignatureVerifier.builder().trustAnchors(List.of(ca.certificate)).crls(List.of(crls)).build();
    }

    private Path signed(String name, SignedPdfs.Signing how) throws Exception {
        return SignedPdfs.sign(SignedPdfs.unsigned(tmp.resolve(name + "-unsigned.pdf")), tmp.resolve(name + ".pdf"),
                how);
    }

    /** Verifies with our library and with pdfsig; they must agree on integrity and coverage. */
    private static DocumentReport verify(DocumentSignatureVerifier v, Path pdf) throws Exception {
        DocumentReport r = v.verify(pdf, pdf.getFileName().toString());
        List<Pdfsig.Seen> seen = Pdfsig.check(pdf);
        assertEquals(seen.size(), r.signatures().size(), "signature count, pdfsig " + seen);
        for (int i = 0; i < seen.size(); i++) {
            SignatureReport ours = r.signatures().get(i);
            assertEquals(seen.get(i).intact(), integrityIntact(ours),
                    "integrity of signature " + i + ": pdfsig '" + seen.get(i).validation() + "', ours " + ours);
            assertEquals(seen.get(i).wholeFile(), ours.coverage() == Coverage.WHOLE_FILE,
                    "coverage of signature " + i + ": ours " + ours.coverage());
        }
        return r;
    }

    /** Our verdict on the signed bytes and the signature value only (what pdfsig -nocert judges). */
    private static boolean integrityIntact(SignatureReport s) {
        return !(s.status() == SignatureStatus.INVALID
                && (s.reason().contains("digest mismatch") || s.reason().contains("signature value")
                || s.reason().contains("byte range")));
    }

    private static SignatureReport only(DocumentReport r) {
        assertEquals(1, r.signatures().size(), r.toString());
        return r.signatures().get(0);
    }

    @Test
    void validSignatureWithSuppliedCrlEstablishesLegalValue() throws Exception {
        TestCa.Signer signer = ca.signer("Nguyen Van Ky");
        DocumentReport r = verify(verifier(emptyCrl), signed("valid", SignedPdfs.Signing.of(signer)));
        SignatureReport s = only(r);
        assertEquals(SignatureStatus.VALID, s.status(), s.reason());
        assertEquals(Coverage.WHOLE_FILE, s.coverage());
        assertEquals("Nguyen Van Ky", s.signerName());
        assertEquals("So Noi vu tinh Thu", s.signerOrganisation());
        assertTrue(s.issuer().contains("CN=Test CA chuyen dung Chinh phu"), s.issuer());
        assertEquals(SigningTimeSource.SIGNED_ATTRIBUTE, s.signingTimeSource());
        assertEquals("adbe.pkcs7.detached", s.subFilter());
        assertEquals(LegalValue.ESTABLISHED, r.verdict().value(), r.verdict().reason());
        assertEquals(SignatureStatus.VALID, r.overallStatus());
    }

    @Test
    void withoutAnyCrlRevocationIsUnknownAndTheVerdictUndetermined() throws Exception {
        DocumentReport r = verify(verifier(), signed("no-crl", SignedPdfs.Signing.of(ca.signer("Le Thi Ky"))));
        assertEquals(SignatureStatus.REVOCATION_UNKNOWN, only(r).status());
        assertTrue(only(r).reason().contains("no CRL"), only(r).reason());
        assertEquals(LegalValue.UNDETERMINED, r.verdict().value());
    }

    @Test
    void cadesSignatureWithEmbeddedCrlIsValid() throws Exception {
        TestCa.Signer signer = ca.signer("Tran Van CAdES");
        DocumentReport r = verify(verifier(), signed("cades", SignedPdfs.Signing.of(signer).cades().embedding(emptyCrl)));
        assertEquals("ETSI.CAdES.detached", only(r).subFilter());
        assertEquals(SignatureStatus.VALID, only(r).status(), only(r).reason());
    }

    @Test
    void byteChangedInsideTheSignedRangeIsInvalid() throws Exception {
        Path good = signed("flip-src", SignedPdfs.Signing.of(ca.signer("Pham Ky")));
        DocumentReport r = verify(verifier(emptyCrl), SignedPdfs.flipSignedByte(good, tmp.resolve("flipped.pdf")));
        assertEquals(SignatureStatus.INVALID, only(r).status());
        assertTrue(only(r).reason().contains("digest mismatch"), only(r).reason());
        assertEquals(LegalValue.NOT_ESTABLISHED, r.verdict().value());
    }

    @Test
    void byteRangeNotStartingAtTheFileStartIsInvalid() throws Exception {
        Path good = signed("range-src", SignedPdfs.Signing.of(ca.signer("Pham Ky")));
        byte[] bytes = java.nio.file.Files.readAllBytes(good);
        String text = new String(bytes, java.nio.charset.StandardCharsets.ISO_8859_1);
        int at = text.indexOf("/ByteRange [0 ");
        assertTrue(at > 0, "byte range written as expected");
        bytes[at + "/ByteRange [".length()] = '1'; // same length: the first signed byte is now the second
        Path shifted = java.nio.file.Files.write(tmp.resolve("shifted-range.pdf"), bytes);
        DocumentReport r = verify(verifier(emptyCrl), shifted);
        assertEquals(SignatureStatus.INVALID, only(r).status());
        assertTrue(only(r).reason().contains("byte range"), only(r).reason());
    }

    @Test
    void incrementalUpdateAfterSigningIsReportedAsAppendedChanges() throws Exception {
        Path good = signed("update-src", SignedPdfs.Signing.of(ca.signer("Vo Ky")));
        DocumentReport r = verify(verifier(emptyCrl), SignedPdfs.changeAfterSigning(good, tmp.resolve("updated.pdf")));
        SignatureReport s = only(r);
        assertEquals(SignatureStatus.VALID, s.status(), "the signed revision itself is intact: " + s.reason());
        assertEquals(Coverage.APPENDED_CHANGES, s.coverage());
        assertEquals(LegalValue.NOT_ESTABLISHED, r.verdict().value());
        assertTrue(r.verdict().reason().startsWith("changed after signing"), r.verdict().reason());
    }

    @Test
    void certificateExpiredAtSigningTime() throws Exception {
        TestCa.Signer expired = ca.signer("Het Han", "UBND tinh Thu", NOW.minus(Duration.ofDays(10)),
                NOW.minus(Duration.ofDays(5)));
        DocumentReport r = verify(verifier(emptyCrl), signed("expired", SignedPdfs.Signing.of(expired)));
        assertEquals(SignatureStatus.EXPIRED_AT_SIGNING, only(r).status());
        assertTrue(only(r).reason().contains("expired at signing time"), only(r).reason());
        assertEquals(LegalValue.NOT_ESTABLISHED, r.verdict().value());
    }

    @Test
    void certificateNotYetValidAtSigningTime() throws Exception {
        TestCa.Signer future = ca.signer("Chua Hieu Luc", "UBND tinh Thu", NOW.plus(Duration.ofDays(1)),
                NOW.plus(Duration.ofDays(10)));
        DocumentReport r = verify(verifier(emptyCrl), signed("not-yet-valid", SignedPdfs.Signing.of(future)));
        assertEquals(SignatureStatus.EXPIRED_AT_SIGNING, only(r).status());
        assertTrue(only(r).reason().contains("not yet valid"), only(r).reason());
    }

    @Test
    void certificateExpiredNowButValidAtTheSigningTimeIsValid() throws Exception {
        TestCa.Signer expired = ca.signer("Ky Khi Con Han", "UBND tinh Thu", NOW.minus(Duration.ofDays(10)),
                NOW.minus(Duration.ofDays(5)));
        DocumentReport r = verify(verifier(emptyCrl),
                signed("signed-while-valid", SignedPdfs.Signing.of(expired).at(NOW.minus(Duration.ofDays(7)))));
        assertEquals(SignatureStatus.VALID, only(r).status(), only(r).reason());
        assertEquals(NOW.minus(Duration.ofDays(7)).getEpochSecond(), only(r).signingTime().getEpochSecond());
    }

    @Test
    void signerOfAnotherCaIsUntrusted() throws Exception {
        TestCa other = new TestCa("Unknown CA");
        DocumentReport r = verify(verifier(emptyCrl), signed("untrusted", SignedPdfs.Signing.of(other.signer("Ai Do"))));
        assertEquals(SignatureStatus.UNTRUSTED, only(r).status());
        assertEquals("Ai Do", only(r).signerName());
        assertEquals(LegalValue.NOT_ESTABLISHED, r.verdict().value());
    }

    @Test
    void certificateOnTheCaCrlIsRevoked() throws Exception {
        TestCa.Signer signer = ca.signer("Bi Thu Hoi");
        X509CRL crl = ca.crl(NOW.minus(Duration.ofDays(1)), signer.certificate());
        DocumentReport r = verify(verifier(crl), signed("revoked", SignedPdfs.Signing.of(signer)));
        assertEquals(SignatureStatus.REVOKED, only(r).status());
        assertEquals(LegalValue.NOT_ESTABLISHED, r.verdict().value());
    }

    @Test
    void twoSignaturesAreEachVerifiedAndTheFirstCoversAnEarlierRevision() throws Exception {
        Path once = signed("first", SignedPdfs.Signing.of(ca.signer("Nguoi Ky Mot")));
        Path twice = SignedPdfs.sign(once, tmp.resolve("two-signatures.pdf"),
                SignedPdfs.Signing.of(ca.signer("Nguoi Ky Hai", "Van phong UBND", NOW.minus(Duration.ofDays(1)),
                        NOW.plus(Duration.ofDays(30)))).cades());
        DocumentReport r = verify(verifier(emptyCrl), twice);
        assertEquals(2, r.signatures().size());
        assertEquals("Nguoi Ky Mot", r.signatures().get(0).signerName());
        assertEquals(Coverage.LATER_REVISIONS_SIGNED, r.signatures().get(0).coverage());
        assertEquals("Nguoi Ky Hai", r.signatures().get(1).signerName());
        assertEquals(Coverage.WHOLE_FILE, r.signatures().get(1).coverage());
        r.signatures().forEach(s -> assertEquals(SignatureStatus.VALID, s.status(), s.reason()));
        assertEquals(LegalValue.ESTABLISHED, r.verdict().value(), r.verdict().reason());
    }

    @Test
    void secondSignatureByAnUntrustedSignerSpoilsTheVerdict() throws Exception {
        Path once = signed("first-ok", SignedPdfs.Signing.of(ca.signer("Nguoi Ky Mot")));
        Path twice = SignedPdfs.sign(once, tmp.resolve("second-untrusted.pdf"),
                SignedPdfs.Signing.of(new TestCa("Other CA").signer("La")));
        DocumentReport r = verify(verifier(emptyCrl), twice);
        assertEquals(SignatureStatus.VALID, r.signatures().get(0).status());
        assertEquals(SignatureStatus.UNTRUSTED, r.signatures().get(1).status());
        assertEquals(SignatureStatus.UNTRUSTED, r.overallStatus());
        assertEquals(LegalValue.NOT_ESTABLISHED, r.verdict().value());
    }

    @Test
    void timeStampTokenGivesTheSigningTimeAndBeatsTheClaimedOne() throws Exception {
        TestCa.Signer expired = ca.signer("Co Dau Thoi Gian", "UBND tinh Thu", NOW.minus(Duration.ofDays(10)),
                NOW.minus(Duration.ofDays(5)));
        // Claims "now" (outside the certificate's validity), but a trusted TSA stamped it seven days ago.
        DocumentReport r = verify(verifier(emptyCrl), signed("stamped", SignedPdfs.Signing.of(expired)
                .stampedBy(ca.tsa(), NOW.minus(Duration.ofDays(7)), false)));
        assertEquals(SigningTimeSource.TIMESTAMP_TOKEN, only(r).signingTimeSource());
        assertEquals(SignatureStatus.VALID, only(r).status(), only(r).reason());
    }

    @Test
    void timeStampTokenOverAnotherSignatureMakesItInvalid() throws Exception {
        DocumentReport r = verify(verifier(emptyCrl), signed("forged-stamp",
                SignedPdfs.Signing.of(ca.signer("Gia Mao")).stampedBy(ca.tsa(), NOW, true)));
        assertEquals(SignatureStatus.INVALID, only(r).status());
        assertTrue(only(r).reason().contains("time-stamp"), only(r).reason());
    }

    @Test
    void revocationAfterATrustedTimeStampDoesNotTouchTheSignatureButAfterAClaimedTimeItDoes() throws Exception {
        TestCa.Signer signer = ca.signer("Thu Hoi Sau");
        X509CRL crl = ca.crl(NOW.minus(Duration.ofDays(1)), signer.certificate());
        Instant twoDaysAgo = NOW.minus(Duration.ofDays(2));
        DocumentReport stamped = verify(verifier(crl), signed("revoked-after-stamp", SignedPdfs.Signing.of(signer)
                .at(twoDaysAgo).stampedBy(ca.tsa(), twoDaysAgo, false)));
        assertEquals(SignatureStatus.VALID, only(stamped).status(), only(stamped).reason());
        DocumentReport claimed = verify(verifier(crl), signed("revoked-after-claim",
                SignedPdfs.Signing.of(signer).at(twoDaysAgo)));
        assertEquals(SignatureStatus.REVOKED, only(claimed).status());
        assertTrue(only(claimed).reason().contains("claimed by the signer"), only(claimed).reason());
    }

    @Test
    void unsignedPdfIsNotSigned() throws Exception {
        DocumentReport r = verify(verifier(emptyCrl), SignedPdfs.unsigned(tmp.resolve("plain.pdf")));
        assertEquals(DocumentFormat.PDF, r.format());
        assertEquals(SignatureStatus.NOT_SIGNED, r.overallStatus());
        assertNull(r.problem());
        assertEquals(LegalValue.NOT_ESTABLISHED, r.verdict().value());
        assertEquals("not signed", r.verdict().reason());
    }
}
