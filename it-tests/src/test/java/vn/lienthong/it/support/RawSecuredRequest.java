package vn.lienthong.it.support;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringWriter;
import java.net.HttpURLConnection;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;

import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.transform.TransformerFactory;
import javax.xml.transform.dom.DOMSource;
import javax.xml.transform.stream.StreamResult;

import org.apache.wss4j.common.WSEncryptionPart;
import org.apache.wss4j.common.crypto.Merlin;
import org.apache.wss4j.dom.WSConstants;
import org.apache.wss4j.dom.engine.WSSConfig;
import org.apache.wss4j.dom.message.WSSecHeader;
import org.apache.wss4j.dom.message.WSSecSignature;
import org.apache.wss4j.dom.message.WSSecTimestamp;
import org.apache.wss4j.dom.message.WSSecUsernameToken;
import org.w3c.dom.Document;

/**
 * Builds a WS-Security request by hand with the WSS4J DOM API and posts it over plain HTTP, so tests can send
 * what a well-behaved client never would: an old timestamp, a body changed after signing.
 */
public final class RawSecuredRequest {

    static {
        WSSConfig.init();
    }

    private RawSecuredRequest() {
    }

    public record Answer(int status, String body) {
    }

    /** RSA-SHA256 with SHA-256 digests: what the adapter's policy asks for. */
    public static final String RSA_SHA256 = "http://www.w3.org/2001/04/xmldsig-more#rsa-sha256";
    public static final String SHA256 = "http://www.w3.org/2001/04/xmlenc#sha256";
    /** RSA-SHA1 with SHA-1 digests: what the adapter refuses unless a client is listed in adapter.ws.sha1-clients. */
    public static final String RSA_SHA1 = "http://www.w3.org/2000/09/xmldsig#rsa-sha1";
    public static final String SHA1 = "http://www.w3.org/2000/09/xmldsig#sha1";

    /** Signs {@code bodyXml} (the SOAP Body's child) as the demo client, with a Timestamp created at {@code created}. */
    public static String sign(String bodyXml, DemoClient demo, String password, Instant created) throws Exception {
        return sign(bodyXml, demo, password, created, RSA_SHA256, SHA256);
    }

    /** As {@link #sign(String, DemoClient, String, Instant)} with the given signature and digest algorithms. */
    public static String sign(String bodyXml, DemoClient demo, String password, Instant created,
            String signatureAlgorithm, String digestAlgorithm) throws Exception {
        String envelope = "<soap:Envelope xmlns:soap=\"http://schemas.xmlsoap.org/soap/envelope/\"><soap:Header/>"
                + "<soap:Body>" + bodyXml + "</soap:Body></soap:Envelope>";
        DocumentBuilderFactory dbf = DocumentBuilderFactory.newInstance();
        dbf.setNamespaceAware(true);
        Document doc = dbf.newDocumentBuilder().parse(new ByteArrayInputStream(envelope.getBytes(StandardCharsets.UTF_8)));

        WSSecHeader header = new WSSecHeader(doc);
        header.insertSecurityHeader();
        WSSecUsernameToken ut = new WSSecUsernameToken(header);
        ut.setPasswordType(WSConstants.PASSWORD_TEXT);
        ut.setUserInfo(demo.username(), password);
        ut.build();
        WSSecTimestamp ts = new WSSecTimestamp(header);
        ts.setTimeToLive(300);
        ts.setWsTimeSource(() -> created);
        ts.build();
        WSSecSignature sig = new WSSecSignature(header);
        sig.setUserInfo(demo.clientAlias(), new String(demo.keyStorePassword()));
        sig.setKeyIdentifierType(WSConstants.BST_DIRECT_REFERENCE);
        sig.setSignatureAlgorithm(signatureAlgorithm);
        sig.setDigestAlgo(digestAlgorithm);
        sig.getParts().add(new WSEncryptionPart("Timestamp", WSConstants.WSU_NS, ""));
        sig.getParts().add(new WSEncryptionPart("Body", WSConstants.URI_SOAP11_ENV, ""));
        Merlin crypto = new Merlin();
        crypto.setKeyStore(demo.loadClientKeyStore());
        sig.build(crypto);

        StringWriter w = new StringWriter();
        TransformerFactory.newInstance().newTransformer().transform(new DOMSource(doc), new StreamResult(w));
        return w.toString();
    }

    /**
     * The UsernameToken profile: a UsernameToken (text password, with Nonce and Created when {@code withNonce}) and a
     * Timestamp, no signature.
     */
    public static String usernameToken(String bodyXml, String user, String password, boolean withNonce)
            throws Exception {
        String envelope = "<soap:Envelope xmlns:soap=\"http://schemas.xmlsoap.org/soap/envelope/\"><soap:Header/>"
                + "<soap:Body>" + bodyXml + "</soap:Body></soap:Envelope>";
        DocumentBuilderFactory dbf = DocumentBuilderFactory.newInstance();
        dbf.setNamespaceAware(true);
        Document doc = dbf.newDocumentBuilder().parse(new ByteArrayInputStream(envelope.getBytes(StandardCharsets.UTF_8)));
        WSSecHeader header = new WSSecHeader(doc);
        header.insertSecurityHeader();
        WSSecUsernameToken ut = new WSSecUsernameToken(header);
        ut.setPasswordType(WSConstants.PASSWORD_TEXT);
        ut.setUserInfo(user, password);
        if (withNonce) {
            ut.addNonce();
            ut.addCreated();
        }
        ut.build();
        WSSecTimestamp ts = new WSSecTimestamp(header);
        ts.setTimeToLive(300);
        ts.build();
        StringWriter w = new StringWriter();
        TransformerFactory.newInstance().newTransformer().transform(new DOMSource(doc), new StreamResult(w));
        return w.toString();
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
