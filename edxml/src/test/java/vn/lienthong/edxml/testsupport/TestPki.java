package vn.lienthong.edxml.testsupport;

import java.io.IOException;
import java.io.StringWriter;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Date;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.openssl.jcajce.JcaPEMWriter;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import vn.lienthong.edxml.sign.SigningCredentials;

/** A throw-away CA and signer generated at test time (no keys are ever committed). */
public final class TestPki {

    public final KeyPair caKeys;
    public final X509Certificate caCert;
    public final KeyPair signerKeys;
    public final X509Certificate signerCert;

    private TestPki(KeyPair caKeys, X509Certificate caCert, KeyPair signerKeys, X509Certificate signerCert) {
        this.caKeys = caKeys;
        this.caCert = caCert;
        this.signerKeys = signerKeys;
        this.signerCert = signerCert;
    }

    public static TestPki rsa() {
        return create("RSA", "SHA256withRSA");
    }

    public static TestPki ec() {
        return create("EC", "SHA256withECDSA");
    }

    /** An RSA signer whose certificate only becomes valid at {@code signerNotBefore}. */
    public static TestPki rsaSignerValidFrom(Instant signerNotBefore) {
        return create("RSA", "SHA256withRSA", signerNotBefore);
    }

    /** An RSA signer whose certificate is valid only from {@code notBefore} to {@code notAfter}. */
    public static TestPki rsaSignerValid(Instant notBefore, Instant notAfter) {
        return create("RSA", "SHA256withRSA", notBefore, notAfter);
    }

    private static TestPki create(String keyAlg, String sigAlg) {
        return create(keyAlg, sigAlg, Instant.now().minus(3650, ChronoUnit.DAYS));
    }

    private static TestPki create(String keyAlg, String sigAlg, Instant signerNotBefore) {
        return create(keyAlg, sigAlg, signerNotBefore, Instant.now().plus(365, ChronoUnit.DAYS));
    }

    private static TestPki create(String keyAlg, String sigAlg, Instant signerNotBefore, Instant signerNotAfter) {
        try {
            KeyPair ca = keys(keyAlg);
            X509Certificate caCert = cert("CN=Test EDXML CA,O=Lien thong test,C=VN", ca, "CN=Test EDXML CA,O=Lien thong test,C=VN",
                    ca.getPrivate(), true, sigAlg, Instant.now().minus(3650, ChronoUnit.DAYS),
                    Instant.now().plus(365, ChronoUnit.DAYS));
            KeyPair signer = keys(keyAlg);
            X509Certificate signerCert = cert("CN=000.00.00.G22 signer,O=Lien thong test,C=VN", signer,
                    "CN=Test EDXML CA,O=Lien thong test,C=VN", ca.getPrivate(), false, sigAlg, signerNotBefore, signerNotAfter);
            return new TestPki(ca, caCert, signer, signerCert);
        } catch (GeneralSecurityException | OperatorCreationException | IOException e) {
            throw new IllegalStateException(e);
        }
    }

    public SigningCredentials credentials() {
        return new SigningCredentials(signerKeys.getPrivate(), signerCert, caCert);
    }

    public static KeyPair keys(String alg) throws GeneralSecurityException {
        KeyPairGenerator g = KeyPairGenerator.getInstance(alg);
        if ("EC".equals(alg)) {
            g.initialize(new ECGenParameterSpec("secp256r1"));
        } else {
            g.initialize(2048);
        }
        return g.generateKeyPair();
    }

    private static X509Certificate cert(String subject, KeyPair subjectKeys, String issuer, PrivateKey issuerKey,
                                        boolean ca, String sigAlg, Instant notBefore, Instant notAfter)
            throws OperatorCreationException, GeneralSecurityException, IOException {
        X509v3CertificateBuilder b = new JcaX509v3CertificateBuilder(new X500Name(issuer),
                new BigInteger(64, new SecureRandom()), Date.from(notBefore),
                Date.from(notAfter), new X500Name(subject), subjectKeys.getPublic());
        b.addExtension(Extension.basicConstraints, true, new BasicConstraints(ca));
        b.addExtension(Extension.keyUsage, true, ca
                ? new KeyUsage(KeyUsage.keyCertSign | KeyUsage.cRLSign)
                : new KeyUsage(KeyUsage.digitalSignature | KeyUsage.nonRepudiation));
        return new JcaX509CertificateConverter().getCertificate(
                b.build(new JcaContentSignerBuilder(sigAlg).build(issuerKey)));
    }

    /** A CRL of the test CA revoking the signer certificate. */
    public java.security.cert.X509CRL crlRevokingSigner() {
        try {
            Date now = new Date();
            org.bouncycastle.cert.X509v2CRLBuilder crl = new org.bouncycastle.cert.X509v2CRLBuilder(
                    new X500Name(caCert.getSubjectX500Principal().getName()), now);
            crl.setNextUpdate(new Date(now.getTime() + 86_400_000L));
            crl.addCRLEntry(signerCert.getSerialNumber(), new Date(now.getTime() - 86_400_000L * 3000),
                    org.bouncycastle.asn1.x509.CRLReason.keyCompromise);
            return new org.bouncycastle.cert.jcajce.JcaX509CRLConverter().getCRL(crl.build(
                    new JcaContentSignerBuilder(caKeys.getPrivate().getAlgorithm().equals("EC") ? "SHA256withECDSA"
                            : "SHA256withRSA").build(caKeys.getPrivate())));
        } catch (GeneralSecurityException | OperatorCreationException e) {
            throw new IllegalStateException(e);
        }
    }

    public static Path writePem(Path file, Object... objects) throws IOException {
        StringWriter s = new StringWriter();
        try (JcaPEMWriter w = new JcaPEMWriter(s)) {
            for (Object o : objects) {
                w.writeObject(o);
            }
        }
        Files.writeString(file, s.toString());
        return file;
    }
}
