package vn.lienthong.docsig;

import java.io.IOException;
import java.io.OutputStream;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.cert.X509CRL;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdfwriter.compress.CompressParameters;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.PDDocumentInformation;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.ASN1Primitive;
import org.bouncycastle.asn1.DERSet;
import org.bouncycastle.asn1.cms.Attribute;
import org.bouncycastle.asn1.cms.AttributeTable;
import org.bouncycastle.asn1.pkcs.PKCSObjectIdentifiers;
import org.bouncycastle.cert.jcajce.JcaCertStore;
import org.bouncycastle.cms.CMSSignedData;
import org.bouncycastle.cms.SignerInformation;
import org.bouncycastle.cms.SignerInformationStore;
import org.bouncycastle.cms.jcajce.JcaSimpleSignerInfoGeneratorBuilder;
import org.bouncycastle.operator.jcajce.JcaDigestCalculatorProviderBuilder;
import org.bouncycastle.tsp.TSPAlgorithms;
import org.bouncycastle.tsp.TimeStampRequestGenerator;
import org.bouncycastle.tsp.TimeStampTokenGenerator;

import vn.lienthong.docsig.demo.PdfSigner;

/** Builds PDFs at test time and signs them the way signing tools do (PDFBox incremental save + BouncyCastle CMS). */
public final class SignedPdfs {

    /** The text in the (uncompressed) page content: tests flip a byte of it. */
    public static final String TEXT = "QUYET DINH so 123/QD-UBND";

    private SignedPdfs() {
    }

    /** How to sign: the signer, the claimed signing time, the sub-filter, optional CRL and time-stamp. */
    public record Signing(TestCa.Signer signer, Instant signingTime, String subFilter, X509CRL embeddedCrl,
                   TestCa.Signer tsa, Instant stampTime, boolean forgeStamp) {
        public static Signing of(TestCa.Signer signer) {
            return new Signing(signer, Instant.now(), "adbe.pkcs7.detached", null, null, null, false);
        }

        public Signing at(Instant time) {
            return new Signing(signer, time, subFilter, embeddedCrl, tsa, stampTime, forgeStamp);
        }

        public Signing cades() {
            return new Signing(signer, signingTime, "ETSI.CAdES.detached", embeddedCrl, tsa, stampTime, forgeStamp);
        }

        public Signing embedding(X509CRL crl) {
            return new Signing(signer, signingTime, subFilter, crl, tsa, stampTime, forgeStamp);
        }

        public Signing stampedBy(TestCa.Signer authority, Instant time, boolean forged) {
            return new Signing(signer, signingTime, subFilter, embeddedCrl, authority, time, forged);
        }
    }

    public static Path unsigned(Path file) throws IOException {
        try (PDDocument doc = new PDDocument()) {
            PDPage page = new PDPage();
            doc.addPage(page);
            try (PDPageContentStream cs = new PDPageContentStream(doc, page, PDPageContentStream.AppendMode.OVERWRITE,
                    false)) {
                cs.beginText();
                cs.setFont(new PDType1Font(Standard14Fonts.FontName.HELVETICA), 14);
                cs.newLineAtOffset(72, 700);
                cs.showText(TEXT);
                cs.endText();
            }
            PDDocumentInformation info = doc.getDocumentInformation();
            info.setTitle("Quyet dinh");
            doc.save(file.toFile(), CompressParameters.NO_COMPRESSION);
        }
        return file;
    }

