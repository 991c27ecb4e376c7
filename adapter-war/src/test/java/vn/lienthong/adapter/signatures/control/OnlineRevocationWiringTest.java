package vn.lienthong.adapter.signatures.control;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import vn.lienthong.adapter.configuration.AdapterSettings;
import vn.lienthong.adapter.configuration.SignatureSettings;
import vn.lienthong.docsig.DocumentReport;
import vn.lienthong.docsig.SignatureStatus;
import vn.lienthong.docsig.SignedPdfs;
import vn.lienthong.docsig.TestCa;

/**
 * The adapter's trust material with {@code adapter.signatures.revocation.online}: the CA's CRL is only at its
 * distribution point (a real local HTTP server). Off (default): REVOCATION_UNKNOWN and the server sees nothing; on:
 * the CRL is fetched and the signature is VALID.
 */
class OnlineRevocationWiringTest {

    @TempDir
    Path data;
    private HttpServer server;
    private final AtomicInteger requests = new AtomicInteger();
    private TestCa ca;
    private Path pdf;
    private Path anchors;
    private Path noCrls;

    @BeforeEach
    void setUp() throws Exception {
        ca = new TestCa("Test CA cua adapter");
        byte[] crl = ca.crl(Instant.now()).getEncoded();
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/ca.crl", x -> {
            requests.incrementAndGet();
            try (x) {
                x.sendResponseHeaders(200, crl.length);
                x.getResponseBody().write(crl);
            }
        });
        server.start();
        TestCa.Signer signer = ca.signerWithRevocationUrls("Nguyen Van Truc Tuyen",
                "http://127.0.0.1:" + server.getAddress().getPort() + "/ca.crl", null);
        pdf = SignedPdfs.sign(SignedPdfs.unsigned(data.resolve("unsigned.pdf")), data.resolve("signed.pdf"),
                SignedPdfs.Signing.of(signer));
        anchors = data.resolve("ca.pem");
        Files.writeString(anchors, "-----BEGIN CERTIFICATE-----\n" + Base64.getMimeEncoder().encodeToString(
                ca.certificate.getEncoded()) + "\n-----END CERTIFICATE-----\n", StandardCharsets.US_ASCII);
        noCrls = Files.createDirectory(data.resolve("no-crls"));
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    private DocumentReport verify(boolean online) {
        TrustMaterial trust = new TrustMaterial();
        trust.settings = AdapterSettings.from(TestSignatureSetup.config(Map.of("adapter.data.dir", data.toString(),
                "adapter.demo.enabled", "false", SignatureSettings.TRUST_ANCHORS, anchors.toString(),
                SignatureSettings.CRLS, noCrls.toString(), SignatureSettings.REVOCATION_ONLINE,
                Boolean.toString(online))));
        DocumentVerification v = new DocumentVerification();
        v.trust = trust;
        v.settings = trust.settings;
        return v.report(pdf, "signed.pdf");
    }

    @Test
    void offByDefaultTheServerSeesNothing() {
        DocumentReport r = verify(false);
        assertEquals(SignatureStatus.REVOCATION_UNKNOWN, r.overallStatus(), r.toString());
        assertEquals(0, requests.get());
    }

    @Test
    void onTheCrlIsFetchedFromTheDistributionPoint() {
        DocumentReport r = verify(true);
        assertEquals(SignatureStatus.VALID, r.overallStatus(), r.toString());
        assertEquals(1, requests.get());
    }
}
