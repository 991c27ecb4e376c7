package vn.lienthong.load;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.util.Properties;

/** The demo client that run.sh's adapter created in its data folder (demo-credentials.properties). */
record Credentials(String username, String password, String organId, Path clientKeyStore, String keyAlias,
        char[] keyStorePassword, String tlsUsername, String tlsPassword, String adminToken) {

    static Credentials fromDataDir(Path dataDir) throws IOException {
        Properties p = new Properties();
        try (InputStream in = Files.newInputStream(dataDir.resolve("demo-credentials.properties"))) {
            p.load(in);
        }
        char[] ksPassword = Files.readString(Path.of(p.getProperty("keyStorePasswordFile"))).trim().toCharArray();
        Path admin = dataDir.resolve("admin-token");
        return new Credentials(p.getProperty("username"), p.getProperty("password"), p.getProperty("organId"),
                Path.of(p.getProperty("clientKeyStore")), p.getProperty("clientKeyAlias"), ksPassword,
                p.getProperty("tlsUsername"), p.getProperty("tlsPassword"),
                Files.exists(admin) ? Files.readString(admin).trim() : null);
    }

    KeyStore clientKeys() throws IOException, GeneralSecurityException {
        try (InputStream in = Files.newInputStream(clientKeyStore)) {
            KeyStore ks = KeyStore.getInstance("PKCS12");
            ks.load(in, keyStorePassword);
            return ks;
        }
    }

    @Override
    public String toString() {
        return "Credentials[" + username + ", " + organId + "]"; // never the passwords or the admin token
    }
}
