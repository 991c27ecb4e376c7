package vn.lienthong.it.support;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.util.Base64;

/** Writes keys and certificates from PKCS#12 stores as PEM, for tools outside the JVM (zeep, xmlsec1). */
public final class Pem {

    private Pem() {
    }

    public static void writeKey(KeyStore ks, String alias, char[] password, Path target)
            throws IOException, GeneralSecurityException {
        PrivateKey key = (PrivateKey) ks.getKey(alias, password);
        write("PRIVATE KEY", key.getEncoded(), target); // PKCS#8
    }

    public static void writeCertificate(KeyStore ks, String alias, Path target)
            throws IOException, GeneralSecurityException {
        write("CERTIFICATE", ks.getCertificate(alias).getEncoded(), target);
    }

    private static void write(String type, byte[] der, Path target) throws IOException {
        String body = Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(der);
        Files.writeString(target, "-----BEGIN " + type + "-----\n" + body + "\n-----END " + type + "-----\n",
                StandardCharsets.US_ASCII);
    }
}
