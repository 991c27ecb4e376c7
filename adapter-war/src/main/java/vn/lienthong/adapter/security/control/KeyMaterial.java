package vn.lienthong.adapter.security.control;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.logging.Logger;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import vn.lienthong.adapter.configuration.AdapterSettings;
import vn.lienthong.edxml.pki.DemoKeyFolder;

/**
 * The adapter's key stores: {@code adapter.p12} (alias {@value #ADAPTER_ALIAS}: signs EDXML packages and SOAP
 * responses) and {@code truststore.p12} (CAs whose client certificates are accepted).
 *
 * <p>With demo mode on and no key stores present, a demo CA, the adapter key and a demo client key are generated
 * on first start, under the keys folder, never in the repository.
 */
@ApplicationScoped
public class KeyMaterial {

    public static final String ADAPTER_ALIAS = DemoKeyFolder.ADAPTER_ALIAS;
    public static final String DEMO_CLIENT_ALIAS = DemoKeyFolder.DEMO_CLIENT_ALIAS;
    private static final Logger LOG = Logger.getLogger(KeyMaterial.class.getName());

    @Inject
    AdapterSettings settings;

    private KeyStore adapterKeyStore;
    private KeyStore trustStore;
    private char[] password;
    private PrivateKey signingKey;
    private X509Certificate[] signingChain;
    private List<X509Certificate> trustAnchors;

    public synchronized KeyStore adapterKeyStore() {
        ensureLoaded();
        return adapterKeyStore;
    }

    public synchronized KeyStore trustStore() {
        ensureLoaded();
        return trustStore;
    }

    public synchronized char[] password() {
        ensureLoaded();
        return password.clone();
    }

    /** The adapter's signing key (read once: unlocking a PKCS#12 entry costs a key derivation). */
    public synchronized PrivateKey signingKey() {
        ensureLoaded();
        return signingKey;
    }

    /** The adapter's certificate chain, signing certificate first. */
    public synchronized X509Certificate[] signingChain() {
        ensureLoaded();
        return signingChain.clone();
    }

    /** The CA certificates of the trust store: whose client certificates and package signatures are trusted. */
    public synchronized List<X509Certificate> trustAnchors() {
        ensureLoaded();
        return trustAnchors;
    }

    public Path adapterKeyStoreFile() {
        return settings.keysDir().resolve("adapter.p12");
    }

    private void ensureLoaded() {
        if (adapterKeyStore != null) {
            return;
        }
        Path dir = settings.keysDir();
        password = settings.keystorePassword().map(String::toCharArray).orElseGet(() -> passwordFile(dir));
        if (!Files.exists(adapterKeyStoreFile())) {
            if (!settings.demoEnabled()) {
                throw new IllegalStateException("No key store at " + adapterKeyStoreFile()
                        + " and demo mode is off (" + AdapterSettings.DEMO_ENABLED + "=false)");
            }
            generateDemo(dir);
        }
        adapterKeyStore = load(adapterKeyStoreFile());
        trustStore = load(dir.resolve("truststore.p12"));
        try {
            signingKey = (PrivateKey) adapterKeyStore.getKey(ADAPTER_ALIAS, password);
            var chain = adapterKeyStore.getCertificateChain(ADAPTER_ALIAS);
            if (signingKey == null || chain == null) {
                throw new IllegalStateException("No key entry '" + ADAPTER_ALIAS + "' in " + adapterKeyStoreFile());
            }
            signingChain = Arrays.stream(chain).map(c -> (X509Certificate) c).toArray(X509Certificate[]::new);
            List<X509Certificate> anchors = new ArrayList<>();
            for (String alias : Collections.list(trustStore.aliases())) {
                if (trustStore.getCertificate(alias) instanceof X509Certificate c) {
                    anchors.add(c);
                }
            }
            trustAnchors = List.copyOf(anchors);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Cannot read key entry '" + ADAPTER_ALIAS + "' of " + adapterKeyStoreFile(), e);
        }
    }

    private void generateDemo(Path dir) {
        LOG.info(() -> "Generating demo key material in " + dir);
        // The same layout as the launcher's step before Payara Micro boots (which also issues the TLS key).
        new DemoKeyFolder(dir, password).create();
    }

    private static char[] passwordFile(Path dir) {
        Path file = dir.resolve("keystore.password");
        try {
            if (!Files.exists(file)) {
                Files.createDirectories(dir);
                String generated = vn.lienthong.adapter.security.control.PasswordHasher.randomPassword();
                Files.writeString(file, generated, StandardCharsets.US_ASCII);
                restrict(file);
            }
            return Files.readString(file, StandardCharsets.US_ASCII).trim().toCharArray();
        } catch (IOException e) {
            throw new IllegalStateException("Cannot read or create " + file, e);
        }
    }

    private static void restrict(Path file) {
        try {
            Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
        } catch (UnsupportedOperationException | IOException e) {
            // not a POSIX file system: nothing more we can do
        }
    }

    private KeyStore load(Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            KeyStore ks = KeyStore.getInstance("PKCS12");
            ks.load(in, password);
            return ks;
        } catch (IOException | GeneralSecurityException e) {
            throw new IllegalStateException("Cannot load key store " + file, e);
        }
    }
}
