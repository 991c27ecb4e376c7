package vn.lienthong.docsig;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.bouncycastle.cert.jcajce.JcaCertStore;
import org.bouncycastle.cms.CMSProcessableByteArray;
import org.bouncycastle.cms.CMSSignedDataGenerator;
import org.bouncycastle.cms.jcajce.JcaSignerInfoGeneratorBuilder;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.bouncycastle.operator.jcajce.JcaDigestCalculatorProviderBuilder;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Formats other than PDF are detected (signed or not) and reported, never silently passed as verified. */
class OtherFormatsTest {

    private static TestCa ca;
    private static DocumentSignatureVerifier verifier;

    @TempDir
    Path tmp;

    @BeforeAll
    static void pki() {
        ca = new TestCa("Test CA");
        verifier = DocumentSignatureVerifier.builder().trustAnchors(List.of(ca.certificate)).build();
    }

    private Path zip(String name, String... entries) throws Exception {
        Path file = tmp.resolve(name);
        try (ZipOutputStream z = new ZipOutputStream(Files.newOutputStream(file))) {
            for (String e : entries) {
                z.putNextEntry(new ZipEntry(e));
                z.write("<x/>".getBytes(StandardCharsets.US_ASCII));
                z.closeEntry();
            }
        }
        return file;
    }

    @Test
    void signedOoxmlIsDetectedNotVerified() throws Exception {
        DocumentReport r = verifier.verify(zip("to-trinh.docx", "[Content_Types].xml", "word/document.xml",
                "_xmlsignatures/origin.sigs", "_xmlsignatures/sig1.xml"), "to-trinh.docx");
        assertEquals(DocumentFormat.OOXML, r.format());
        assertEquals(1, r.signatures().size());
        assertEquals(SignatureStatus.SIGNED_NOT_VERIFIED, r.overallStatus());
        assertTrue(r.signatures().get(0).reason().contains("not implemented yet"));
        assertEquals(LegalValue.UNDETERMINED, r.verdict().value());
    }

    @Test
    void unsignedOoxmlIsNotSigned() throws Exception {
        DocumentReport r = verifier.verify(zip("bang.xlsx", "[Content_Types].xml", "xl/workbook.xml"), "bang.xlsx");
        assertEquals(DocumentFormat.OOXML, r.format());
        assertEquals(SignatureStatus.NOT_SIGNED, r.overallStatus());
        assertEquals(LegalValue.NOT_ESTABLISHED, r.verdict().value());
    }

    @Test
    void detachedCmsIsDetectedNotVerified() throws Exception {
        TestCa.Signer s = ca.signer("Ky Tach Roi");
        CMSSignedDataGenerator gen = new CMSSignedDataGenerator();
        gen.addSignerInfoGenerator(new JcaSignerInfoGeneratorBuilder(new JcaDigestCalculatorProviderBuilder().build())
                .build(new JcaContentSignerBuilder("SHA256withRSA").build(s.key()), s.certificate()));
        gen.addCertificates(new JcaCertStore(List.of(s.certificate())));
        Path p7s = tmp.resolve("van-ban.pdf.p7s");
        Files.write(p7s, gen.generate(new CMSProcessableByteArray(new byte[] {1, 2, 3}), false).getEncoded());
        DocumentReport r = verifier.verify(p7s, "van-ban.pdf.p7s");
        assertEquals(DocumentFormat.CMS, r.format());
        assertEquals(SignatureStatus.SIGNED_NOT_VERIFIED, r.overallStatus());
    }

    @Test
    void xmlSignaturesAreCounted() throws Exception {
        Path xml = tmp.resolve("signed.xml");
        Files.writeString(xml, "<?xml version=\"1.0\"?><doc><ds:Signature xmlns:ds=\"http://www.w3.org/2000/09/xmldsig#\"/>"
                + "<Signature xmlns=\"http://www.w3.org/2000/09/xmldsig#\"/><Signature/></doc>");
        DocumentReport r = verifier.verify(xml, "signed.xml");
        assertEquals(DocumentFormat.XML, r.format());
        assertEquals(2, r.signatures().size(), "only elements in the XML-signature namespace count");
        assertEquals(SignatureStatus.SIGNED_NOT_VERIFIED, r.overallStatus());
    }

