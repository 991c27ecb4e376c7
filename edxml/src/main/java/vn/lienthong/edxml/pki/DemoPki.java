package vn.lienthong.edxml.pki;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.Writer;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.SecureRandom;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.List;

import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.ExtendedKeyUsage;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509ExtensionUtils;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.jce.provider.BouncyCastleProvider;
import org.bouncycastle.operator.ContentSigner;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

/**
 * Creates demo and test key material: a private CA and end-entity certificates issued by it, stored as PKCS#12.
 *
 * <p>Nothing produced here is ever committed: the adapter creates its demo keys on first start, tests create
 * theirs at run time. The BouncyCastle provider is passed as an instance and never registered globally, so a
 * WAR class loader does not leak into the JVM-wide provider list.
 */
public final class DemoPki {

    private static final BouncyCastleProvider BC = new BouncyCastleProvider();
    private static final SecureRandom RANDOM = new SecureRandom();

    private final KeyPair caKeys;
    private final X509Certificate caCertificate;

    private DemoPki(KeyPair caKeys, X509Certificate caCertificate) {
        this.caKeys = caKeys;
        this.caCertificate = caCertificate;
    }

    /** A new CA with a fresh RSA key; valid from one hour ago for ten years. */
    public static DemoPki newCa(String commonName) {
        KeyPair keys = rsaKeyPair();
        X500Name subject = new X500Name("CN=" + commonName + ",O=Lien thong adapter demo,C=VN");
        Instant now = Instant.now();
        X509Certificate cert = issue(subject, keys.getPublic(), subject, keys.getPrivate(), null,
                now.minus(Duration.ofHours(1)), now.plus(Duration.ofDays(3650)), true, null);
        return new DemoPki(keys, cert);
    }

    /** Restores a CA previously written with {@link #writeCa(Path, char[])}. */
    public static DemoPki loadCa(Path p12, char[] password) {
        Issued ca = Issued.load(p12, password, "ca");
        return new DemoPki(new KeyPair(ca.certificate().getPublicKey(), ca.privateKey()), ca.certificate());
    }

    public X509Certificate caCertificate() {
        return caCertificate;
    }

    /** Issues an RSA end-entity certificate for signing (digitalSignature, nonRepudiation). */
    public Issued issueRsa(String commonName, Duration validity) {
        return issue(commonName, rsaKeyPair(), validity, Instant.now().minus(Duration.ofHours(1)));
    }

    /**
     * Issues an RSA certificate for signing documents (issue 14: the signer's signature inside a PDF), whose subject
     * names the signer and the organisation ({@code CN=commonName, O=organisation}).
     */
    public Issued issueDocumentSigner(String commonName, String organisation, Duration validity) {
        KeyPair keys = rsaKeyPair();
        Instant notBefore = Instant.now().minus(Duration.ofHours(1));
        X500Name subject = new X500Name("CN=" + commonName + ",O=" + organisation + ",C=VN");
        X509Certificate cert = issue(subject, keys.getPublic(), issuerName(), caKeys.getPrivate(), caCertificate,
                notBefore, notBefore.plus(validity), false, null);
        return new Issued(keys.getPrivate(), cert, caCertificate);
    }

