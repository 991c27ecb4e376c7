package vn.lienthong.adapter.alerting.control;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.logging.Logger;

/**
 * The certificates of the keys folder whose expiry is watched, read from the files every round (a replaced
 * certificate is seen without a restart): the adapter's signing certificate ({@code adapter.p12}, alias
 * {@code adapter}), the HTTPS server certificate ({@code tls.p12}, written by the launcher; on Payara Server the
 * domain's own key store is not watched), and every CA of {@code truststore.p12}. A store that is missing or
 * cannot be read is skipped with a log line.
 */
public final class KeyFolderCertificates {

    private static final Logger LOG = Logger.getLogger(KeyFolderCertificates.class.getName());

    private KeyFolderCertificates() {
    }

    public static List<WatchedCertificate> read(Path keysDir, char[] password) {
        List<WatchedCertificate> out = new ArrayList<>();
        leaf(keysDir.resolve("adapter.p12"), password, "signing key", out);
        leaf(keysDir.resolve("tls.p12"), password, "TLS certificate", out);
        KeyStore trust = load(keysDir.resolve("truststore.p12"), password);
        if (trust != null) {
            try {
                for (String alias : Collections.list(trust.aliases())) {
                    if (trust.getCertificate(alias) instanceof X509Certificate c) {
                        out.add(new WatchedCertificate("trust anchor", c));
                    }
                }
            } catch (java.security.KeyStoreException e) {
                LOG.warning(() -> "Cannot list the trust store for the key-expiry alert: " + e.getMessage());
            }
        }
        return out;
    }

    private static void leaf(Path file, char[] password, String role, List<WatchedCertificate> out) {
        KeyStore ks = load(file, password);
        if (ks == null) {
            return;
        }
        try {
            for (String alias : Collections.list(ks.aliases())) {
                if (ks.isKeyEntry(alias)) {
                    Certificate[] chain = ks.getCertificateChain(alias);
                    if (chain != null && chain.length > 0 && chain[0] instanceof X509Certificate c) {
                        out.add(new WatchedCertificate(role, c));
                    }
                }
            }
        } catch (java.security.KeyStoreException e) {
            LOG.warning(() -> "Cannot read " + file.getFileName() + " for the key-expiry alert: " + e.getMessage());
        }
    }

    private static KeyStore load(Path file, char[] password) {
        if (!Files.isRegularFile(file)) {
            return null;
        }
        try (InputStream in = Files.newInputStream(file)) {
            KeyStore ks = KeyStore.getInstance("PKCS12");
            ks.load(in, password);
            return ks;
        } catch (Exception e) {
            LOG.warning(() -> "Cannot load " + file.getFileName() + " for the key-expiry alert: " + e.getClass()
                    .getSimpleName());
            return null;
        }
    }
}