    @Test
    void xmlWithADoctypeIsNotExpanded() throws Exception {
        Path xml = tmp.resolve("xxe.xml");
        Files.writeString(xml, "<?xml version=\"1.0\"?><!DOCTYPE d [<!ENTITY e SYSTEM \"file:///etc/passwd\">]>"
                + "<d>&e;</d>");
        DocumentReport r = verifier.verify(xml, "xxe.xml");
        assertEquals(DocumentFormat.OTHER, r.format(), "refused as XML: markup without a signature we could find");
        assertEquals(SignatureStatus.NOT_SIGNED, r.overallStatus());
        assertEquals(LegalValue.NOT_ESTABLISHED, r.verdict().value());
        Path html = Files.writeString(tmp.resolve("word-html.doc"), "<html><body><p>Quyet dinh<br></body></html>");
        assertEquals(DocumentFormat.OTHER, verifier.verify(html, "word-html.doc").format());
    }

    @Test
    void plainFileIsNotSigned() throws Exception {
        Path txt = tmp.resolve("ghi-chu.txt");
        Files.writeString(txt, "xin chao");
        DocumentReport r = verifier.verify(txt, "ghi-chu.txt");
        assertEquals(DocumentFormat.OTHER, r.format());
        assertEquals(SignatureStatus.NOT_SIGNED, r.overallStatus());
    }

    @Test
    void brokenPdfIsAProblemNotACrash() throws Exception {
        Path pdf = tmp.resolve("hong.pdf");
        Files.writeString(pdf, "%PDF-1.7\nthis is not a PDF body at all\n");
        DocumentReport r = verifier.verify(pdf, "hong.pdf");
        assertEquals(DocumentFormat.PDF, r.format());
        assertNotNull(r.problem());
        assertEquals(LegalValue.NOT_ESTABLISHED, r.verdict().value());
        assertTrue(r.verdict().reason().startsWith("cannot be examined"), r.verdict().reason());
    }

    @Test
    void streamIsSpooledAndTheSpoolRemoved() throws Exception {
        Path pdf = SignedPdfs.sign(SignedPdfs.unsigned(tmp.resolve("u.pdf")), tmp.resolve("s.pdf"),
                SignedPdfs.Signing.of(ca.signer("Qua Luong")));
        Path spool = Files.createDirectories(tmp.resolve("spool"));
        DocumentReport r;
        try (InputStream in = Files.newInputStream(pdf)) {
            r = verifier.verify(in, "s.pdf", spool);
        }
        assertEquals(SignatureStatus.REVOCATION_UNKNOWN, r.overallStatus());
        try (var left = Files.list(spool)) {
            assertEquals(0, left.count(), "temporary copy deleted");
        }
    }

    @Test
    void packageVerdictIsTheWeakest() {
        LegalValueVerdict ok = new LegalValueVerdict("a", LegalValue.ESTABLISHED, "ok");
        LegalValueVerdict unsure = new LegalValueVerdict("b", LegalValue.UNDETERMINED, "?");
        LegalValueVerdict no = new LegalValueVerdict("c", LegalValue.NOT_ESTABLISHED, "no");
        assertEquals(LegalValue.ESTABLISHED, AttachmentVerdicts.weakest(List.of(ok, ok)));
        assertEquals(LegalValue.UNDETERMINED, AttachmentVerdicts.weakest(List.of(ok, unsure)));
        assertEquals(LegalValue.NOT_ESTABLISHED, AttachmentVerdicts.weakest(List.of(unsure, no, ok)));
        assertEquals(LegalValue.NOT_ESTABLISHED, AttachmentVerdicts.weakest(List.of()));
        List<LegalValueVerdict> each = AttachmentVerdicts.of(List.of(
                new DocumentReport("x.txt", DocumentFormat.OTHER, List.of(), null)));
        assertEquals("x.txt", each.get(0).document());
        assertEquals(LegalValue.NOT_ESTABLISHED, each.get(0).value());
    }
}
