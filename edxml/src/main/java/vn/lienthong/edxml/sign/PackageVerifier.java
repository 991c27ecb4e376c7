package vn.lienthong.edxml.sign;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.InvalidAlgorithmParameterException;
import java.security.NoSuchAlgorithmException;
import java.security.cert.CertPathBuilder;
import java.security.cert.CertPathBuilderException;
import java.security.cert.CertStore;
import java.security.cert.CertificateExpiredException;
import java.security.cert.CertificateNotYetValidException;
import java.security.cert.CollectionCertStoreParameters;
import java.security.cert.PKIXBuilderParameters;
import java.security.cert.TrustAnchor;
import java.security.cert.X509CRL;
import java.security.cert.X509CertSelector;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Date;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.apache.xml.security.exceptions.XMLSecurityException;
import org.apache.xml.security.signature.SignedInfo;
import org.apache.xml.security.signature.XMLSignature;

/**
 * Verifies the enveloped whole-package XML signature of a received package, streaming (spec §10.4): the package
 * is parsed once; the header is kept as parse events until the Signature has been read, then everything is
 * canonicalised straight into the digest. If the digest fails as received, the same pass also checks it with the
 * TraceHeaders the axis appended after the sender's own removed. Certificate trust is checked against the
 * configured anchors (none configured: {@link CertificateTrust#NOT_CHECKED}), CRLs optional.
 *
 * <p>Time policy: the certificate (validity period and path) is checked at the <em>verification time</em> — the
 * verifier's own clock, or an instant the caller vouches for ({@link Builder#validAt(Instant)}, e.g. when the
 * package was received). The times written inside the package (TraceHeader, status Timestamp) are the sender's
 * own claim with no timestamping authority behind them: a back-dated TraceHeader must not rescue an expired
 * certificate, and an old TraceHeader must not condemn a current one. Thread-safe.
 */
public final class PackageVerifier {

    private final Set<TrustAnchor> anchors;
    private final List<X509Certificate> intermediates;
    private final List<X509CRL> crls;
    private final Set<SignatureAlgorithm> allowed;
    private final Instant validAt;

    private PackageVerifier(Builder b) {
        this.anchors = new HashSet<>();
        for (X509Certificate c : b.trustAnchors) {
            anchors.add(new TrustAnchor(c, null));
        }
        this.intermediates = List.copyOf(b.intermediates);
        this.crls = List.copyOf(b.crls);
        this.allowed = Set.copyOf(b.allowed);
        this.validAt = b.validAt;
    }

    /** No trust anchors, SHA-256 algorithms only. */
    public PackageVerifier() {
        this(new Builder());
    }

