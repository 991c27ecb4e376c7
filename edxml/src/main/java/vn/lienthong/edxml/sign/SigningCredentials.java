package vn.lienthong.edxml.sign;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;

/** A private key and its certificate chain, signer certificate first. */
public record SigningCredentials(PrivateKey privateKey, List<X509Certificate> chain) {

    public SigningCredentials {
        Objects.requireNonNull(privateKey, "privateKey");
        chain = List.copyOf(chain);
        if (chain.isEmpty()) {
            throw new IllegalArgumentException("a signing certificate is required");
        }
    }

    public SigningCredentials(PrivateKey privateKey, X509Certificate... chain) {
        this(privateKey, List.of(chain));
    }

    public X509Certificate certificate() {
        return chain.get(0);
    }

    /**
     * Loads a key entry from a PKCS#12 file. {@code alias} may be null when the file holds exactly one key entry.
     * The password is used only here; callers should clear their array afterwards.
     */
    public static SigningCredentials fromPkcs12(Path file, char[] password, String alias)
            throws IOException, GeneralSecurityException {
        KeyStore store = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(file)) {
            store.load(in, password);
        }
        String chosen = alias;
        if (chosen == null) {
            List<String> keyAliases = new ArrayList<>();
            for (String a : Collections.list(store.aliases())) {
                if (store.isKeyEntry(a)) {
                    keyAliases.add(a);
                }
            }
            if (keyAliases.size() != 1) {
                throw new GeneralSecurityException("PKCS#12 file holds " + keyAliases.size()
                        + " key entries; name the alias to use");
            }
            chosen = keyAliases.get(0);
        }
        if (!store.isKeyEntry(chosen)) {
            throw new GeneralSecurityException("no key entry with alias '" + chosen + "'");
        }
        PrivateKey key = (PrivateKey) store.getKey(chosen, password);
        Certificate[] certs = store.getCertificateChain(chosen);
        if (certs == null || certs.length == 0) {
            throw new GeneralSecurityException("key entry '" + chosen + "' has no certificate");
        }
        List<X509Certificate> chain = new ArrayList<>();
        for (Certificate c : certs) {
            chain.add((X509Certificate) c);
        }
        return new SigningCredentials(key, chain);
    }
}
