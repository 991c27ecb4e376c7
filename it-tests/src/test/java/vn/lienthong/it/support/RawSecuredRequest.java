package vn.lienthong.it.support;

import java.io.IOException;
import java.io.InputStream;
import java.net.HttpURLConnection;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;

/**
 * Posts a WS-Security request signed by hand ({@link WsRequests}) over plain HTTP or the demo-CA HTTPS, so tests can
 * send what a well-behaved client never would: an old timestamp, a body changed after signing.
 */
public final class RawSecuredRequest {

    private RawSecuredRequest() {
    }

    public record Answer(int status, String body) {
    }

    /** RSA-SHA256 with SHA-256 digests: what the adapter's policy asks for. */
    public static final String RSA_SHA256 = WsRequests.RSA_SHA256;
    public static final String SHA256 = WsRequests.SHA256;
    /** RSA-SHA1 with SHA-1 digests: what the adapter refuses unless a client is listed in adapter.ws.sha1-clients. */
    public static final String RSA_SHA1 = WsRequests.RSA_SHA1;
    public static final String SHA1 = WsRequests.SHA1;

    /** Signs {@code bodyXml} (the SOAP Body's child) as the demo client, with a Timestamp created at {@code created}. */
    public static String sign(String bodyXml, DemoClient demo, String password, Instant created) {
        return sign(bodyXml, demo, password, created, RSA_SHA256, SHA256);
    }

    /** As {@link #sign(String, DemoClient, String, Instant)} with the given signature and digest algorithms. */
    public static String sign(String bodyXml, DemoClient demo, String password, Instant created,
            String signatureAlgorithm, String digestAlgorithm) {
        return WsRequests.signed(bodyXml, demo).user(demo.username(), password).withoutNonce().created(created)
                .algorithms(signatureAlgorithm, digestAlgorithm).build();
    }

    /**
     * The UsernameToken profile: a UsernameToken (text password, with Nonce and Created when {@code withNonce}) and a
     * Timestamp, no signature.
     */
    public static String usernameToken(String bodyXml, String user, String password, boolean withNonce) {
        WsRequests r = WsRequests.usernameToken(bodyXml, user, password);
        return (withNonce ? r : r.withoutNonce()).build();
    }

    public static String signNow(String bodyXml, DemoClient demo) throws Exception {
        return sign(bodyXml, demo, demo.password(), Instant.now());
    }

    public static String signedLongAgo(String bodyXml, DemoClient demo) throws Exception {
        return sign(bodyXml, demo, demo.password(), Instant.now().minus(Duration.ofHours(2)));
    }

    public static Answer post(URL endpoint, String soapAction, String envelope) throws IOException {
        HttpURLConnection c = (HttpURLConnection) endpoint.openConnection();
        if (c instanceof javax.net.ssl.HttpsURLConnection https) {
            try {
                // Micro's HTTPS certificate is issued by the test's demo CA (TlsKeyStoreExtension).
                https.setSSLSocketFactory(TlsKeyStoreExtension.clientContext().getSocketFactory());
            } catch (Exception e) {
                throw new IOException("no TLS context for the demo CA", e);
            }
        }
        c.setRequestMethod("POST");
        c.setDoOutput(true);
        c.setRequestProperty("Content-Type", "text/xml; charset=UTF-8");
        c.setRequestProperty("SOAPAction", "\"" + soapAction + "\"");
        c.getOutputStream().write(envelope.getBytes(StandardCharsets.UTF_8));
        int status = c.getResponseCode();
        InputStream in = status >= 400 ? c.getErrorStream() : c.getInputStream();
        String body = in == null ? "" : new String(in.readAllBytes(), StandardCharsets.UTF_8);
        return new Answer(status, body);
    }

    public static Answer get(URL url) throws IOException {
        HttpURLConnection c = (HttpURLConnection) url.openConnection();
        int status = c.getResponseCode();
        InputStream in = status >= 400 ? c.getErrorStream() : c.getInputStream();
        return new Answer(status, in == null ? "" : new String(in.readAllBytes(), StandardCharsets.UTF_8));
    }
}
