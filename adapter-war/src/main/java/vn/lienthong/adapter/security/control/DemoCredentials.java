package vn.lienthong.adapter.security.control;

import java.io.IOException;
import java.io.InputStream;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.X509Certificate;
import java.util.List;
import java.util.Properties;
import java.util.logging.Logger;

import jakarta.annotation.PostConstruct;
import jakarta.ejb.DependsOn;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.inject.Inject;

import vn.lienthong.adapter.configuration.AdapterSettings;

/**
 * Demo mode: on first start, creates a client login for one organisation and writes it, with the demo client's
 * key store, to {@code demo-credentials.properties} in the data folder (owner-readable only). The password is
 * random per installation and stored in the database only as a salted hash.
 */
@Singleton
@Startup
@DependsOn("SchemaMigrations")
public class DemoCredentials {

    public static final String DEMO_USER = "demo-clerk";
    /** A second demo login without a certificate, for the UsernameToken-over-TLS profile. */
    public static final String DEMO_TLS_USER = "demo-clerk-tls";
    private static final Logger LOG = Logger.getLogger(DemoCredentials.class.getName());

    @Inject
    AdapterSettings settings;
    @Inject
    KeyMaterial keys;
    @Inject
    CredentialStore credentials;

    @PostConstruct
    void createOnFirstStart() {
        if (!settings.demoEnabled() || credentials.exists(DEMO_USER)) {
            return;
        }
        keys.adapterKeyStore(); // generates the demo key material if missing
        Path clientStore = settings.keysDir().resolve("demo-client.p12");
        String subject = certificateSubject(clientStore);
        String password = PasswordHasher.randomPassword();
        credentials.create(DEMO_USER, password.toCharArray(), List.of(settings.demoOrganId()), subject);
        String tlsPassword = PasswordHasher.randomPassword();
        credentials.create(DEMO_TLS_USER, tlsPassword.toCharArray(), List.of(settings.demoOrganId()), null);

        Properties p = new Properties();
        p.setProperty("username", DEMO_USER);
        p.setProperty("password", password);
        p.setProperty("organId", settings.demoOrganId());
        p.setProperty("tlsUsername", DEMO_TLS_USER);
        p.setProperty("tlsPassword", tlsPassword);
        p.setProperty("clientKeyStore", clientStore.toString());
        p.setProperty("clientKeyAlias", KeyMaterial.DEMO_CLIENT_ALIAS);
        p.setProperty("keyStorePasswordFile", settings.keysDir().resolve("keystore.password").toString());
        p.setProperty("adapterKeyStore", keys.adapterKeyStoreFile().toString());
        p.setProperty("trustedCaPem", settings.keysDir().resolve("demo-ca.pem").toString());
        Path file = settings.dataDir().resolve("demo-credentials.properties");
        try (Writer w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            p.store(w, "Demo client of the lien thong adapter (generated on first start; demo mode only)");
        } catch (IOException e) {
            throw new IllegalStateException("Cannot write " + file, e);
        }
        try {
            Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
        } catch (UnsupportedOperationException | IOException e) {
            // not a POSIX file system
        }
        LOG.info(() -> "Demo client '" + DEMO_USER + "' created for " + settings.demoOrganId() + "; see " + file);
    }

    private String certificateSubject(Path p12) {
        try (InputStream in = Files.newInputStream(p12)) {
            KeyStore ks = KeyStore.getInstance("PKCS12");
            ks.load(in, keys.password());
            X509Certificate cert = (X509Certificate) ks.getCertificate(KeyMaterial.DEMO_CLIENT_ALIAS);
            return cert.getSubjectX500Principal().getName();
        } catch (IOException | GeneralSecurityException e) {
            throw new IllegalStateException("Cannot read demo client key store " + p12, e);
        }
    }
}
