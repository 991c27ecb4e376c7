package vn.lienthong.docsig.pdf;

import java.io.IOException;
import java.io.InputStream;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.cert.CRLException;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509CRL;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSArray;
import org.apache.pdfbox.cos.COSBase;
import org.apache.pdfbox.cos.COSDictionary;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.cos.COSObject;
import org.apache.pdfbox.cos.COSStream;
import org.apache.pdfbox.io.RandomAccessReadBufferedFile;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.encryption.InvalidPasswordException;
import org.apache.pdfbox.pdmodel.interactive.digitalsignature.PDSignature;
import org.apache.pdfbox.pdmodel.interactive.form.PDSignatureField;
import vn.lienthong.docsig.Coverage;
import vn.lienthong.docsig.DocumentFormat;
import vn.lienthong.docsig.DocumentReport;
import vn.lienthong.docsig.SignatureReport;
import vn.lienthong.docsig.pki.CertificateChecks;
import vn.lienthong.docsig.pki.TimeStampCheck;

/**
 * Every signature of one PDF file. PDFBox parses the file lazily from disk ({@link RandomAccessReadBufferedFile});
 * the signed bytes are digested straight from the file, so a PDF of any size is never held in memory.
 */
public final class PdfSignatures {

    private static final Set<String> CMS_SUB_FILTERS = Set.of("adbe.pkcs7.detached", "ETSI.CAdES.detached");

    private final PdfSignatureCheck check;

    public PdfSignatures(CertificateChecks certificates) {
        this.check = new PdfSignatureCheck(certificates, new TimeStampCheck(certificates));
    }

    public DocumentReport verify(Path file, String name) throws IOException {
        List<PdfSignatureCheck.Found> found;
        List<X509CRL> dssCrls;
        try (PDDocument doc = Loader.loadPDF(new RandomAccessReadBufferedFile(file.toFile()))) {
            found = signatures(doc);
            dssCrls = dssCrls(doc);
        } catch (InvalidPasswordException e) {
            return new DocumentReport(name, DocumentFormat.PDF, List.of(), "PDF encrypted with a password");
        } catch (IOException | RuntimeException e) {
            // Hostile PDFs can make a parser throw anything: the document is reported, the run goes on.
            return new DocumentReport(name, DocumentFormat.PDF, List.of(), "PDF not readable: " + e.getMessage());
        }
        // File order: a later signature's byte range ends later (it signs the earlier revisions too).
        found.sort(Comparator.comparingLong(f -> f.byteRange() == null || f.byteRange().length != 4 ? -1
                : f.byteRange()[2] + f.byteRange()[3]));
        List<SignatureReport> reports = new ArrayList<>();
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
            long size = channel.size();
            for (int i = 0; i < found.size(); i++) {
                PdfSignatureCheck.Found f = found.get(i);
                SignatureReport r = CMS_SUB_FILTERS.contains(f.subFilter())
                        ? check.check(f, channel, dssCrls)
                        : SignatureReport.notVerified(f.field(), f.subFilter(), notVerifiedReason(f.subFilter()));
                reports.add(withCoverage(r, f, found, i, size));
            }
        }
        return new DocumentReport(name, DocumentFormat.PDF, reports, null);
    }

    private static String notVerifiedReason(String subFilter) {
        if ("ETSI.RFC3161".equals(subFilter)) {
            return "document time-stamp (ETSI.RFC3161): not verified yet";
        }
        return "sub-filter " + subFilter + " not verified (only adbe.pkcs7.detached and ETSI.CAdES.detached are)";
    }

    private static SignatureReport withCoverage(SignatureReport r, PdfSignatureCheck.Found f,
            List<PdfSignatureCheck.Found> all, int index, long size) {
        long[] br = f.byteRange();
        if (br == null || br.length != 4) {
            return r;
        }
        Coverage c;
        if (br[0] == 0 && br[2] + br[3] == size) {
            c = Coverage.WHOLE_FILE; // (the gap itself is checked by PdfSignatureCheck: INVALID when it is more)
        } else {
            PdfSignatureCheck.Found last = all.get(all.size() - 1);
            boolean lastCoversAll = index < all.size() - 1 && last.byteRange() != null
                    && last.byteRange().length == 4 && last.byteRange()[2] + last.byteRange()[3] == size;
            c = lastCoversAll ? Coverage.LATER_REVISIONS_SIGNED : Coverage.APPENDED_CHANGES;
        }
        return new SignatureReport(r.fieldName(), r.subFilter(), r.signerName(), r.signerOrganisation(), r.issuer(),
                r.signingTime(), r.signingTimeSource(), r.status(), r.reason(), c);
    }

    private static List<PdfSignatureCheck.Found> signatures(PDDocument doc) throws IOException {
        List<PdfSignatureCheck.Found> out = new ArrayList<>();
        for (PDSignatureField field : doc.getSignatureFields()) {
            PDSignature sig = field.getSignature();
            if (sig == null) {
                continue; // an empty field waiting for a signature
            }
            int[] br = sig.getByteRange();
            long[] range = br == null ? null : java.util.Arrays.stream(br).asLongStream().toArray();
            out.add(new PdfSignatureCheck.Found(field.getFullyQualifiedName(), sig.getSubFilter(), range,
                    sig.getContents(), sig.getSignDate()));
        }
        return out;
    }

    /** CRLs of the Document Security Store (PAdES-LTV), if any. */
    private static List<X509CRL> dssCrls(PDDocument doc) throws IOException {
        List<X509CRL> out = new ArrayList<>();
        COSDictionary dss = doc.getDocumentCatalog().getCOSObject().getCOSDictionary(COSName.getPDFName("DSS"));
        COSArray crls = dss == null ? null : dss.getCOSArray(COSName.getPDFName("CRLs"));
        if (crls == null) {
            return out;
        }
        for (int i = 0; i < crls.size(); i++) {
            COSBase item = crls.get(i);
            if (item instanceof COSObject o) {
                item = o.getObject();
            }
            if (item instanceof COSStream stream) {
                try (InputStream in = stream.createInputStream()) {
                    out.add((X509CRL) CertificateFactory.getInstance("X.509").generateCRL(in));
                } catch (CertificateException | CRLException e) {
                    // an unreadable CRL is as good as none: revocation stays unknown
                }
            }
        }
        return out;
    }
}
