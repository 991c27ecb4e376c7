package vn.lienthong.docsig;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.KeyStore;
import java.security.KeyStoreException;
import java.security.cert.Certificate;
import java.security.cert.TrustAnchor;
import java.security.cert.X509CRL;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import vn.lienthong.docsig.detect.FormatSniffer;
import vn.lienthong.docsig.detect.OtherFormats;
import vn.lienthong.docsig.pdf.PdfSignatures;
import vn.lienthong.docsig.pki.CertificateChecks;
import vn.lienthong.docsig.pki.OnlineRevocation;

/**
 * Detects and verifies the signatures inside a document (an attachment): PDF signatures are verified, other
 * signed formats are detected and reported SIGNED_NOT_VERIFIED. Offline by default: trust anchors and CRLs are what
 * the builder is given plus what the document embeds; with {@link Builder#onlineRevocation} the network is asked
 * about an issuer none of those CRLs covers. Thread-safe once built.
 *
 * <pre>{@code
 * DocumentSignatureVerifier v = DocumentSignatureVerifier.builder().trustAnchors(caCerts).crls(crls).build();
 * DocumentReport r = v.verify(Path.of("quyet-dinh.pdf"), "quyet-dinh.pdf");
 * LegalValueVerdict verdict = r.verdict();
 * }</pre>
 */
public final class DocumentSignatureVerifier {

    private final PdfSignatures pdf;

    private DocumentSignatureVerifier(CertificateChecks checks) {
        this.pdf = new PdfSignatures(checks);
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Examines a file in place; {@code name} is only used in the report. */
    public DocumentReport verify(Path file, String name) throws IOException {
        DocumentFormat format = FormatSniffer.sniff(file);
        return format == DocumentFormat.PDF ? pdf.verify(file, name) : OtherFormats.examine(file, name, format);
    }

    /**
     * Examines a stream: it is spooled to a temporary file in {@code tempDir} (a PDF needs random access; the
     * content never sits in memory) that is deleted afterwards.
     */
    public DocumentReport verify(InputStream content, String name, Path tempDir) throws IOException {
        Path spool = Files.createTempFile(tempDir, "docsig-", ".bin");
        try {
            Files.copy(content, spool, StandardCopyOption.REPLACE_EXISTING);
            return verify(spool, name);
        } finally {
            Files.deleteIfExists(spool);
        }
    }

    /** Trust anchors, CRLs and, optionally, online revocation (nothing is fetched without it). */
    public static final class Builder {
        private final Set<TrustAnchor> anchors = new HashSet<>();
        private final List<X509CRL> crls = new ArrayList<>();
        private OnlineRevocation online;

        public Builder trustAnchors(Collection<X509Certificate> certificates) {
            certificates.forEach(c -> anchors.add(new TrustAnchor(c, null)));
            return this;
        }

        /** Every certificate entry of the key store becomes a trust anchor. */
        public Builder trustStore(KeyStore store) throws KeyStoreException {
            for (String alias : Collections.list(store.aliases())) {
                Certificate c = store.getCertificate(alias);
                if (c instanceof X509Certificate x) {
                    anchors.add(new TrustAnchor(x, null));
                }
            }
            return this;
        }

        /** CRLs to check revocation with, in addition to those the documents embed. */
        public Builder crls(Collection<X509CRL> list) {
            crls.addAll(list);
            return this;
        }

        /**
         * Asks {@code revocation} (CRL distribution points, then OCSP) when no CRL of an issuer is at hand; share one
         * instance between verifiers so its cache survives a rebuild. Null (the default): offline only.
         */
        public Builder onlineRevocation(OnlineRevocation revocation) {
            online = revocation;
            return this;
        }

        public DocumentSignatureVerifier build() {
            return new DocumentSignatureVerifier(new CertificateChecks(anchors, crls, online));
        }
    }
}
