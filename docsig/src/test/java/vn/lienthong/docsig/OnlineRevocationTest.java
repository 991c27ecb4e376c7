package vn.lienthong.docsig;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.security.PrivateKey;
import java.security.cert.X509CRL;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.bouncycastle.asn1.ocsp.OCSPObjectIdentifiers;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.CRLReason;
import org.bouncycastle.asn1.x509.Extensions;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateHolder;
import org.bouncycastle.cert.ocsp.BasicOCSPResp;
import org.bouncycastle.cert.ocsp.BasicOCSPRespBuilder;
import org.bouncycastle.cert.ocsp.CertificateStatus;
import org.bouncycastle.cert.ocsp.OCSPReq;
import org.bouncycastle.cert.ocsp.OCSPRespBuilder;
import org.bouncycastle.cert.ocsp.Req;
import org.bouncycastle.cert.ocsp.RespID;
import org.bouncycastle.cert.ocsp.RevokedStatus;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.lienthong.docsig.pki.HttpRevocationFetcher;
import vn.lienthong.docsig.pki.OnlineRevocation;

/**
 * Online revocation (issue 14) against a real local HTTP server: the test CA's CRL at a distribution point and an
 * OCSP responder built with BouncyCastle, honest or hostile. Nothing is asked when online checking is off.
 */
class OnlineRevocationTest {

    /** What the OCSP responder does with the next request. */
    enum Responder { GOOD, REVOKED, DELEGATED_GOOD, WRONG_KEY, OVERSIZED, OTHER_NONCE, DRIPPING }

    private static final long MAX_BYTES = 64 * 1024;
    private static TestCa ca;
    private static TestCa.Signer delegated;
    private static TestCa stranger;
    private static HttpServer server;
    private static String base;
    private static final AtomicInteger crlRequests = new AtomicInteger();
    private static final AtomicInteger ocspRequests = new AtomicInteger();
    private static volatile byte[] servedCrl;
    private static volatile Responder responder = Responder.GOOD;

    private final AtomicInteger documents = new AtomicInteger();

    @TempDir
    Path tmp;

    @BeforeAll
    static void start() throws IOException {
        ca = new TestCa("Test CA truc tuyen");
        delegated = ca.ocspResponder();
        stranger = new TestCa("Test CA khac");
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/ca.crl", OnlineRevocationTest::crl);
        server.createContext("/ocsp", OnlineRevocationTest::ocsp);
        server.setExecutor(java.util.concurrent.Executors.newCachedThreadPool()); // a dripping answer blocks no other
        server.start();
        base = "http://127.0.0.1:" + server.getAddress().getPort();
    }

    @AfterAll
    static void stop() {
        server.stop(0);
    }

    @BeforeEach
    void reset() {
        crlRequests.set(0);
        ocspRequests.set(0);
        servedCrl = null;
        responder = Responder.GOOD;
    }

    private static void crl(HttpExchange x) throws IOException {
        crlRequests.incrementAndGet();
        byte[] body = servedCrl;
        try (x) {
            if (body == null) {
                x.sendResponseHeaders(404, -1);
                return;
            }
            x.sendResponseHeaders(200, body.length);
            x.getResponseBody().write(body);
        }
    }

