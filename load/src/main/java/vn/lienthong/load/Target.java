package vn.lienthong.load;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.cert.CertificateFactory;
import java.time.Duration;

import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;

/** The adapter under load: its base URLs, its data folder (credentials, demo CA) and one shared HTTP client. */
final class Target {

    /** The organisation the simulator plays (run.sh's COUNTERPART_ORGAN). */
    static final String COUNTERPART = "000.00.00.H41";

    private final URI http;
    private final URI https;
    private final Credentials credentials;
    private final HttpClient client;

    Target(URI http, URI https, Path dataDir) throws Exception {
        this.http = slash(http);
        this.https = slash(https);
        this.credentials = Credentials.fromDataDir(dataDir);
        this.client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).sslContext(trustingDemoCa(dataDir))
                .connectTimeout(Duration.ofSeconds(10)).build();
    }

    Credentials credentials() {
        return credentials;
    }

    HttpClient client() {
        return client;
    }

    URI http(String path) {
        return http.resolve(path);
    }

    URI https(String path) {
        return https.resolve(path);
    }

    /** An old-protocol token for the demo organisation, issued with the admin token (EdocAdmin, over HTTPS). */
    String issueLegacyToken() throws IOException, InterruptedException {
        if (credentials.adminToken() == null) {
            throw new IllegalStateException("no admin-token in the data folder: cannot issue an old-protocol token");
        }
        HttpResponse<String> r = client.send(HttpRequest.newBuilder(https("services/EdocAdmin/tokens"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("Authorization", "Bearer " + credentials.adminToken())
                .POST(HttpRequest.BodyPublishers.ofString("organId=" + credentials.organId())).build(),
                HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() != 200 || !r.body().contains("token=")) {
            throw new IllegalStateException("token issue refused: HTTP " + r.statusCode() + " "
                    + r.body().lines().findFirst().orElse(""));
        }
        return r.body().replaceAll("(?s).*token=([^\\n]+)\\n.*", "$1").trim();
    }

    private static URI slash(URI u) {
        return u.toString().endsWith("/") ? u : URI.create(u + "/");
    }

    /** Trusts only the demo CA that issued the adapter's TLS certificate. */
    private static SSLContext trustingDemoCa(Path dataDir) throws Exception {
        Path ca = dataDir.resolve("keys").resolve("tls-ca.pem");
        if (!Files.exists(ca)) {
            ca = dataDir.resolve("keys").resolve("demo-ca.pem");
        }
        KeyStore trust = KeyStore.getInstance("PKCS12");
        trust.load(null, null);
        try (InputStream in = Files.newInputStream(ca)) {
            int i = 0;
            for (var cert : CertificateFactory.getInstance("X.509").generateCertificates(in)) {
                trust.setCertificateEntry("ca" + i++, cert);
            }
        }
        TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        tmf.init(trust);
        SSLContext ctx = SSLContext.getInstance("TLS");
        ctx.init(null, tmf.getTrustManagers(), null);
        return ctx;
    }
}
