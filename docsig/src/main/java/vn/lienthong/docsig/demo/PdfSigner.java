package vn.lienthong.docsig.demo;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.PrivateKey;
import java.security.cert.X509CRL;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.Calendar;
import java.util.Date;
import java.util.List;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;
import org.apache.pdfbox.pdmodel.interactive.digitalsignature.PDSignature;
import org.apache.pdfbox.pdmodel.interactive.digitalsignature.SignatureInterface;
import org.apache.pdfbox.pdmodel.interactive.digitalsignature.SignatureOptions;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.DERSet;
import org.bouncycastle.asn1.cms.Attribute;
import org.bouncycastle.asn1.cms.AttributeTable;
import org.bouncycastle.asn1.cms.CMSAttributes;
import org.bouncycastle.asn1.cms.CMSObjectIdentifiers;
import org.bouncycastle.asn1.cms.Time;
import org.bouncycastle.cert.jcajce.JcaCertStore;
import org.bouncycastle.cert.jcajce.JcaX509CRLHolder;
import org.bouncycastle.cms.CMSSignedData;
import org.bouncycastle.cms.CMSSignedDataGenerator;
import org.bouncycastle.cms.CMSTypedData;
import org.bouncycastle.cms.DefaultSignedAttributeTableGenerator;
import org.bouncycastle.cms.jcajce.JcaSignerInfoGeneratorBuilder;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.bouncycastle.operator.jcajce.JcaDigestCalculatorProviderBuilder;

/**
 * Signs a PDF the way document-management products do (an incremental update adding a signature field whose CMS
 * {@code SignedData} is detached over the byte range, sub-filter {@code ETSI.CAdES.detached}, signed attribute
 * {@code signingTime}, the certificate chain embedded). Signed bytes are streamed through the digest. The two
 * steps (the signature field, the CMS) are public: docsig's test PDFs ({@code SignedPdfs}) are signed with them.
 */
public final class PdfSigner {

    private PdfSigner() {
    }

    /** A one-page PDF with {@code lines} of text (Latin-1: the standard Helvetica font has no Vietnamese). */
    public static Path onePage(Path out, String title, List<String> lines) throws IOException {
        try (PDDocument doc = new PDDocument()) {
            PDPage page = new PDPage();
            doc.addPage(page);
            try (PDPageContentStream cs = new PDPageContentStream(doc, page)) {
                cs.beginText();
                cs.setFont(new PDType1Font(Standard14Fonts.FontName.HELVETICA), 13);
                cs.setLeading(18);
                cs.newLineAtOffset(72, 720);
                for (String line : lines) {
                    cs.showText(line);
                    cs.newLine();
                }
                cs.endText();
            }
            doc.getDocumentInformation().setTitle(title);
            doc.save(out.toFile());
        }
        return out;
    }

    /** Adds one signature to {@code in}, written to {@code out} (another file). */
    public static Path sign(Path in, Path out, PrivateKey key, List<X509Certificate> chain, Instant signingTime)
            throws IOException {
        return sign(in, out, "ETSI.CAdES.detached", chain.get(0), signingTime,
                content -> signedData(content, key, chain, signingTime, List.of()).getEncoded());
    }

    /**
     * The incremental update that adds a signature field ({@code subFilter}, the signer's name, the claimed
     * {@code signingTime}) to {@code in}, written to {@code out}; {@code cms} makes the CMS over the byte range.
     * The docsig tests pass their own CMS here (time-stamped, forged, other sub-filters).
     */
    public static Path sign(Path in, Path out, String subFilter, X509Certificate signer, Instant signingTime,
            SignatureInterface cms) throws IOException {
        try (PDDocument doc = Loader.loadPDF(in.toFile()); OutputStream os = Files.newOutputStream(out);
             SignatureOptions options = new SignatureOptions()) {
            PDSignature sig = new PDSignature();
            sig.setFilter(PDSignature.FILTER_ADOBE_PPKLITE);
            sig.setSubFilter(COSName.getPDFName(subFilter));
            sig.setName(signer.getSubjectX500Principal().getName());
            Calendar when = Calendar.getInstance();
            when.setTime(Date.from(signingTime));
            sig.setSignDate(when);
            options.setPreferredSignatureSize(SignatureOptions.DEFAULT_SIGNATURE_SIZE * 2);
            doc.addSignature(sig, cms, options);
            doc.saveIncremental(os);
        }
        return out;
    }

    /**
     * A detached CMS {@code SignedData} over {@code content} (streamed into the digest: any size in bounded
     * memory): SHA256withRSA by {@code key}, signed attribute {@code signingTime}, {@code chain} (signer first)
     * and {@code crls} embedded.
     */
    public static CMSSignedData signedData(InputStream content, PrivateKey key, List<X509Certificate> chain,
            Instant time, List<X509CRL> crls) throws IOException {
        try {
            CMSSignedDataGenerator gen = new CMSSignedDataGenerator();
            AttributeTable signed = new AttributeTable(new Attribute(CMSAttributes.signingTime,
                    new DERSet(new Time(Date.from(time)))));
            gen.addSignerInfoGenerator(new JcaSignerInfoGeneratorBuilder(new JcaDigestCalculatorProviderBuilder()
                    .build()).setSignedAttributeGenerator(new DefaultSignedAttributeTableGenerator(signed))
                    .build(new JcaContentSignerBuilder("SHA256withRSA").build(key), chain.get(0)));
            gen.addCertificates(new JcaCertStore(chain));
            for (X509CRL crl : crls) {
                gen.addCRL(new JcaX509CRLHolder(crl));
            }
            CMSTypedData bytes = new CMSTypedData() {
                @Override
                public ASN1ObjectIdentifier getContentType() {
                    return CMSObjectIdentifiers.data;
                }

                @Override
                public void write(OutputStream out) throws IOException {
                    content.transferTo(out);
                }

                @Override
                public Object getContent() {
                    return content;
                }
            };
            return gen.generate(bytes, false);
        } catch (Exception e) {
            throw new IOException("cannot sign: " + e.getMessage(), e);
        }
    }
}