    public PackageVerifier(Collection<X509Certificate> trustAnchors) {
        this(new Builder().trustAnchors(trustAnchors));
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Configuration; RSA-SHA1 is refused unless explicitly allowed (axis-compatibility profile, §10.2). */
    public static final class Builder {
        private final List<X509Certificate> trustAnchors = new ArrayList<>();
        private final List<X509Certificate> intermediates = new ArrayList<>();
        private final List<X509CRL> crls = new ArrayList<>();
        private final Set<SignatureAlgorithm> allowed =
                EnumSet.of(SignatureAlgorithm.RSA_SHA256, SignatureAlgorithm.ECDSA_SHA256);
        private Instant validAt;

        public Builder trustAnchors(Collection<X509Certificate> certs) {
            trustAnchors.addAll(certs);
            return this;
        }

        public Builder trustAnchor(X509Certificate cert) {
            trustAnchors.add(cert);
            return this;
        }

        public Builder intermediates(Collection<X509Certificate> certs) {
            intermediates.addAll(certs);
            return this;
        }

        /** Enables revocation checking against these CRLs. */
        public Builder crls(Collection<X509CRL> list) {
            crls.addAll(list);
            return this;
        }

        public Builder allowedAlgorithms(SignatureAlgorithm... algorithms) {
            allowed.clear();
            allowed.addAll(Arrays.asList(algorithms));
            return this;
        }

        /**
         * Checks the certificate at this instant instead of the verifier's clock: for re-checking an archived
         * package at the time it was received (a time the caller recorded, not one the package claims).
         */
        public Builder validAt(Instant instant) {
            validAt = instant;
            return this;
        }

        public PackageVerifier build() {
            return new PackageVerifier(this);
        }
    }

    /** Verifies a package file: one of at most {@link PackageSigner#IN_MEMORY_LIMIT} bytes is read at once. */
    public VerificationResult verify(Path signedPackage) throws IOException {
        if (Files.size(signedPackage) <= PackageSigner.IN_MEMORY_LIMIT) {
            return verify(Files.readAllBytes(signedPackage));
        }
        try (InputStream in = Files.newInputStream(signedPackage)) {
            return verify(in);
        }
    }

    /** Verifies a package held in memory (small packages: no buffering layer, no file). */
    public VerificationResult verify(byte[] signedPackage) throws IOException {
        VerificationPass pass = new VerificationPass(new java.io.ByteArrayInputStream(signedPackage), allowed);
        pass.run();
        return judge(pass);
    }

    /**
     * Verifies a package read from the stream (not closed).
     *
     * @throws vn.lienthong.edxml.read.EdxmlParseException when the package is not well-formed XML
     */
    public VerificationResult verify(InputStream signedPackage) throws IOException {
        VerificationPass pass = new VerificationPass(new BufferedInputStream(signedPackage, 64 * 1024), allowed);
        pass.run();
        return judge(pass);
    }

    private VerificationResult judge(VerificationPass pass) {
        if (pass.problem() != null && pass.capture() == null) {
            return VerificationResult.invalid(pass.problem(), null, null);
        }
        if (pass.capture() == null) {
            return pass.placeholderSeen() ? VerificationResult.placeholder() : VerificationResult.absent();
        }
        SignatureProfile profile = pass.profile();
        X509Certificate signer = profile == null ? null : pickSigner(profile.certificates());
        String method = profile == null ? null : profile.signatureMethod();
        if (pass.problem() != null) {
            return VerificationResult.invalid(pass.problem(), signer, method);
        }
        if (signer == null) {
            return VerificationResult.invalid("no X509Certificate in KeyInfo", null, method);
        }
        try {
            XMLSignature xml = new XMLSignature(pass.capture().signature(), "", true);
            SignedInfo signedInfo = xml.getSignedInfo();
            org.apache.xml.security.algorithms.SignatureAlgorithm check = signedInfo.getSignatureAlgorithm();
            check.initVerify(signer.getPublicKey());
            check.update(signedInfo.getCanonicalizedOctetStream());
            if (!check.verify(xml.getSignatureValue())) {
                return VerificationResult.invalid("SignatureValue does not match SignedInfo", signer, method);
            }
        } catch (XMLSecurityException | IOException | RuntimeException e) {
            return VerificationResult.invalid("signature cannot be checked: " + e.getMessage(), signer, method);
        }
        VerificationStatus status;
        if (Arrays.equals(profile.expectedDigest(), pass.fullDigest())) {
            status = VerificationStatus.VALID;
        } else if ((pass.strippedDigest() != null && Arrays.equals(profile.expectedDigest(), pass.strippedDigest()))
                || (pass.strippedTightDigest() != null
                        && Arrays.equals(profile.expectedDigest(), pass.strippedTightDigest()))) {
            status = VerificationStatus.VALID_AFTER_TRACE_STRIP;
        } else {
            return VerificationResult.invalid("digest mismatch: the package changed after it was signed", signer,
                    method);
        }
        Date checkedAt = Date.from(validAt == null ? Instant.now() : validAt);
        try {
            signer.checkValidity(checkedAt);
        } catch (CertificateExpiredException | CertificateNotYetValidException e) {
            return VerificationResult.invalid("certificate not valid at verification time " + checkedAt.toInstant()
                    + " (valid " + signer.getNotBefore().toInstant() + " to " + signer.getNotAfter().toInstant()
                    + ")", signer, method);
        }
        if (anchors.isEmpty()) {
            return new VerificationResult(status, signer, "signature valid; certificate not checked (no trust "
                    + "anchors configured)", method, CertificateTrust.NOT_CHECKED);
        }
        String chainProblem = chainProblem(signer, profile.certificates(), checkedAt);
        if (chainProblem != null) {
            return new VerificationResult(VerificationStatus.INVALID, signer, chainProblem, method,
                    CertificateTrust.UNTRUSTED);
        }
        return new VerificationResult(status, signer, status == VerificationStatus.VALID ? "signature valid"
                : "signature valid after removing TraceHeaders appended in transit", method,
                CertificateTrust.TRUSTED);
    }

    /** The end-entity certificate: the first one that is not a CA, else the first. */
    private static X509Certificate pickSigner(List<X509Certificate> certs) {
        for (X509Certificate c : certs) {
            if (c.getBasicConstraints() < 0) {
                return c;
            }
        }
        return certs.isEmpty() ? null : certs.get(0);
    }

    private String chainProblem(X509Certificate signer, List<X509Certificate> fromPackage, Date at) {
        try {
            X509CertSelector target = new X509CertSelector();
            target.setCertificate(signer);
            PKIXBuilderParameters params = new PKIXBuilderParameters(anchors, target);
            List<Object> material = new ArrayList<>(fromPackage);
            material.addAll(intermediates);
            material.addAll(crls);
            params.addCertStore(CertStore.getInstance("Collection", new CollectionCertStoreParameters(material)));
            params.setRevocationEnabled(!crls.isEmpty());
            params.setDate(at);
            CertPathBuilder.getInstance("PKIX").build(params);
            return null;
        } catch (CertPathBuilderException e) {
            return "certificate does not chain to a configured trust anchor: " + e.getMessage();
        } catch (InvalidAlgorithmParameterException | NoSuchAlgorithmException e) {
            return "certificate chain cannot be checked: " + e.getMessage();
        }
    }
}
