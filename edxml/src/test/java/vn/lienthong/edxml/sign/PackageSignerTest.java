package vn.lienthong.edxml.sign;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.lienthong.edxml.testsupport.ExternalTool;
import vn.lienthong.edxml.testsupport.Fixtures;
import vn.lienthong.edxml.testsupport.SamplePackages;
import vn.lienthong.edxml.testsupport.TestPki;

class PackageSignerTest {

    static TestPki rsa;
    static TestPki ec;

    @TempDir
    Path tmp;

    @BeforeAll
    static void keys() {
        rsa = TestPki.rsa();
        ec = TestPki.ec();
    }

    private Path unsigned() throws IOException {
        Path p = tmp.resolve("unsigned.edxml");
        Files.write(p, SamplePackages.newDocumentBytes());
        return p;
    }

    private Path signed(TestPki pki, SignatureAlgorithm alg) throws IOException {
        Path out = tmp.resolve("signed-" + alg + ".edxml");
        new PackageSigner(pki.credentials(), alg).sign(unsigned(), out);
        return out;
    }

    private static PackageVerifier trusting(TestPki pki, SignatureAlgorithm... allowed) {
        PackageVerifier.Builder b = PackageVerifier.builder().trustAnchor(pki.caCert);
        if (allowed.length > 0) {
            b.allowedAlgorithms(allowed);
        }
        return b.build();
    }

    @Test
    void rsaSha256FollowsProfileAndVerifies() throws Exception {
        Path signed = signed(rsa, SignatureAlgorithm.RSA_SHA256);
        String xml = Files.readString(signed);
        String unsignedXml = Files.readString(tmp.resolve("unsigned.edxml"));
        int sig = xml.indexOf("<Signature xmlns=\"http://www.w3.org/2000/09/xmldsig#\">");
        assertTrue(sig > 0, "unprefixed Signature in the XMLDSig namespace");
        assertTrue(xml.substring(sig).startsWith("<Signature xmlns=\"http://www.w3.org/2000/09/xmldsig#\"><SignedInfo>"
                + "<CanonicalizationMethod Algorithm=\"http://www.w3.org/2001/10/xml-exc-c14n#\"></CanonicalizationMethod>"
                + "<SignatureMethod Algorithm=\"http://www.w3.org/2001/04/xmldsig-more#rsa-sha256\"></SignatureMethod>"
                + "<Reference URI=\"\"><Transforms>"
                + "<Transform Algorithm=\"http://www.w3.org/2000/09/xmldsig#enveloped-signature\"></Transform>"
                + "<Transform Algorithm=\"http://www.w3.org/2001/10/xml-exc-c14n#\"></Transform></Transforms>"
                + "<DigestMethod Algorithm=\"http://www.w3.org/2001/04/xmlenc#sha256\"></DigestMethod>"));
        assertTrue(xml.contains("</Signature></edXML:edXMLHeader>"), "last child of edXMLHeader");
        assertTrue(xml.contains("<X509SubjectName>" + rsa.signerCert.getSubjectX500Principal().getName() + "</X509SubjectName>"), xml);
        int end = xml.indexOf("</Signature>") + "</Signature>".length();
        assertEquals(unsignedXml, xml.substring(0, sig) + xml.substring(end), "only the Signature was added");

        VerificationResult r = trusting(rsa).verify(signed);
        assertEquals(VerificationStatus.VALID, r.status(), r.reason());
        assertEquals(CertificateTrust.TRUSTED, r.trust());
        assertEquals(rsa.signerCert, r.signerCertificate());
        assertXmlsec1Accepts(rsa, signed);
    }

    @Test
    void ecdsaSha256Verifies() throws Exception {
        Path signed = signed(ec, SignatureAlgorithm.ECDSA_SHA256);
        assertEquals(VerificationStatus.VALID, trusting(ec).verify(signed).status());
        assertXmlsec1Accepts(ec, signed);
    }