    private static void ocsp(HttpExchange x) throws IOException {
        ocspRequests.incrementAndGet();
        try (x) {
            byte[] request = x.getRequestBody().readAllBytes();
            if (responder == Responder.OVERSIZED) {
                x.sendResponseHeaders(200, 0); // chunked: no length announced, the client must count while reading
                OutputStream out = x.getResponseBody();
                byte[] block = new byte[8192];
                for (int i = 0; i < 64; i++) { // 512 KiB, far beyond the 64 KiB limit
                    out.write(block);
                }
                return;
            }
            if (responder == Responder.DRIPPING) {
                x.sendResponseHeaders(200, 0);
                OutputStream out = x.getResponseBody();
                for (int i = 0; i < 30; i++) { // one byte every 200 ms: each read is quick, the whole is not
                    out.write(0x30);
                    out.flush();
                    Thread.sleep(200);
                }
                return;
            }
            byte[] answer = answer(new OCSPReq(request));
            x.getResponseHeaders().add("Content-Type", "application/ocsp-response");
            x.sendResponseHeaders(200, answer.length);
            x.getResponseBody().write(answer);
        } catch (IOException e) {
            // the client hung up (oversized or dripping answer): nothing to do
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (Exception e) {
            throw new IOException(e);
        }
    }

    private static byte[] answer(OCSPReq request) throws Exception {
        Req one = request.getRequestList()[0];
        X509Certificate signerCert = ca.certificate;
        PrivateKey key = ca.keys.getPrivate();
        if (responder == Responder.DELEGATED_GOOD) {
            signerCert = delegated.certificate();
            key = delegated.key();
        } else if (responder == Responder.WRONG_KEY) {
            key = stranger.keys.getPrivate(); // claims to be the CA, signed by another key
        }
        BasicOCSPRespBuilder b = new BasicOCSPRespBuilder(new RespID(X500Name.getInstance(
                signerCert.getSubjectX500Principal().getEncoded())));
        Date now = new Date();
        CertificateStatus status = responder == Responder.REVOKED
                ? new RevokedStatus(new Date(now.getTime() - 3_600_000L), CRLReason.keyCompromise)
                : CertificateStatus.GOOD;
        b.addResponse(one.getCertID(), status, now, new Date(now.getTime() + 3_600_000L), null);
        var nonce = request.getExtension(OCSPObjectIdentifiers.id_pkix_ocsp_nonce);
        if (responder == Responder.OTHER_NONCE) {
            nonce = new org.bouncycastle.asn1.x509.Extension(OCSPObjectIdentifiers.id_pkix_ocsp_nonce, false,
                    new org.bouncycastle.asn1.DEROctetString(new org.bouncycastle.asn1.DEROctetString(
                            new byte[16]).getEncoded()));
        }
        if (nonce != null) {
            b.setResponseExtensions(new Extensions(nonce));
        }
        X509CertificateHolder[] chain = responder == Responder.DELEGATED_GOOD
                ? new X509CertificateHolder[] {new JcaX509CertificateHolder(signerCert)} : null;
        BasicOCSPResp basic = b.build(new JcaContentSignerBuilder("SHA256withRSA").build(key), chain, now);
        return new OCSPRespBuilder().build(OCSPRespBuilder.SUCCESSFUL, basic).getEncoded();
    }

    private static DocumentSignatureVerifier online() {
        return DocumentSignatureVerifier.builder().trustAnchors(List.of(ca.certificate))
                .onlineRevocation(new OnlineRevocation(new HttpRevocationFetcher(Duration.ofSeconds(5), MAX_BYTES),
                        Duration.ofMinutes(10)))
                .build();
    }

    private SignatureReport verify(DocumentSignatureVerifier v, TestCa.Signer signer) throws Exception {
        String name = "signed-" + documents.incrementAndGet();
        Path pdf = SignedPdfs.sign(SignedPdfs.unsigned(tmp.resolve(name + "-unsigned.pdf")),
                tmp.resolve(name + ".pdf"), SignedPdfs.Signing.of(signer));
        DocumentReport r = v.verify(pdf, name + ".pdf");
        assertEquals(1, r.signatures().size(), r.toString());
        return r.signatures().get(0);
    }

    private static String deadUrl() throws IOException {
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return "http://127.0.0.1:" + s.getLocalPort() + "/ocsp"; // closed again at once: connection refused
        }
    }

    @Test
    void offlineByDefaultNothingIsAskedEvenWhenTheCertificateNamesWhere() throws Exception {
        servedCrl = ca.crl(Instant.now()).getEncoded();
        TestCa.Signer signer = ca.signerWithRevocationUrls("Offline Mac Dinh", base + "/ca.crl", base + "/ocsp");
        SignatureReport s = verify(DocumentSignatureVerifier.builder().trustAnchors(List.of(ca.certificate)).build(),
                signer);
        assertEquals(SignatureStatus.REVOCATION_UNKNOWN, s.status(), s.reason());
        assertTrue(s.reason().contains("offline check"), s.reason());
        assertEquals(0, crlRequests.get() + ocspRequests.get(), "the server saw a request");
    }

    @Test
    void crlFromTheDistributionPointSaysGoodAndIsCachedUntilItsNextUpdate() throws Exception {
        servedCrl = ca.crl(Instant.now()).getEncoded();
        DocumentSignatureVerifier v = online();
        TestCa.Signer signer = ca.signerWithRevocationUrls("Crl Tot", base + "/ca.crl", null);
        SignatureReport s = verify(v, signer);
        assertEquals(SignatureStatus.VALID, s.status(), s.reason());
        assertEquals(SignatureStatus.VALID, verify(v, ca.signerWithRevocationUrls("Crl Tot Hai", base + "/ca.crl",
                null)).status());
        assertEquals(1, crlRequests.get(), "the second verification uses the cached CRL");
    }

    @Test
    void crlFromTheDistributionPointListingTheSignerMakesItRevoked() throws Exception {
        TestCa.Signer signer = ca.signerWithRevocationUrls("Crl Thu Hoi", base + "/ca.crl", null);
        servedCrl = ca.crl(Instant.now().minus(Duration.ofHours(1)), signer.certificate()).getEncoded();
        SignatureReport s = verify(online(), signer);
        assertEquals(SignatureStatus.REVOKED, s.status(), s.reason());
        assertTrue(s.reason().contains("CRL fetched from " + base + "/ca.crl"), s.reason());
    }

    @Test
    void crlAtTheDistributionPointSignedByAnotherKeyIsNotUsed() throws Exception {
        TestCa.Signer signer = ca.signerWithRevocationUrls("Crl Gia", base + "/ca.crl", null);
        TestCa impostor = new TestCa("Test CA truc tuyen"); // same name, another key
        servedCrl = impostor.crl(Instant.now()).getEncoded();
        SignatureReport s = verify(online(), signer);
        assertEquals(SignatureStatus.REVOCATION_UNKNOWN, s.status(), s.reason());
        assertTrue(s.reason().contains("not signed by the issuer's key"), s.reason());
    }