    /** Writes a current, empty CRL of this CA (DER), valid for {@code nextUpdate}: nothing the demo CA issued is revoked. */
    public void writeCrl(Path file, Duration nextUpdate) {
        try {
            Date now = new Date();
            org.bouncycastle.cert.X509v2CRLBuilder b = new org.bouncycastle.cert.X509v2CRLBuilder(issuerName(), now);
            b.setNextUpdate(new Date(now.getTime() + nextUpdate.toMillis()));
            b.addExtension(Extension.authorityKeyIdentifier, false,
                    new JcaX509ExtensionUtils().createAuthorityKeyIdentifier(caCertificate));
            byte[] der = b.build(new JcaContentSignerBuilder("SHA256withRSA").setProvider(BC)
                    .build(caKeys.getPrivate())).getEncoded();
            Path parent = file.toAbsolutePath().getParent();
            Files.createDirectories(parent);
            Path tmp = Files.createTempFile(parent, file.getFileName().toString(), ".tmp");
            Files.write(tmp, der);
            Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (GeneralSecurityException | OperatorCreationException | IOException e) {
            throw new PkiException("cannot write " + file.getFileName(), e);
        }
    }

    /** Issues an EC P-256 end-entity certificate for signing. */
    public Issued issueEc(String commonName, Duration validity) {
        try {
            KeyPairGenerator gen = KeyPairGenerator.getInstance("EC");
            gen.initialize(256, RANDOM);
            return issue(commonName, gen.generateKeyPair(), validity, Instant.now().minus(Duration.ofHours(1)));
        } catch (GeneralSecurityException e) {
            throw new PkiException("cannot generate an EC key", e);
        }
    }

    /**
     * Issues an RSA TLS server certificate (serverAuth) whose subject alternative names are the given host names
     * and IP addresses: clients check the name they connected to against these, not against the common name.
     */
    public Issued issueTlsServer(String commonName, List<String> hostNames, Duration validity) {
        GeneralName[] names = hostNames.stream().map(h -> new GeneralName(
                isIpLiteral(h) ? GeneralName.iPAddress : GeneralName.dNSName, h)).toArray(GeneralName[]::new);
        Instant notBefore = Instant.now().minus(Duration.ofHours(1));
        KeyPair keys = rsaKeyPair();
        X500Name subject = new X500Name("CN=" + commonName + ",O=Lien thong adapter demo,C=VN");
        X509Certificate cert = issue(subject, keys.getPublic(), issuerName(), caKeys.getPrivate(), caCertificate,
                notBefore, notBefore.plus(validity), false, new GeneralNames(names));
        return new Issued(keys.getPrivate(), cert, caCertificate);
    }

    private static boolean isIpLiteral(String host) {
        return host.matches("[0-9.]+") || host.contains(":");
    }

    private Issued issue(String commonName, KeyPair keys, Duration validity, Instant notBefore) {
        X500Name subject = new X500Name("CN=" + commonName + ",O=Lien thong adapter demo,C=VN");
        X509Certificate cert = issue(subject, keys.getPublic(), issuerName(), caKeys.getPrivate(), caCertificate,
                notBefore, notBefore.plus(validity), false, null);
        return new Issued(keys.getPrivate(), cert, caCertificate);
    }

    private X500Name issuerName() {
        return X500Name.getInstance(caCertificate.getSubjectX500Principal().getEncoded());
    }

    /** Writes the CA (key + certificate, alias {@code ca}) as PKCS#12. */
    public void writeCa(Path p12, char[] password) {
        new Issued(caKeys.getPrivate(), caCertificate, caCertificate).writePkcs12(p12, "ca", password);
    }

    /** Writes a PKCS#12 trust store holding only the CA certificate (alias {@code ca}). */
    public void writeTrustStore(Path p12, char[] password) {
        try {
            KeyStore ks = KeyStore.getInstance("PKCS12");
            ks.load(null, null);
            ks.setCertificateEntry("ca", caCertificate);
            store(ks, p12, password);
        } catch (GeneralSecurityException | IOException e) {
            throw new PkiException("cannot write trust store " + p12.getFileName(), e);
        }
    }

    /** Writes the CA certificate as PEM (for xmlsec1 --trusted-pem and other tools). */
    public void writeCaPem(Path pem) {
        writePem(caCertificate, pem);
    }

    public static void writePem(X509Certificate cert, Path pem) {
        try (Writer w = Files.newBufferedWriter(pem, StandardCharsets.US_ASCII)) {
            w.write("-----BEGIN CERTIFICATE-----\n");
            w.write(Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(cert.getEncoded()));
            w.write("\n-----END CERTIFICATE-----\n");
        } catch (IOException | GeneralSecurityException e) {
            throw new PkiException("cannot write " + pem.getFileName(), e);
        }
    }

    private static KeyPair rsaKeyPair() {
        try {
            KeyPairGenerator gen = KeyPairGenerator.getInstance("RSA");
            gen.initialize(2048, RANDOM);
            return gen.generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new PkiException("cannot generate an RSA key", e);
        }
    }

    private static X509Certificate issue(X500Name subject, java.security.PublicKey subjectKey, X500Name issuer,
            PrivateKey issuerKey, X509Certificate issuerCert, Instant notBefore, Instant notAfter, boolean ca,
            GeneralNames tlsServerNames) {
        try {
            X509v3CertificateBuilder builder = new JcaX509v3CertificateBuilder(issuer,
                    new BigInteger(64, RANDOM).abs().add(BigInteger.ONE), Date.from(notBefore), Date.from(notAfter),
                    subject, subjectKey);
            JcaX509ExtensionUtils ext = new JcaX509ExtensionUtils();
            builder.addExtension(Extension.basicConstraints, true, new BasicConstraints(ca));
            builder.addExtension(Extension.subjectKeyIdentifier, false, ext.createSubjectKeyIdentifier(subjectKey));
            if (issuerCert != null) {
                builder.addExtension(Extension.authorityKeyIdentifier, false,
                        ext.createAuthorityKeyIdentifier(issuerCert));
            }
            if (tlsServerNames != null) {
                builder.addExtension(Extension.keyUsage, true,
                        new KeyUsage(KeyUsage.digitalSignature | KeyUsage.keyEncipherment));
                builder.addExtension(Extension.extendedKeyUsage, false,
                        new ExtendedKeyUsage(KeyPurposeId.id_kp_serverAuth));
                builder.addExtension(Extension.subjectAlternativeName, false, tlsServerNames);
            } else {
                builder.addExtension(Extension.keyUsage, true, ca
                        ? new KeyUsage(KeyUsage.keyCertSign | KeyUsage.cRLSign)
                        : new KeyUsage(KeyUsage.digitalSignature | KeyUsage.nonRepudiation
                                | KeyUsage.keyEncipherment));
            }
            String alg = "EC".equals(issuerKey.getAlgorithm()) ? "SHA256withECDSA" : "SHA256withRSA";
            ContentSigner signer = new JcaContentSignerBuilder(alg).setProvider(BC).build(issuerKey);
            return new JcaX509CertificateConverter().setProvider(BC).getCertificate(builder.build(signer));
        } catch (GeneralSecurityException | OperatorCreationException | IOException e) {
            throw new PkiException("cannot issue a certificate for " + subject, e);
        }
    }

    private static void store(KeyStore ks, Path p12, char[] password) throws IOException, GeneralSecurityException {
        Path parent = p12.toAbsolutePath().getParent();
        Files.createDirectories(parent);
        // Write next to the target and move, so a crash never leaves a truncated key store behind.
        Path tmp = Files.createTempFile(parent, p12.getFileName().toString(), ".tmp");
        try (OutputStream out = Files.newOutputStream(tmp)) {
            ks.store(out, password);
        }
        Files.move(tmp, p12, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    /** A private key with its certificate and the issuing CA certificate. */
    public record Issued(PrivateKey privateKey, X509Certificate certificate, X509Certificate caCertificate) {

        public void writePkcs12(Path p12, String alias, char[] password) {
            try {
                KeyStore ks = KeyStore.getInstance("PKCS12");
                ks.load(null, null);
                Certificate[] chain = certificate.equals(caCertificate)
                        ? new Certificate[] {certificate}
                        : new Certificate[] {certificate, caCertificate};
                ks.setKeyEntry(alias, privateKey, password, chain);
                store(ks, p12, password);
            } catch (GeneralSecurityException | IOException e) {
                throw new PkiException("cannot write key store " + p12.getFileName(), e);
            }
        }

        public static Issued load(Path p12, char[] password, String alias) {
            try (InputStream in = Files.newInputStream(p12)) {
                KeyStore ks = KeyStore.getInstance("PKCS12");
                ks.load(in, password);
                PrivateKey key = (PrivateKey) ks.getKey(alias, password);
                Certificate[] chain = ks.getCertificateChain(alias);
                if (key == null || chain == null) {
                    throw new PkiException("no key entry '" + alias + "' in " + p12.getFileName(), null);
                }
                X509Certificate leaf = (X509Certificate) chain[0];
                X509Certificate top = (X509Certificate) chain[chain.length - 1];
                return new Issued(key, leaf, top);
            } catch (GeneralSecurityException | IOException e) {
                throw new PkiException("cannot read key store " + p12.getFileName(), e);
            }
        }
    }

    /** Unchecked: key material problems are configuration errors, reported once at start. */
    public static final class PkiException extends RuntimeException {
        public PkiException(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
