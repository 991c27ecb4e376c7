package vn.lienthong.edxml.pki;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Properties;

/**
 * The demo key folder ({@code adapter-data/keys}): one demo CA and everything it issues. Shared by the adapter
 * (first start in demo mode) and the launcher, which needs the TLS key before Payara Micro boots.
 *
 * <ul>
 * <li>{@code demo-ca.pem} / {@code demo-ca.p12} — the demo CA (certificate for clients; key kept to issue more)</li>
 * <li>{@code truststore.p12} — CAs whose client certificates the adapter accepts</li>
 * <li>{@code demo-client.p12} — the demo client's signing key</li>
 * <li>{@code adapter.p12} — the adapter's signing key (written last: it marks the folder as complete)</li>
 * <li>{@code tls.p12} — the HTTPS server key (alias {@value #TLS_ALIAS}), issued by the demo CA</li>
 * <li>{@code tls-clients.p12} — copy of the trust store for the HTTPS listener (client certificates)</li>
 * <li>{@code demo-signer.p12} — a demo document signer (alias {@value #DOCUMENT_SIGNER_ALIAS}, its certificate
 * naming an organisation), and {@code demo-ca.crl}, the demo CA's current (empty) CRL, rewritten at every start
 * (issue 14: the signatures inside documents)</li>
 * </ul>
 * All key stores share one password. Nothing here is ever committed or logged.
 */
public final class DemoKeyFolder {

    public static final String ADAPTER_ALIAS = "adapter";
    public static final String DEMO_CLIENT_ALIAS = "demo-client";
    public static final String TLS_ALIAS = "tls";
    public static final String DOCUMENT_SIGNER_ALIAS = "demo-signer";
    /** Organisation named in the demo document signer's certificate (subject O). */
    public static final String DOCUMENT_SIGNER_ORGANISATION = "Van phong Chinh phu (demo)";
    public static final String PASSWORD_FILE = "keystore.password";
    /** Client-certificate CAs for the HTTPS listener (Payara Micro's default trust store password). */
    public static final String LISTENER_TRUST_STORE = "tls-clients.p12";

    private static final Duration VALIDITY = Duration.ofDays(825);
    /** The demo CRL's next update: rewritten at every launcher start, so it stays current while the demo is used. */
    private static final Duration CRL_VALIDITY = Duration.ofDays(30);
    private static final SecureRandom RANDOM = new SecureRandom();

    private final Path dir;
    private final char[] password;

    public DemoKeyFolder(Path dir, char[] password) {
        this.dir = dir;
        this.password = password.clone();
    }

    public Path adapterKeyStore() {
        return dir.resolve("adapter.p12");
    }

    public Path tlsKeyStore() {
        return dir.resolve("tls.p12");
    }

    /** True once the CA, trust store, demo client and adapter keys exist. */
    public boolean complete() {
        return Files.exists(adapterKeyStore());
    }

    /** Creates the demo CA, the trust store, the demo client key and the adapter key. */
    public void create() {
        DemoPki ca = DemoPki.newCa("Lien thong demo CA");
        ca.writeCa(dir.resolve("demo-ca.p12"), password);
        ca.writeCaPem(dir.resolve("demo-ca.pem"));
        ca.writeTrustStore(dir.resolve("truststore.p12"), password);
        ca.issueRsa("demo-client", VALIDITY).writePkcs12(dir.resolve("demo-client.p12"), DEMO_CLIENT_ALIAS, password);
        ca.issueDocumentSigner("Nguyen Van Demo", DOCUMENT_SIGNER_ORGANISATION, VALIDITY)
                .writePkcs12(documentSignerKeyStore(), DOCUMENT_SIGNER_ALIAS, password);
        ca.writeCrl(dir.resolve("demo-ca.crl"), CRL_VALIDITY);
        // The adapter key is written last: its presence marks the demo material as complete.
        ca.issueRsa("lienthong-adapter", VALIDITY).writePkcs12(adapterKeyStore(), ADAPTER_ALIAS, password);
    }