    @Test
    void rsaSha1NeedsAnExplicitPolicy() throws Exception {
        Path signed = signed(rsa, SignatureAlgorithm.RSA_SHA1);
        VerificationResult byDefault = trusting(rsa).verify(signed);
        assertEquals(VerificationStatus.INVALID, byDefault.status());
        assertTrue(byDefault.reason().contains("not allowed by policy"), byDefault.reason());
        VerificationResult allowed = trusting(rsa, SignatureAlgorithm.RSA_SHA1).verify(signed);
        assertEquals(VerificationStatus.VALID, allowed.status(), allowed.reason());
        assertEquals(SignatureAlgorithm.RSA_SHA1.signatureUri(), allowed.signatureMethod());
        assertXmlsec1Accepts(rsa, signed);
    }

    @Test
    void streamVariantProducesAVerifiablePackage() throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        new PackageSigner(rsa.credentials()).sign(new ByteArrayInputStream(SamplePackages.newDocumentBytes()), out);
        assertEquals(VerificationStatus.VALID,
                trusting(rsa).verify(new ByteArrayInputStream(out.toByteArray())).status());
    }

    /** Small packages are signed in memory, large ones streamed: both give the same bytes whatever the entry point. */
    @Test
    void inMemoryAndStreamedSigningGiveTheSameBytes() throws Exception {
        byte[] big = new byte[PackageSigner.IN_MEMORY_LIMIT];
        new java.util.Random(7).nextBytes(big);
        ByteArrayOutputStream bigPackage = new ByteArrayOutputStream();
        new vn.lienthong.edxml.write.EdxmlWriter().writeDocument(SamplePackages.newDocument(),
                List.of(new vn.lienthong.edxml.write.AttachmentSource("big.pdf", "Big", "application/pdf",
                        () -> new ByteArrayInputStream(big))), bigPackage);
        PackageSigner signer = new PackageSigner(rsa.credentials());
        for (byte[] unsigned : List.of(SamplePackages.newDocumentBytes(), bigPackage.toByteArray())) {
            boolean streamed = unsigned.length > PackageSigner.IN_MEMORY_LIMIT;
            byte[] inMemory = signer.sign(unsigned);
            Path in = tmp.resolve("in-" + streamed + ".edxml");
            Path out = tmp.resolve("out-" + streamed + ".edxml");
            Files.write(in, unsigned);
            signer.sign(in, out);
            ByteArrayOutputStream viaStream = new ByteArrayOutputStream();
            signer.sign(new ByteArrayInputStream(unsigned), viaStream);
            org.junit.jupiter.api.Assertions.assertArrayEquals(inMemory, Files.readAllBytes(out), "file, " + streamed);
            org.junit.jupiter.api.Assertions.assertArrayEquals(inMemory, viaStream.toByteArray(), "stream, " + streamed);
            assertEquals(VerificationStatus.VALID, trusting(rsa).verify(inMemory).status());
            assertEquals(VerificationStatus.VALID, trusting(rsa).verify(out).status());
            assertEquals(VerificationStatus.VALID,
                    trusting(rsa).verify(new ByteArrayInputStream(inMemory)).status());
            assertXmlsec1Accepts(rsa, out);
        }
        assertTrue(bigPackage.size() > PackageSigner.IN_MEMORY_LIMIT, "the second package takes the streaming path");
    }

    @Test
    void statusPackagesAreSignedTheSameWay() throws Exception {
        Path unsigned = tmp.resolve("status.edxml");
        Files.write(unsigned, SamplePackages.statusBytes("03"));
        Path signed = tmp.resolve("status-signed.edxml");
        new PackageSigner(rsa.credentials()).sign(unsigned, signed);
        assertEquals(VerificationStatus.VALID, trusting(rsa).verify(signed).status());
        assertXmlsec1Accepts(rsa, signed);
    }

    @Test
    void vendorSampleWithPlaceholderRemovedCanBeSigned() throws Exception {
        // CRLF line ends, tabs and Vietnamese text all survive canonicalisation (spec §10.2 "Checked").
        String vendor = Files.readString(Fixtures.vendor("edoc_update.edxml"));
        int from = vendor.indexOf("<Signature>");
        int to = vendor.indexOf("</Signature>") + "</Signature>".length();
        Path unsigned = tmp.resolve("vendor-unsigned.edxml");
        Files.writeString(unsigned, vendor.substring(0, from) + vendor.substring(to));
        Path signed = tmp.resolve("vendor-signed.edxml");
        new PackageSigner(rsa.credentials()).sign(unsigned, signed);
        assertEquals(VerificationStatus.VALID, trusting(rsa).verify(signed).status());
        assertXmlsec1Accepts(rsa, signed);
    }

    @Test
    void tamperedAttachmentOrHeaderFails() throws Exception {
        String xml = Files.readString(signed(rsa, SignatureAlgorithm.RSA_SHA256));
        int b64 = xml.indexOf("ContentTransferEncoded xmlns:edXML=\"http://www.mic.gov.vn/TBT/QCVN_102_2016\">")
                + "ContentTransferEncoded xmlns:edXML=\"http://www.mic.gov.vn/TBT/QCVN_102_2016\">".length() + 4;
        char c = xml.charAt(b64);
        Path tampered = tmp.resolve("tampered.edxml");
        Files.writeString(tampered, xml.substring(0, b64) + (c == 'A' ? 'B' : 'A') + xml.substring(b64 + 1));
        VerificationResult r = trusting(rsa).verify(tampered);
        assertEquals(VerificationStatus.INVALID, r.status());
        assertTrue(r.reason().contains("digest mismatch"), r.reason());
        assertXmlsec1Rejects(rsa, tampered);

        Path subject = tmp.resolve("tampered-subject.edxml");
        Files.writeString(subject, xml.replace("Nội dung tóm tắt", "Nội dung đã sửa"));
        assertEquals(VerificationStatus.INVALID, trusting(rsa).verify(subject).status());
        assertXmlsec1Rejects(rsa, subject);

        Path value = tmp.resolve("tampered-signature-value.edxml");
        int sv = xml.indexOf("<SignatureValue>") + "<SignatureValue>".length() + 3;
        Files.writeString(value, xml.substring(0, sv) + (xml.charAt(sv) == 'A' ? 'B' : 'A') + xml.substring(sv + 1));
        VerificationResult bad = trusting(rsa).verify(value);
        assertEquals(VerificationStatus.INVALID, bad.status());
    }

    @Test
    void traceHeaderAppendedInTransitIsDetectedAndStripped() throws Exception {
        String xml = Files.readString(signed(rsa, SignatureAlgorithm.RSA_SHA256));
        String appended = xml.replace("</edXML:TraceHeader>\n      </edXML:TraceHeaderList>",
                "</edXML:TraceHeader>\n        <edXML:TraceHeader>\n          <edXML:Timestamp>2025/11/20 09:31:00"
                        + "</edXML:Timestamp>\n        </edXML:TraceHeader>\n      </edXML:TraceHeaderList>");
        assertNotEquals(xml, appended);
        Path file = tmp.resolve("appended.edxml");
        Files.writeString(file, appended);
        VerificationResult r = trusting(rsa).verify(file);
        assertEquals(VerificationStatus.VALID_AFTER_TRACE_STRIP, r.status(), r.reason());
        assertXmlsec1Rejects(rsa, file);
    }

    @Test
    void traceHeaderInsertedInlineBeforeTheClosingTagIsStrippedToo() throws Exception {
        String xml = Files.readString(signed(rsa, SignatureAlgorithm.RSA_SHA256));
        // As the axis simulator (and possibly the axis) does it: no indentation of its own.
        String appended = xml.replace("</edXML:TraceHeaderList>",
                "<edXML:TraceHeader><edXML:Timestamp>2025/11/20 09:31:00</edXML:Timestamp></edXML:TraceHeader>"
                        + "</edXML:TraceHeaderList>");
        assertNotEquals(xml, appended);
        Path file = tmp.resolve("appended-inline.edxml");
        Files.writeString(file, appended);
        VerificationResult r = trusting(rsa).verify(file);
        assertEquals(VerificationStatus.VALID_AFTER_TRACE_STRIP, r.status(), r.reason());
    }

    @Test
    void signatureWrappingAttemptsFail() throws Exception {
        String xml = Files.readString(signed(rsa, SignatureAlgorithm.RSA_SHA256));
        String signature = xml.substring(xml.indexOf("<Signature "), xml.indexOf("</Signature>") + 12);
        // 1. A second signature elsewhere.
        Path twice = tmp.resolve("two-signatures.edxml");
        Files.writeString(twice, xml.replace("</edXML:edXMLBody>", signature + "</edXML:edXMLBody>"));
        assertEquals(VerificationStatus.INVALID, trusting(rsa).verify(twice).status());
        // 2. The signed original hidden in an Object, a forged header shown.
        String original = xml.substring(xml.indexOf("<edXML:MessageHeader>"), xml.indexOf("</edXML:MessageHeader>") + 22);
        Path wrapped = tmp.resolve("wrapped.edxml");
        Files.writeString(wrapped, xml.replace("</KeyInfo>", "</KeyInfo><Object>" + original + "</Object>")
                .replace("<edXML:Subject>V/v thử nghiệm", "<edXML:Subject>Giả mạo"));
        assertEquals(VerificationStatus.INVALID, trusting(rsa).verify(wrapped).status());
        assertXmlsec1Rejects(rsa, wrapped);
        // 3. The signature moved out of the header to the end of the document.
        Path moved = tmp.resolve("moved.edxml");
        Files.writeString(moved, xml.replace(signature, "").replace("</edXML>", signature + "</edXML>"));
        VerificationResult r = trusting(rsa).verify(moved);
        assertEquals(VerificationStatus.INVALID, r.status());
        // 4. A reference to a fragment instead of the whole package.
        Path fragment = tmp.resolve("fragment.edxml");
        Files.writeString(fragment, xml.replace("<Reference URI=\"\">", "<Reference URI=\"#body\">"));
        VerificationResult f = trusting(rsa).verify(fragment);
        assertEquals(VerificationStatus.INVALID, f.status());
        assertTrue(f.reason().contains("URI"), f.reason());
    }

    @Test
    void untrustedSignerIsInvalid() throws Exception {
        VerificationResult r = trusting(ec).verify(signed(rsa, SignatureAlgorithm.RSA_SHA256));
        assertEquals(VerificationStatus.INVALID, r.status());
        assertEquals(CertificateTrust.UNTRUSTED, r.trust());
        VerificationResult unchecked = new PackageVerifier().verify(tmp.resolve("signed-RSA_SHA256.edxml"));
        assertEquals(VerificationStatus.VALID, unchecked.status());
        assertEquals(CertificateTrust.NOT_CHECKED, unchecked.trust());
    }

    @Test
    void alreadySignedPackagesAreRefused() throws Exception {
        Path signed = signed(rsa, SignatureAlgorithm.RSA_SHA256);
        assertThrows(SigningException.class,
                () -> new PackageSigner(rsa.credentials()).sign(signed, tmp.resolve("twice.edxml")));
        assertThrows(SigningException.class, () -> new PackageSigner(rsa.credentials())
                .sign(Fixtures.vendor("edoc_new.edxml"), tmp.resolve("vendor.edxml")));
        assertThrows(IllegalArgumentException.class,
                () -> new PackageSigner(rsa.credentials(), SignatureAlgorithm.ECDSA_SHA256));
    }

    @Test
    void placeholderAndAbsentSignaturesAreRecognised() throws Exception {
        PackageVerifier v = new PackageVerifier();
        for (Path p : Fixtures.vendorFiles()) {
            VerificationStatus expected = p.getFileName().toString().startsWith("edoc")
                    ? VerificationStatus.PLACEHOLDER : VerificationStatus.ABSENT;
            assertEquals(expected, v.verify(p).status(), p.getFileName().toString());
        }
        assertEquals(VerificationStatus.ABSENT,
                v.verify(Fixtures.nonconforming("upload_b6e1f29d-cdc9-4fa7-8391-442e8566f14e.edxml")).status());
    }

    @Test
    void signatureMadeByXmlsec1IsAccepted() throws Exception {
        ExternalTool.XMLSEC1.require();
        Path key = TestPki.writePem(tmp.resolve("key.pem"), rsa.signerKeys.getPrivate());
        Path cert = TestPki.writePem(tmp.resolve("cert.pem"), rsa.signerCert);
        String unsigned = new String(SamplePackages.newDocumentBytes(), StandardCharsets.UTF_8);
        // Inclusive C14N with only the enveloped transform, prefixed ds: elements: not our own profile.
        String inclusive = "<ds:Signature xmlns:ds=\"http://www.w3.org/2000/09/xmldsig#\"><ds:SignedInfo>"
                + "<ds:CanonicalizationMethod Algorithm=\"http://www.w3.org/TR/2001/REC-xml-c14n-20010315\"/>"
                + "<ds:SignatureMethod Algorithm=\"http://www.w3.org/2001/04/xmldsig-more#rsa-sha256\"/>"
                + "<ds:Reference URI=\"\"><ds:Transforms><ds:Transform "
                + "Algorithm=\"http://www.w3.org/2000/09/xmldsig#enveloped-signature\"/></ds:Transforms>"
                + "<ds:DigestMethod Algorithm=\"http://www.w3.org/2001/04/xmlenc#sha256\"/><ds:DigestValue/>"
                + "</ds:Reference></ds:SignedInfo><ds:SignatureValue/><ds:KeyInfo><ds:X509Data><ds:X509Certificate/>"
                + "</ds:X509Data></ds:KeyInfo></ds:Signature>\n    ";
        String exclusive = "<Signature xmlns=\"http://www.w3.org/2000/09/xmldsig#\">\n <SignedInfo>\n"
                + "  <CanonicalizationMethod Algorithm=\"http://www.w3.org/2001/10/xml-exc-c14n#\"/>\n"
                + "  <SignatureMethod Algorithm=\"http://www.w3.org/2001/04/xmldsig-more#rsa-sha256\"/>\n"
                + "  <Reference URI=\"\"><Transforms>"
                + "<Transform Algorithm=\"http://www.w3.org/2000/09/xmldsig#enveloped-signature\"/>"
                + "<Transform Algorithm=\"http://www.w3.org/2001/10/xml-exc-c14n#\"/></Transforms>"
                + "<DigestMethod Algorithm=\"http://www.w3.org/2001/04/xmlenc#sha256\"/><DigestValue/></Reference>\n"
                + " </SignedInfo>\n <SignatureValue/>\n <KeyInfo><X509Data><X509Certificate/></X509Data></KeyInfo>\n"
                + "</Signature>\n    ";
        for (String template : List.of(inclusive, exclusive)) {
            Path in = tmp.resolve("template.edxml");
            Files.writeString(in, unsigned.replace("</edXML:edXMLHeader>", template + "</edXML:edXMLHeader>"));
            Path out = tmp.resolve("xmlsec1-signed.edxml");
            Files.deleteIfExists(out);
            Xmlsec1.Outcome signedByXmlsec1 = Xmlsec1.run("--sign", "--privkey-pem", key + "," + cert,
                    "--output", out.toString(), in.toString());
            assertEquals(0, signedByXmlsec1.exitCode(), signedByXmlsec1.output());
            VerificationResult r = trusting(rsa).verify(out);
            assertEquals(VerificationStatus.VALID, r.status(), r.reason());
        }
    }

    private void assertXmlsec1Accepts(TestPki pki, Path signed) throws Exception {
        ExternalTool.XMLSEC1.require();
        Path ca = TestPki.writePem(tmp.resolve("ca.pem"), pki.caCert);
        Xmlsec1.Outcome o = Xmlsec1.verify(ca, signed);
        assertEquals(0, o.exitCode(), o.output());
    }

    private void assertXmlsec1Rejects(TestPki pki, Path signed) throws Exception {
        ExternalTool.XMLSEC1.require();
        Path ca = TestPki.writePem(tmp.resolve("ca.pem"), pki.caCert);
        assertNotEquals(0, Xmlsec1.verify(ca, signed).exitCode());
    }
}
