package vn.lienthong.docsig.pdf;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.security.cert.CRLException;
import java.security.cert.CertificateException;
import java.security.cert.X509CRL;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Calendar;
import java.util.Collection;
import java.util.List;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cms.CMSException;
import org.bouncycastle.cms.CMSSignedDataParser;
import org.bouncycastle.cms.CMSSignerDigestMismatchException;
import org.bouncycastle.cms.CMSTypedStream;
import org.bouncycastle.cms.SignerInformation;
import org.bouncycastle.cms.jcajce.JcaSimpleSignerInfoVerifierBuilder;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaDigestCalculatorProviderBuilder;
import vn.lienthong.docsig.Coverage;
import vn.lienthong.docsig.SignatureReport;
import vn.lienthong.docsig.SignatureStatus;
import vn.lienthong.docsig.SigningTimeSource;
import vn.lienthong.docsig.pki.CertificateChecks;
import vn.lienthong.docsig.pki.ChainOutcome;
import vn.lienthong.docsig.pki.Names;
import vn.lienthong.docsig.pki.TimeStampCheck;

/**
 * One CMS-based PDF signature ({@code adbe.pkcs7.detached}, {@code ETSI.CAdES.detached}): byte range shape, the
 * digest of the signed bytes (streamed from the file), the CMS signature value, the signing time, then the
 * certificate checks. Coverage is decided by the caller, which sees all signatures.
 */
final class PdfSignatureCheck {

    private final CertificateChecks certificates;
    private final TimeStampCheck timeStamps;

    PdfSignatureCheck(CertificateChecks certificates, TimeStampCheck timeStamps) {
        this.certificates = certificates;
        this.timeStamps = timeStamps;
    }

    /** Facts about one signature dictionary, read by PDFBox. */
    record Found(String field, String subFilter, long[] byteRange, byte[] contents, Calendar claimedDate) {
    }

    SignatureReport check(Found sig, FileChannel file, Collection<X509CRL> documentCrls) throws IOException {
        String shape = byteRangeProblem(sig.byteRange(), file);
        if (shape != null) {
            return invalid(sig, shape);
        }
        if (sig.contents() == null || sig.contents().length == 0) {
            return invalid(sig, "empty /Contents: no CMS signature");
        }
        SignerInformation signer;
        CMSSignedDataParser parser;
        try {
            parser = new CMSSignedDataParser(new JcaDigestCalculatorProviderBuilder().setProvider(CmsContents.BC)
                    .build(), new CMSTypedStream(new ByteRangeInputStream(file, sig.byteRange())), sig.contents());
            parser.getSignedContent().drain(); // digests the signed bytes, streaming
            Collection<SignerInformation> signers = parser.getSignerInfos().getSigners();
            if (signers.size() != 1) {
                return invalid(sig, "CMS with " + signers.size() + " signers (PAdES requires exactly one)");
            }
            signer = signers.iterator().next();
        } catch (CMSException | OperatorCreationException | RuntimeException e) {
            return invalid(sig, "CMS signature not readable: " + e.getMessage());
        }
        try {
            @SuppressWarnings("unchecked")
            Collection<X509CertificateHolder> matches = parser.getCertificates().getMatches(signer.getSID());
            if (matches.isEmpty()) {
                return invalid(sig, "the signer's certificate is not embedded in the signature");
            }
            X509Certificate cert = new JcaX509CertificateConverter().setProvider(CmsContents.BC)
                    .getCertificate(matches.iterator().next());
            String integrity = integrityProblem(signer, cert);
            if (integrity != null) {
                return report(sig, cert, null, null, SignatureStatus.INVALID, integrity);
            }
            TimeStampCheck.Outcome ts = timeStamps.check(signer);
            if (ts.forged()) {
                return report(sig, cert, null, null, SignatureStatus.INVALID, ts.note());
            }
            Instant time;
            SigningTimeSource source;
            if (ts.time() != null) {
                time = ts.time();
                source = SigningTimeSource.TIMESTAMP_TOKEN;
            } else if (CmsContents.signingTime(signer) != null) {
                time = CmsContents.signingTime(signer);
                source = SigningTimeSource.SIGNED_ATTRIBUTE;
            } else if (sig.claimedDate() != null) {
                time = sig.claimedDate().toInstant();
                source = SigningTimeSource.PDF_DICTIONARY;
            } else {
                time = Instant.now();
                source = SigningTimeSource.VERIFICATION_TIME;
            }
            List<X509CRL> crls = new ArrayList<>(documentCrls);
            crls.addAll(CmsContents.crls(parser.getCRLs(), signer));
            ChainOutcome chain = certificates.check(cert, CmsContents.certificates(parser.getCertificates()), crls,
                    time, source == SigningTimeSource.TIMESTAMP_TOKEN);
            String reason = "signed bytes intact, signature value verified; " + chain.reason()
                    + (ts.note() == null ? "" : "; " + ts.note());
            return report(sig, cert, time, source, chain.status(), reason);
        } catch (CMSException | CertificateException | CRLException | IllegalArgumentException e) {
            return invalid(sig, "CMS signature not readable: " + e.getMessage());
        }
    }

    /** Null when the digest of the signed bytes and the signature value both check; else why not. */
    private static String integrityProblem(SignerInformation signer, X509Certificate cert) {
        try {
            // The public key only: BouncyCastle would otherwise judge the certificate's validity at the claimed
            // signingTime itself; validity at the (possibly time-stamped) signing time is CertificateChecks' job.
            boolean ok = signer.verify(new JcaSimpleSignerInfoVerifierBuilder().setProvider(CmsContents.BC)
                    .build(cert.getPublicKey()));
            return ok ? null : "signature value does not match the signer's certificate";
        } catch (CMSSignerDigestMismatchException e) {
            return "signed bytes changed after signing (digest mismatch)";
        } catch (CMSException | OperatorCreationException e) {
            return "signature value not verifiable: " + e.getMessage();
        }
    }

    /**
     * A sound byte range is {@code [0 b c d]}: from the file's start, leaving exactly the hex string {@code <...>}
     * of /Contents out, within the file. Anything else lets unsigned bytes pass as signed.
     */
    private static String byteRangeProblem(long[] r, FileChannel file) throws IOException {
        if (r == null || r.length != 4) {
            return "byte range missing or not of four numbers";
        }
        long size = file.size();
        if (r[0] != 0 || r[1] <= 0 || r[2] <= r[1] || r[3] < 0 || r[2] + r[3] > size) {
            return "byte range " + java.util.Arrays.toString(r) + " malformed for a file of " + size + " bytes";
        }
        ByteBuffer open = ByteBuffer.allocate(1);
        ByteBuffer close = ByteBuffer.allocate(1);
        file.read(open, r[1]);
        file.read(close, r[2] - 1);
        if (open.get(0) != '<' || close.get(0) != '>') {
            return "byte range gap is not exactly the /Contents hex string";
        }
        return null;
    }

    private static SignatureReport invalid(Found sig, String reason) {
        return report(sig, null, null, null, SignatureStatus.INVALID, reason);
    }

    private static SignatureReport report(Found sig, X509Certificate cert, Instant time, SigningTimeSource source,
            SignatureStatus status, String reason) {
        return new SignatureReport(sig.field(), sig.subFilter(),
                cert == null ? null : Names.commonName(cert), cert == null ? null : Names.organisation(cert),
                cert == null ? null : cert.getIssuerX500Principal().getName(), time, source, status, reason,
                Coverage.UNKNOWN);
    }
}
