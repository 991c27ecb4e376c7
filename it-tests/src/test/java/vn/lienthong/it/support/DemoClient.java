package vn.lienthong.it.support;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.util.Properties;

/**
 * The demo client the adapter created on its first start (demo-credentials.properties in its data folder):
 * user name, password, organisation and key stores. Tests act exactly as an operator following the README would.
 */
public record DemoClient(String username, String password, String organId, Path clientKeyStore, String clientAlias,
        char[] keyStorePassword, Path trustStore, String tlsUsername, String tlsPassword) {

    public static DemoClient fromDataDir(Path dataDir) {
        Path file = dataDir.resolve("demo-credentials.properties");
        Properties p = new Properties();
        try (InputStream in = Files.newInputStream(file)) {
            p.load(in);
            char[] ksPassword = Files.readString(Path.of(p.getProperty("keyStorePasswordFile"))).trim().toCharArray();
            return new DemoClient(p.getProperty("username"), p.getProperty("password"), p.getProperty("organId"),
                    Path.of(p.getProperty("clientKeyStore")), p.getProperty("clientKeyAlias"), ksPassword,
                    dataDir.resolve("keys").resolve("truststore.p12"), p.getProperty("tlsUsername"),
                    p.getProperty("tlsPassword"));
        } catch (IOException e) {
            throw new IllegalStateException("The adapter did not write " + file, e);
        }
    }

    public KeyStore loadClientKeyStore() {
        return load(clientKeyStore);
    }

    public KeyStore loadTrustStore() {
        return load(trustStore);
    }

    private KeyStore load(Path p12) {
        try (InputStream in = Files.newInputStream(p12)) {
            KeyStore ks = KeyStore.getInstance("PKCS12");
            ks.load(in, keyStorePassword);
            return ks;
        } catch (IOException | java.security.GeneralSecurityException e) {
            throw new IllegalStateException("Cannot read " + p12, e);
        }
    }
}