    @Test
    void ocspGoodMakesTheSignatureValid() throws Exception {
        SignatureReport s = verify(online(), ca.signerWithRevocationUrls("Ocsp Tot", null, base + "/ocsp"));
        assertEquals(SignatureStatus.VALID, s.status(), s.reason());
        assertEquals(1, ocspRequests.get());
    }

    @Test
    void ocspGoodFromAResponderTheCaDelegatedIsAccepted() throws Exception {
        responder = Responder.DELEGATED_GOOD;
        SignatureReport s = verify(online(), ca.signerWithRevocationUrls("Ocsp Uy Quyen", null, base + "/ocsp"));
        assertEquals(SignatureStatus.VALID, s.status(), s.reason());
    }

    @Test
    void ocspRevokedMakesTheSignatureRevoked() throws Exception {
        responder = Responder.REVOKED;
        SignatureReport s = verify(online(), ca.signerWithRevocationUrls("Ocsp Thu Hoi", null, base + "/ocsp"));
        assertEquals(SignatureStatus.REVOKED, s.status(), s.reason());
        assertTrue(s.reason().contains("OCSP " + base + "/ocsp"), s.reason());
    }

    @Test
    void responderDownGivesUnknownWithTheReasonAndIsNotAskedAgainAtOnce() throws Exception {
        String dead = deadUrl();
        DocumentSignatureVerifier v = online();
        SignatureReport first = verify(v, ca.signerWithRevocationUrls("Ocsp Chet", null, dead));
        assertEquals(SignatureStatus.REVOCATION_UNKNOWN, first.status(), first.reason());
        assertTrue(first.reason().contains("OCSP " + dead), first.reason());
        SignatureReport second = verify(v, ca.signerWithRevocationUrls("Ocsp Chet Hai", null, dead));
        assertEquals(SignatureStatus.REVOCATION_UNKNOWN, second.status(), second.reason());
        assertTrue(second.reason().contains("failed moments ago"), second.reason());
    }

    @Test
    void ocspAnswerSignedByAnotherKeyIsRefused() throws Exception {
        responder = Responder.WRONG_KEY;
        SignatureReport s = verify(online(), ca.signerWithRevocationUrls("Ocsp Sai Khoa", null, base + "/ocsp"));
        assertEquals(SignatureStatus.REVOCATION_UNKNOWN, s.status(), s.reason());
        assertTrue(s.reason().contains("not signed by the issuer"), s.reason());
    }

    @Test
    void ocspAnswerWithTheNonceOfAnotherRequestIsRefused() throws Exception {
        responder = Responder.OTHER_NONCE;
        SignatureReport s = verify(online(), ca.signerWithRevocationUrls("Ocsp Phat Lai", null, base + "/ocsp"));
        assertEquals(SignatureStatus.REVOCATION_UNKNOWN, s.status(), s.reason());
        assertTrue(s.reason().contains("nonce"), s.reason());
    }

    @Test
    void oversizedOcspAnswerIsCutOffAtTheLimit() throws Exception {
        responder = Responder.OVERSIZED;
        SignatureReport s = verify(online(), ca.signerWithRevocationUrls("Ocsp Qua Lon", null, base + "/ocsp"));
        assertEquals(SignatureStatus.REVOCATION_UNKNOWN, s.status(), s.reason());
        assertTrue(s.reason().contains("limit of " + MAX_BYTES), s.reason());
    }

    @Test
    void drippingAnswerEndsAtTheDeadlineOfTheWholeExchange() throws Exception {
        responder = Responder.DRIPPING;
        DocumentSignatureVerifier v = DocumentSignatureVerifier.builder().trustAnchors(List.of(ca.certificate))
                .onlineRevocation(new OnlineRevocation(new HttpRevocationFetcher(Duration.ofMillis(600), MAX_BYTES),
                        Duration.ofMinutes(10))).build();
        SignatureReport s = verify(v, ca.signerWithRevocationUrls("Ocsp Cham", null, base + "/ocsp"));
        assertEquals(SignatureStatus.REVOCATION_UNKNOWN, s.status(), s.reason());
        assertTrue(s.reason().contains("within 600 ms"), s.reason());
    }

    @Test
    void aCrlAtHandIsUsedWithoutAskingTheNetwork() throws Exception {
        X509CRL atHand = ca.crl(Instant.now());
        DocumentSignatureVerifier v = DocumentSignatureVerifier.builder().trustAnchors(List.of(ca.certificate))
                .crls(List.of(atHand)).onlineRevocation(new OnlineRevocation(new HttpRevocationFetcher(
                        Duration.ofSeconds(5), MAX_BYTES), Duration.ofMinutes(10))).build();
        SignatureReport s = verify(v, ca.signerWithRevocationUrls("Crl San Co", base + "/ca.crl", base + "/ocsp"));
        assertEquals(SignatureStatus.VALID, s.status(), s.reason());
        assertEquals(0, crlRequests.get() + ocspRequests.get());
    }
}