    /**
     * A one-page PDF written by hand whose content stream holds {@code fillerBytes} bytes of comment lines: a
     * large file produced in bounded memory, for streaming tests.
     */
    public static Path largeUnsigned(Path file, long fillerBytes) throws IOException {
        try (OutputStream raw = Files.newOutputStream(file);
             java.io.BufferedOutputStream out = new java.io.BufferedOutputStream(raw, 1 << 16)) {
            long[] offsets = new long[6];
            long[] pos = {0};
            java.util.function.Consumer<String> w = text -> {
                byte[] b = text.getBytes(StandardCharsets.ISO_8859_1);
                try {
                    out.write(b);
                } catch (IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
                pos[0] += b.length;
            };
            w.accept("%PDF-1.7\n%\u00e2\u00e3\u00cf\u00d3\n");
            offsets[1] = pos[0];
            w.accept("1 0 obj\n<< /Type /Catalog /Pages 2 0 R >>\nendobj\n");
            offsets[2] = pos[0];
            w.accept("2 0 obj\n<< /Type /Pages /Kids [3 0 R] /Count 1 >>\nendobj\n");
            offsets[3] = pos[0];
            w.accept("3 0 obj\n<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R >>\nendobj\n");
            offsets[4] = pos[0];
            String line = "% " + "x".repeat(1021) + "\n"; // 1024 bytes, a comment: a valid content stream
            long lines = Math.max(1, fillerBytes / line.length());
            w.accept("4 0 obj\n<< /Length " + lines * line.length() + " >>\nstream\n");
            for (long i = 0; i < lines; i++) {
                w.accept(line);
            }
            w.accept("\nendstream\nendobj\n");
            offsets[5] = pos[0];
            w.accept("5 0 obj\n<< /Title (Large test document) >>\nendobj\n");
            long xref = pos[0];
            StringBuilder x = new StringBuilder("xref\n0 6\n0000000000 65535 f\r\n");
            for (int i = 1; i < 6; i++) {
                x.append(String.format("%010d 00000 n\r\n", offsets[i]));
            }
            x.append("trailer\n<< /Size 6 /Root 1 0 R /Info 5 0 R >>\nstartxref\n").append(xref).append("\n%%EOF\n");
            w.accept(x.toString());
        }
        return file;
    }

    /**
     * Adds a signature to {@code in} by an incremental update written to {@code out}: the demo signer's field and
     * CMS ({@link PdfSigner}), with this test's sub-filter, CRL and time-stamp (genuine or forged).
     */
    public static Path sign(Path in, Path out, Signing how) throws IOException {
        TestCa.Signer s = how.signer();
        return PdfSigner.sign(in, out, how.subFilter(), s.certificate(), how.signingTime(), content -> {
            CMSSignedData data = PdfSigner.signedData(content, s.key(), List.of(s.certificate(), s.ca().certificate),
                    how.signingTime(), how.embeddedCrl() == null ? List.of() : List.of(how.embeddedCrl()));
            if (how.tsa() != null) {
                try {
                    data = stamp(data, how);
                } catch (Exception e) {
                    throw new IOException("cannot time-stamp: " + e.getMessage(), e);
                }
            }
            return data.getEncoded();
        });
    }

    /** Appends an incremental update that changes the document title (as an editor saving after signing does). */
    public static Path changeAfterSigning(Path in, Path out) throws IOException {
        try (PDDocument doc = Loader.loadPDF(in.toFile()); OutputStream os = Files.newOutputStream(out)) {
            PDDocumentInformation info = doc.getDocumentInformation();
            info.setTitle("Quyet dinh (sua sau khi ky)");
            info.getCOSObject().setNeedToBeUpdated(true);
            doc.getDocumentCatalog().getCOSObject().setNeedToBeUpdated(true);
            doc.saveIncremental(os);
        }
        return out;
    }

    /** Copies {@code in} with one character of the page text changed ("123" becomes "124"). */
    public static Path flipSignedByte(Path in, Path out) throws IOException {
        byte[] bytes = Files.readAllBytes(in);
        byte[] marker = TEXT.getBytes(StandardCharsets.US_ASCII);
        int at = indexOf(bytes, marker);
        if (at < 0) {
            throw new IllegalStateException("page text not found uncompressed");
        }
        bytes[at + TEXT.indexOf("123") + 2] = '4';
        Files.write(out, bytes);
        return out;
    }

    private static int indexOf(byte[] data, byte[] pattern) {
        outer:
        for (int i = 0; i + pattern.length <= data.length; i++) {
            for (int j = 0; j < pattern.length; j++) {
                if (data[i + j] != pattern[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }

    /** Adds an RFC 3161 token over the signature value (or over another value when forging). */
    private static CMSSignedData stamp(CMSSignedData data, Signing how) throws Exception {
        SignerInformation si = data.getSignerInfos().getSigners().iterator().next();
        byte[] stamped = how.forgeStamp() ? "another signature".getBytes(StandardCharsets.US_ASCII) : si.getSignature();
        byte[] imprint = MessageDigest.getInstance("SHA-256").digest(stamped);
        TimeStampTokenGenerator tsg = new TimeStampTokenGenerator(new JcaSimpleSignerInfoGeneratorBuilder()
                .build("SHA256withRSA", how.tsa().key(), how.tsa().certificate()),
                new JcaDigestCalculatorProviderBuilder().build().get(
                        new org.bouncycastle.asn1.x509.AlgorithmIdentifier(
                                org.bouncycastle.asn1.nist.NISTObjectIdentifiers.id_sha256)),
                new ASN1ObjectIdentifier("1.2.3.4.1"));
        tsg.addCertificates(new JcaCertStore(List.of(how.tsa().certificate())));
        TimeStampRequestGenerator requests = new TimeStampRequestGenerator();
        requests.setCertReq(true); // the TSA puts its certificate into the token only when asked
        var request = requests.generate(TSPAlgorithms.SHA256, imprint);
        var token = tsg.generate(request, BigInteger.valueOf(System.nanoTime()), Date.from(how.stampTime()));
        AttributeTable unsigned = new AttributeTable(new Attribute(PKCSObjectIdentifiers.id_aa_signatureTimeStampToken,
                new DERSet(ASN1Primitive.fromByteArray(token.getEncoded()))));
        List<SignerInformation> signers = new ArrayList<>();
        signers.add(SignerInformation.replaceUnsignedAttributes(si, unsigned));
        return CMSSignedData.replaceSigners(data, new SignerInformationStore(signers));
    }
}