    public Path documentSignerKeyStore() {
        return dir.resolve("demo-signer.p12");
    }

    /**
     * Issues the demo document signer if a folder made before it lacks one, and writes the demo CA's current CRL
     * (empty) again, so documents signed by demo certificates verify with a known revocation state. Needs the
     * demo CA key ({@code demo-ca.p12}); without it nothing is done.
     */
    public void ensureDocumentSigner() {
        if (!Files.exists(dir.resolve("demo-ca.p12"))) {
            return;
        }
        DemoPki ca = DemoPki.loadCa(dir.resolve("demo-ca.p12"), password);
        if (!Files.exists(documentSignerKeyStore())) {
            ca.issueDocumentSigner("Nguyen Van Demo", DOCUMENT_SIGNER_ORGANISATION, VALIDITY)
                    .writePkcs12(documentSignerKeyStore(), DOCUMENT_SIGNER_ALIAS, password);
        }
        ca.writeCrl(dir.resolve("demo-ca.crl"), CRL_VALIDITY);
    }

    /**
     * Makes sure {@code tls.p12} exists, issued for the given host names, and returns the PEM of the CA that
     * issued it (what clients must trust). A folder created before the demo CA key was kept gets a separate
     * demo TLS CA ({@code tls-ca.pem}) instead.
     */
    public Path ensureTlsKey(List<String> hostNames) {
        Path caPem = Files.exists(dir.resolve("tls-ca.pem")) ? dir.resolve("tls-ca.pem") : dir.resolve("demo-ca.pem");
        if (Files.exists(tlsKeyStore())) {
            return caPem;
        }
        DemoPki ca;
        if (Files.exists(dir.resolve("demo-ca.p12"))) {
            ca = DemoPki.loadCa(dir.resolve("demo-ca.p12"), password);
        } else {
            ca = DemoPki.newCa("Lien thong demo TLS CA");
            caPem = dir.resolve("tls-ca.pem");
            ca.writeCaPem(caPem);
        }
        ca.issueTlsServer(hostNames.get(0), hostNames, VALIDITY).writePkcs12(tlsKeyStore(), TLS_ALIAS, password);
        return caPem;
    }

    /**
     * Writes the standard JSSE key store properties for the TLS key ({@code javax.net.ssl.keyStore…}) as a
     * properties file readable by its owner only, for a server that reads its key store from system properties
     * (Payara Micro {@code --systemproperties}); the password stays off the command line.
     */
    public void writeJsseProperties(Path file) {
        Properties p = new Properties();
        p.setProperty("javax.net.ssl.keyStore", tlsKeyStore().toAbsolutePath().toString());
        p.setProperty("javax.net.ssl.keyStorePassword", new String(password));
        p.setProperty("javax.net.ssl.keyStoreType", "PKCS12");
        try {
            Path parent = file.toAbsolutePath().getParent();
            Files.createDirectories(parent);
            Path tmp = Files.createTempFile(parent, file.getFileName().toString(), ".tmp");
            ownerOnly(tmp);
            try (OutputStream out = Files.newOutputStream(tmp)) {
                p.store(out, "TLS key store of the HTTPS listener (generated; contains a secret)");
            }
            Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new DemoPki.PkiException("cannot write " + file.getFileName(), e);
        }
    }

