package vn.lienthong.it.support;

import java.io.InputStream;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.cert.CertificateFactory;

import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;

import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

import vn.lienthong.edxml.pki.DemoKeyFolder;

/**
 * Creates, once per build, the HTTPS key of Payara Micro exactly as {@code run.sh} does: the launcher step
 * {@link DemoKeyFolder#main} writes a demo CA, a TLS server key for localhost/127.0.0.1 and the owner-only JSSE
 * properties file that {@code arquillian.xml} hands to Micro ({@code --systemproperties}). Runs before the
 * Arquillian extension, i.e. before Micro boots. Nothing is committed: it all lives under {@code it.tls.dir}.
 */
public final class TlsKeyStoreExtension implements BeforeAllCallback {

    @Override
    public void beforeAll(ExtensionContext context) {
        ensureKeyStore();
    }

    static synchronized void ensureKeyStore() {
        if (!Files.exists(jsseProperties())) {
            DemoKeyFolder.main(new String[] {dir().toString(), jsseProperties().toString(), "localhost", "127.0.0.1"});
        }
    }

    public static Path dir() {
        return Path.of(System.getProperty("it.tls.dir"));
    }

    private static Path jsseProperties() {
        return dir().resolve("tls-jsse.properties");
    }

    /** The CA certificate clients must trust (PEM). */
    public static Path caPem() {
        return dir().resolve("demo-ca.pem");
    }

    /** A TLS context trusting only the demo CA that issued Micro's HTTPS certificate. */
    public static SSLContext clientContext() throws Exception {
        KeyStore trust = KeyStore.getInstance("PKCS12");
        trust.load(null, null);
        try (InputStream in = Files.newInputStream(caPem())) {
            trust.setCertificateEntry("demo-ca", CertificateFactory.getInstance("X.509").generateCertificate(in));
        }
        TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        tmf.init(trust);
        SSLContext ssl = SSLContext.getInstance("TLS");
        ssl.init(null, tmf.getTrustManagers(), null);
        return ssl;
    }

    /** The HTTPS counterpart of a URL of the deployed application ({@code it.https.port}). */
    public static URL https(URL base, String path) throws Exception {
        return new URL("https", "localhost", Integer.getInteger("it.https.port"), base.getPath() + path);
    }
}
