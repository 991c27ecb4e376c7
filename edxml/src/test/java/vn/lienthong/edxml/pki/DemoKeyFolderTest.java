package vn.lienthong.edxml.pki;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.KeyStore;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.List;
import java.util.Properties;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DemoKeyFolderTest {

    private static final char[] PASSWORD = "test-only-password".toCharArray();

    @TempDir
    Path dir;

    @Test
    void theTlsKeyIsIssuedByTheDemoCaForTheGivenNames() throws Exception {
        DemoKeyFolder folder = new DemoKeyFolder(dir, PASSWORD);
        folder.create();
        Path caPem = folder.ensureTlsKey(List.of("localhost", "127.0.0.1"));

        assertEquals(dir.resolve("demo-ca.pem"), caPem);
        X509Certificate ca = (X509Certificate) CertificateFactory.getInstance("X.509")
                .generateCertificate(Files.newInputStream(caPem));
        X509Certificate tls = (X509Certificate) load(folder.tlsKeyStore()).getCertificate(DemoKeyFolder.TLS_ALIAS);
        tls.verify(ca.getPublicKey());
        assertTrue(tls.getExtendedKeyUsage().contains("1.3.6.1.5.5.7.3.1"), "serverAuth");
        List<String> names = tls.getSubjectAlternativeNames().stream().map(n -> n.get(1).toString()).toList();
        assertEquals(List.of("localhost", "127.0.0.1"), names);
        // The adapter's signing key comes from the same CA.
        ((X509Certificate) load(folder.adapterKeyStore()).getCertificate(DemoKeyFolder.ADAPTER_ALIAS))
                .verify(ca.getPublicKey());
    }

    @Test
    void anExistingTlsKeyIsKept() throws Exception {
        DemoKeyFolder folder = new DemoKeyFolder(dir, PASSWORD);
        folder.create();
        folder.ensureTlsKey(List.of("localhost"));
        byte[] first = Files.readAllBytes(folder.tlsKeyStore());
        folder.ensureTlsKey(List.of("other.example"));
        assertArrayEquals(first, Files.readAllBytes(folder.tlsKeyStore()));
    }

    @Test
    void aFolderWithoutTheCaKeyGetsASeparateTlsCa() throws Exception {
        DemoKeyFolder folder = new DemoKeyFolder(dir, PASSWORD);
        folder.create();
        Files.delete(dir.resolve("demo-ca.p12"));
        Path caPem = folder.ensureTlsKey(List.of("localhost"));
        assertEquals(dir.resolve("tls-ca.pem"), caPem);
        X509Certificate ca = (X509Certificate) CertificateFactory.getInstance("X.509")
                .generateCertificate(Files.newInputStream(caPem));
        ((X509Certificate) load(folder.tlsKeyStore()).getCertificate(DemoKeyFolder.TLS_ALIAS)).verify(ca.getPublicKey());
    }

    @Test
    void jssePropertiesAreOwnerOnlyAndPointAtTheTlsKeyStore() throws Exception {
        DemoKeyFolder folder = new DemoKeyFolder(dir, PASSWORD);
        folder.create();
        folder.ensureTlsKey(List.of("localhost"));
        Path file = dir.resolve("jsse.properties");
        folder.writeJsseProperties(file);
        Properties p = new Properties();
        try (InputStream in = Files.newInputStream(file)) {
            p.load(in);
        }
        assertEquals(folder.tlsKeyStore().toAbsolutePath().toString(), p.getProperty("javax.net.ssl.keyStore"));
        assertEquals("PKCS12", p.getProperty("javax.net.ssl.keyStoreType"));
        assertEquals(new String(PASSWORD), p.getProperty("javax.net.ssl.keyStorePassword"));
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(file)));
    }

    @Test
    void theListenerTrustStoreHoldsTheTrustedCasUnderItsOwnPassword() throws Exception {
        DemoKeyFolder folder = new DemoKeyFolder(dir, PASSWORD);
        folder.create();
        Path file = dir.resolve(DemoKeyFolder.LISTENER_TRUST_STORE);
        folder.writeListenerTrustStore(file, "changeit".toCharArray());
        KeyStore copy = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(file)) {
            copy.load(in, "changeit".toCharArray());
        }
        KeyStore original = load(dir.resolve("truststore.p12"));
        assertEquals(java.util.Collections.list(original.aliases()), java.util.Collections.list(copy.aliases()));
        assertEquals(original.getCertificate("ca"), copy.getCertificate("ca"));
        assertFalse(copy.isKeyEntry("ca"));
    }

    @Test
    void aGeneratedPasswordIsKeptInAnOwnerOnlyFile() throws Exception {
        char[] first = DemoKeyFolder.password(dir);
        assertArrayEquals(first, DemoKeyFolder.password(dir));
        assertFalse(new String(first).isBlank());
        assertEquals("rw-------", PosixFilePermissions.toString(
                Files.getPosixFilePermissions(dir.resolve(DemoKeyFolder.PASSWORD_FILE))));
    }

    private static KeyStore load(Path p12) throws Exception {
        KeyStore ks = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(p12)) {
            ks.load(in, PASSWORD);
        }
        return ks;
    }
}