    /**
     * Writes the certificates of {@code truststore.p12} (the CAs of client certificates) into {@code file} under
     * a fixed password, for a TLS listener that opens its trust store with its own default password (Payara: the
     * master password {@code changeit}). A trust store holds no secret; its password only guards integrity, and
     * the folder is the operator's.
     */
    public void writeListenerTrustStore(Path file, char[] storePassword) {
        try (var in = Files.newInputStream(dir.resolve("truststore.p12"))) {
            java.security.KeyStore source = java.security.KeyStore.getInstance("PKCS12");
            source.load(in, password);
            java.security.KeyStore copy = java.security.KeyStore.getInstance("PKCS12");
            copy.load(null, null);
            for (String alias : java.util.Collections.list(source.aliases())) {
                if (source.isCertificateEntry(alias)) {
                    copy.setCertificateEntry(alias, source.getCertificate(alias));
                }
            }
            Path tmp = Files.createTempFile(file.toAbsolutePath().getParent(), file.getFileName().toString(), ".tmp");
            try (OutputStream out = Files.newOutputStream(tmp)) {
                copy.store(out, storePassword);
            }
            Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException | java.security.GeneralSecurityException e) {
            throw new DemoPki.PkiException("cannot write " + file.getFileName(), e);
        }
    }

    /**
     * The key store password as the adapter finds it: {@code ADAPTER_KEYS_PASSWORD} / {@code adapter.keys.password},
     * else {@code <dir>/keystore.password}, generated (owner-readable only) when absent.
     */
    public static char[] password(Path dir) {
        String configured = System.getProperty("adapter.keys.password", System.getenv("ADAPTER_KEYS_PASSWORD"));
        if (configured != null && !configured.isEmpty()) {
            return configured.toCharArray();
        }
        Path file = dir.resolve(PASSWORD_FILE);
        try {
            if (!Files.exists(file)) {
                Files.createDirectories(dir);
                byte[] b = new byte[18];
                RANDOM.nextBytes(b);
                Files.writeString(file, Base64.getUrlEncoder().withoutPadding().encodeToString(b),
                        StandardCharsets.US_ASCII);
                ownerOnly(file);
            }
            return Files.readString(file, StandardCharsets.US_ASCII).trim().toCharArray();
        } catch (IOException e) {
            throw new DemoPki.PkiException("cannot read or create " + file.getFileName(), e);
        }
    }

    private static void ownerOnly(Path file) throws IOException {
        try {
            Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
        } catch (UnsupportedOperationException e) {
            // not a POSIX file system: nothing more we can do
        }
    }

    /**
     * Launcher step run before the server boots:
     * {@code DemoKeyFolder <keys-dir> <jsse-properties-file> [host ...]} creates the demo material if missing,
     * the TLS key for the hosts (default: localhost, 127.0.0.1 and this machine's name), the properties file and
     * the listener's client-certificate trust store ({@value #LISTENER_TRUST_STORE}), then prints the path of the CA certificate clients must trust. Prints no secret.
     */
    public static void main(String[] args) {
        if (args.length < 2) {
            System.err.println("usage: DemoKeyFolder <keys-dir> <jsse-properties-file> [host ...]");
            System.exit(64);
        }
        try {
            Path dir = Path.of(args[0]);
            DemoKeyFolder folder = new DemoKeyFolder(dir, password(dir));
            if (!folder.complete()) {
                folder.create();
            }
            folder.ensureDocumentSigner();
            List<String> hosts = new ArrayList<>(List.of(args).subList(2, args.length));
            if (hosts.isEmpty()) {
                hosts = defaultHosts();
            }
            Path caPem = folder.ensureTlsKey(hosts);
            folder.writeJsseProperties(Path.of(args[1]));
            // Rewritten at every start: the trust store may have gained CAs since.
            folder.writeListenerTrustStore(dir.resolve(LISTENER_TRUST_STORE), "changeit".toCharArray());
            System.out.println(caPem.toAbsolutePath());
        } catch (RuntimeException e) {
            System.err.println("error: " + e.getMessage());
            System.exit(2);
        }
    }

    private static List<String> defaultHosts() {
        LinkedHashSet<String> hosts = new LinkedHashSet<>(List.of("localhost", "127.0.0.1"));
        try {
            hosts.add(java.net.InetAddress.getLocalHost().getHostName());
        } catch (IOException e) {
            // no resolvable host name: localhost only
        }
        return List.copyOf(hosts);
    }
}
