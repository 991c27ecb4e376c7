package vn.lienthong.edxml.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.lienthong.docsig.SignedPdfs;
import vn.lienthong.docsig.TestCa;
import vn.lienthong.edxml.testsupport.SamplePackages;
import vn.lienthong.edxml.testsupport.TestPki;
import vn.lienthong.edxml.write.AttachmentSource;
import vn.lienthong.edxml.write.EdxmlWriter;

/** {@code signatures}: the documents' own signatures in each attachment of a package, with verdicts and exit codes. */
class SignaturesCommandTest {

    private static TestCa ca;

    @TempDir
    static Path keys;

    private static Path caPem;
    private static Path crlPem;

    @TempDir
    Path tmp;

    @BeforeAll
    static void pki() throws Exception {
        ca = new TestCa("Test CA chuyen dung");
        caPem = TestPki.writePem(keys.resolve("ca.pem"), ca.certificate);
        crlPem = TestPki.writePem(keys.resolve("ca.crl"), ca.crl(Instant.now()));
    }

    private record Run(int code, String out, String err) {
    }

    private static Run run(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = EdxmlCli.run(args, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        Run r = new Run(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
        assertFalse((r.out() + r.err()).contains("\tat "), "no stack traces: " + r);
        return r;
    }

    private Path signedPdf(String name, TestCa.Signer signer) throws Exception {
        return SignedPdfs.sign(SignedPdfs.unsigned(tmp.resolve(name + "-u.pdf")), tmp.resolve(name + ".pdf"),
                SignedPdfs.Signing.of(signer));
    }

    private Path edxml(Path... files) throws Exception {
        List<AttachmentSource> attachments = new ArrayList<>();
        for (Path f : files) {
            attachments.add(AttachmentSource.ofFile(f, "Tep dinh kem", f.toString().endsWith(".pdf")
                    ? "application/pdf" : "text/plain"));
        }
        Path pkg = tmp.resolve("package.edxml");
        try (OutputStream out = Files.newOutputStream(pkg)) {
            new EdxmlWriter().writeDocument(SamplePackages.newDocument(), attachments, out);
        }
        return pkg;
    }

    @Test
    void validSignedPdfWithCrlEstablishesLegalValue() throws Exception {
        Path pkg = edxml(signedPdf("quyet-dinh", ca.signer("Nguyen Van Ky")));
        Run r = run("signatures", "--trust", caPem.toString(), "--crl", crlPem.toString(), pkg.toString());
        assertEquals(0, r.code(), r.toString());
        assertTrue(r.out().contains("attachment [0] quyet-dinh.pdf: PDF, VALID"), r.out());
        assertTrue(r.out().contains("signer:   Nguyen Van Ky, So Noi vu tinh Thu"), r.out());
        assertTrue(r.out().contains("covers:   WHOLE_FILE"), r.out());
        assertTrue(r.out().contains("package: ESTABLISHED (1 attachment(s))"), r.out());
    }

    @Test
    void withoutCrlTheVerdictIsUndeterminedAndTheExitCodeOne() throws Exception {
        Run r = run("signatures", "--trust", caPem.toString(), edxml(signedPdf("a", ca.signer("Ky"))).toString());
        assertEquals(1, r.code(), r.toString());
        assertTrue(r.out().contains("REVOCATION_UNKNOWN"), r.out());
        assertTrue(r.out().contains("package: UNDETERMINED"), r.out());
    }

    @Test
    void eachAttachmentIsReportedAndTheWeakestDecides() throws Exception {
        Path note = Files.writeString(tmp.resolve("ghi-chu.txt"), "xin chao");
        TestCa.Signer expired = ca.signer("Het Han", "UBND", Instant.now().minus(Duration.ofDays(9)),
                Instant.now().minus(Duration.ofDays(2)));
        Path changed = SignedPdfs.flipSignedByte(signedPdf("b", ca.signer("Ky")), tmp.resolve("sua.pdf"));
        Run r = run("signatures", "--trust", caPem.toString(), "--crl", crlPem.toString(),
                edxml(signedPdf("ok", ca.signer("Dung")), note, signedPdf("het-han", expired), changed).toString());
        assertEquals(1, r.code(), r.toString());
        assertTrue(r.out().contains("attachment [0] ok.pdf: PDF, VALID"), r.out());
        assertTrue(r.out().contains("attachment [1] ghi-chu.txt: OTHER, NOT_SIGNED"), r.out());
        assertTrue(r.out().contains("verdict: NOT_ESTABLISHED: not signed"), r.out());
        assertTrue(r.out().contains("attachment [2] het-han.pdf: PDF, EXPIRED_AT_SIGNING"), r.out());
        assertTrue(r.out().contains("attachment [3] sua.pdf: PDF, INVALID"), r.out());
        assertTrue(r.out().contains("digest mismatch"), r.out());
        assertTrue(r.out().contains("package: NOT_ESTABLISHED (4 attachment(s))"), r.out());
    }

    @Test
    void untrustedWithoutTrustAnchors() throws Exception {
        Run r = run("signatures", edxml(signedPdf("c", ca.signer("Ky"))).toString());
        assertEquals(1, r.code());
        assertTrue(r.out().contains("UNTRUSTED: signed bytes intact, signature value verified; no trust anchors"),
                r.out());
    }

    @Test
    void unreadableInputsAndUsage() throws Exception {
        assertEquals(2, run("signatures", tmp.resolve("missing.edxml").toString()).code());
        Path broken = Files.writeString(tmp.resolve("broken.edxml"), "<edXMLEnvelope><unclosed>");
        assertEquals(2, run("signatures", broken.toString()).code());
        Path notPem = Files.writeString(tmp.resolve("not.pem"), "not a certificate");
        Run badTrust = run("signatures", "--trust", notPem.toString(), broken.toString());
        assertEquals(2, badTrust.code());
        assertTrue(badTrust.err().startsWith("error: cannot read trust anchors"), badTrust.err());
        assertEquals(64, run("signatures").code());
    }

    @Test
    /** The vendor sample's "1896_QD-TTg_m_294779.doc" unzips to an EDXML package with an XML signature in it. */
    void vendorSampleAttachmentIsXmlWithASignatureDetectedNotVerified() {
        String configured = System.getProperty("fixtures.dir");
        Path sample = Path.of(configured == null ? "../../shared/fixtures" : configured, "edxml", "vendor-sdk-2019",
                "edoc_new.edxml");
        org.junit.jupiter.api.Assumptions.assumeTrue(Files.isRegularFile(sample), "fixtures not found: " + sample);
        Run r = run("signatures", sample.toString());
        assertEquals(1, r.code(), r.toString());
        assertTrue(r.out().contains("attachment [0] 1896_QD-TTg_m_294779.doc: XML, SIGNED_NOT_VERIFIED"), r.out());
        assertTrue(r.out().contains("verdict: UNDETERMINED"), r.out());
        assertTrue(r.out().contains("package: UNDETERMINED (1 attachment(s))"), r.out());
    }

    @Test
    void statusPackageHasNoAttachmentsToExamine() throws Exception {
        Path status = tmp.resolve("status.edxml");
        try (OutputStream out = Files.newOutputStream(status)) {
            new EdxmlWriter().writeStatus(SamplePackages.status("03"), out);
        }
        Run r = run("signatures", status.toString());
        assertEquals(1, r.code(), r.toString());
        assertTrue(r.out().contains("not a document package"), r.out());
    }
}
