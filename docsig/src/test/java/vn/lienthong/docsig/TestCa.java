package vn.lienthong.docsig;

import java.math.BigInteger;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.SecureRandom;
import java.security.cert.X509CRL;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.AccessDescription;
import org.bouncycastle.asn1.x509.AuthorityInformationAccess;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.CRLDistPoint;
import org.bouncycastle.asn1.x509.DistributionPoint;
import org.bouncycastle.asn1.x509.DistributionPointName;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.CRLReason;
import org.bouncycastle.asn1.x509.ExtendedKeyUsage;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.X509v2CRLBuilder;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.cert.jcajce.JcaX509CRLConverter;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509ExtensionUtils;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

/**
 * A throw-away CA generated at test time (mirrors edxml's {@code pki.DemoPki}, with free validity periods for
 * expired and not-yet-valid signers, CRLs and a time-stamping authority). No key is ever written to disk.
 */
public final class TestCa {

    private static final SecureRandom RANDOM = new SecureRandom();

    public final KeyPair keys;
    public final X509Certificate certificate;

    /** A private key with its certificate. */
    public record Signer(PrivateKey key, X509Certificate certificate, TestCa ca) {
    }

    public TestCa(String name) {
        try {
            keys = rsa();
            X500Name subject = new X500Name("CN=" + name + ",O=Ban Co yeu Chinh phu (test),C=VN");
            Instant now = Instant.now();
            certificate = issue(subject, keys, subject, keys.getPrivate(), null, now.minus(Duration.ofDays(3650)),
                    now.plus(Duration.ofDays(3650)), true, false);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    public Signer signer(String commonName, String organisation, Instant notBefore, Instant notAfter) {
        try {
            KeyPair k = rsa();
            X500Name subject = new X500Name("CN=" + commonName + ",O=" + organisation + ",C=VN");
            return new Signer(k.getPrivate(), issue(subject, k, issuerName(), keys.getPrivate(), certificate,
                    notBefore, notAfter, false, false), this);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    public Signer signer(String commonName) {
        return signer(commonName, "So Noi vu tinh Thu", Instant.now().minus(Duration.ofDays(30)),
                Instant.now().plus(Duration.ofDays(365)));
    }

    /**
     * A signer whose certificate names where to ask about revocation: a CRL distribution point and an OCSP responder
     * (either may be null).
     */
    public Signer signerWithRevocationUrls(String commonName, String crlUrl, String ocspUrl) {
        try {
            KeyPair k = rsa();
            X500Name subject = new X500Name("CN=" + commonName + ",O=So Noi vu tinh Thu,C=VN");
            return new Signer(k.getPrivate(), issue(subject, k, issuerName(), keys.getPrivate(), certificate,
                    Instant.now().minus(Duration.ofDays(30)), Instant.now().plus(Duration.ofDays(365)), false,
                    null, crlUrl, ocspUrl), this);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** An OCSP responder certificate delegated by this CA (extended key usage id-kp-OCSPSigning). */
    public Signer ocspResponder() {
        try {
            KeyPair k = rsa();
            X500Name subject = new X500Name("CN=Test OCSP responder,O=Lien thong test,C=VN");
            return new Signer(k.getPrivate(), issue(subject, k, issuerName(), keys.getPrivate(), certificate,
                    Instant.now().minus(Duration.ofDays(30)), Instant.now().plus(Duration.ofDays(365)), false,
                    KeyPurposeId.id_kp_OCSPSigning, null, null), this);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** A time-stamping authority certificate (extended key usage timeStamping, critical, as RFC 3161 requires). */
    public Signer tsa() {
        try {
            KeyPair k = rsa();
            X500Name subject = new X500Name("CN=Test TSA,O=Lien thong test,C=VN");
            return new Signer(k.getPrivate(), issue(subject, k, issuerName(), keys.getPrivate(), certificate,
                    Instant.now().minus(Duration.ofDays(30)), Instant.now().plus(Duration.ofDays(365)), false, true),
                    this);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** A current CRL of this CA, revoking the given certificates as of {@code revokedAt}. */
    public X509CRL crl(Instant revokedAt, X509Certificate... revoked) {
        try {
            Date now = new Date();
            X509v2CRLBuilder b = new X509v2CRLBuilder(issuerName(), now);
            b.setNextUpdate(new Date(now.getTime() + 86_400_000L));
            for (X509Certificate c : revoked) {
                b.addCRLEntry(c.getSerialNumber(), Date.from(revokedAt), CRLReason.keyCompromise);
            }
            return new JcaX509CRLConverter().getCRL(b.build(
                    new JcaContentSignerBuilder("SHA256withRSA").build(keys.getPrivate())));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private X500Name issuerName() {
        return X500Name.getInstance(certificate.getSubjectX500Principal().getEncoded());
    }

    private static KeyPair rsa() throws GeneralSecurityException {
        KeyPairGenerator g = KeyPairGenerator.getInstance("RSA");
        g.initialize(2048, RANDOM);
        return g.generateKeyPair();
    }

    private static X509Certificate issue(X500Name subject, KeyPair subjectKeys, X500Name issuer, PrivateKey issuerKey,
            X509Certificate issuerCert, Instant notBefore, Instant notAfter, boolean ca, boolean tsa)
            throws Exception {
        return issue(subject, subjectKeys, issuer, issuerKey, issuerCert, notBefore, notAfter, ca,
                tsa ? KeyPurposeId.id_kp_timeStamping : null, null, null);
    }

    private static X509Certificate issue(X500Name subject, KeyPair subjectKeys, X500Name issuer, PrivateKey issuerKey,
            X509Certificate issuerCert, Instant notBefore, Instant notAfter, boolean ca, KeyPurposeId purpose,
            String crlUrl, String ocspUrl) throws Exception {
        X509v3CertificateBuilder b = new JcaX509v3CertificateBuilder(issuer, new BigInteger(64, RANDOM).add(
                BigInteger.ONE), Date.from(notBefore), Date.from(notAfter), subject, subjectKeys.getPublic());
        JcaX509ExtensionUtils ext = new JcaX509ExtensionUtils();
        b.addExtension(Extension.basicConstraints, true, new BasicConstraints(ca));
        b.addExtension(Extension.subjectKeyIdentifier, false, ext.createSubjectKeyIdentifier(subjectKeys.getPublic()));
        if (issuerCert != null) {
            b.addExtension(Extension.authorityKeyIdentifier, false, ext.createAuthorityKeyIdentifier(issuerCert));
        }
        b.addExtension(Extension.keyUsage, true, ca ? new KeyUsage(KeyUsage.keyCertSign | KeyUsage.cRLSign)
                : new KeyUsage(KeyUsage.digitalSignature | KeyUsage.nonRepudiation));
        if (purpose != null) {
            b.addExtension(Extension.extendedKeyUsage, true, new ExtendedKeyUsage(purpose));
        }
        if (crlUrl != null) {
            GeneralNames where = new GeneralNames(new GeneralName(GeneralName.uniformResourceIdentifier, crlUrl));
            b.addExtension(Extension.cRLDistributionPoints, false, new CRLDistPoint(new DistributionPoint[] {
                new DistributionPoint(new DistributionPointName(where), null, null)}));
        }
        if (ocspUrl != null) {
            b.addExtension(Extension.authorityInfoAccess, false, new AuthorityInformationAccess(
                    AccessDescription.id_ad_ocsp, new GeneralName(GeneralName.uniformResourceIdentifier, ocspUrl)));
        }
        return new JcaX509CertificateConverter().getCertificate(
                b.build(new JcaContentSignerBuilder("SHA256withRSA").build(issuerKey)));
    }
}
