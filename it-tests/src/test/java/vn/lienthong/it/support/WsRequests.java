package vn.lienthong.it.support;

import java.io.ByteArrayInputStream;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.security.KeyStore;
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
 * WS-Security envelopes built piece by piece with the WSS4J DOM API, so a test can send what a well-behaved client
 * never would, leaving out or weakening exactly one element of the profile: no UsernameToken, a digest password, an
 * old Timestamp, a signature by a foreign key, SHA-1, a signature that does not cover the Body. The one place the
 * tests sign by hand ({@link RawSecuredRequest} and the hostile catalogue use it; {@link ExchangeClients} configures
 * CXF's own WSS4J interceptors instead, as an upgraded product would).
 */
public final class WsRequests {

    public static final String SOAP11 = "http://schemas.xmlsoap.org/soap/envelope/";
    public static final String RSA_SHA256 = "http://www.w3.org/2001/04/xmldsig-more#rsa-sha256";
    public static final String SHA256 = "http://www.w3.org/2001/04/xmlenc#sha256";
    public static final String RSA_SHA1 = "http://www.w3.org/2000/09/xmldsig#rsa-sha1";
    public static final String SHA1 = "http://www.w3.org/2000/09/xmldsig#sha1";

    static {
        WSSConfig.init();
    }

    private final String bodyXml;
    private String username;
    private String password;
    private String passwordType = WSConstants.PASSWORD_TEXT;
    private Instant created = Instant.now();
    private KeyStore signingKeys;
    private String signingAlias;
    private String signingPassword;
    private String signatureAlgorithm = RSA_SHA256;
    private String digestAlgorithm = SHA256;
    private boolean signTimestamp = true;
    private boolean signBody = true;
    private boolean nonce = true;

    private WsRequests(String bodyXml) {
        this.bodyXml = bodyXml;
    }

    /** Signed profile as the demo client: UsernameToken, Timestamp (now), RSA-SHA256 over Timestamp and Body. */
    public static WsRequests signed(String bodyXml, DemoClient demo) {
        WsRequests r = new WsRequests(bodyXml);
        r.username = demo.username();
        r.password = demo.password();
        r.signingKeys = demo.loadClientKeyStore();
        r.signingAlias = demo.clientAlias();
        r.signingPassword = new String(demo.keyStorePassword());
        return r;
    }

    /** TLS profile as the demo TLS client: UsernameToken and Timestamp, no signature. */
    public static WsRequests usernameToken(String bodyXml, DemoClient demo) {
        WsRequests r = new WsRequests(bodyXml);
        r.username = demo.tlsUsername();
        r.password = demo.tlsPassword();
        return r;
    }

    /** The UsernameToken profile for any user: UsernameToken and Timestamp, no signature. */
    public static WsRequests usernameToken(String bodyXml, String user, String password) {
        WsRequests r = new WsRequests(bodyXml);
        r.username = user;
        r.password = password;
        return r;
    }

    public WsRequests user(String name, String pw) {
        this.username = name;
        this.password = pw;
        return this;
    }

    public WsRequests withoutUsernameToken() {
        this.username = null;
        return this;
    }

    /** A UsernameToken without Nonce and Created (the signed profile does not need them). */
    public WsRequests withoutNonce() {
        this.nonce = false;
        return this;
    }

    public WsRequests digestPassword() {
        this.passwordType = WSConstants.PASSWORD_DIGEST;
        return this;
    }

    /** {@code null}: no Timestamp at all. */
    public WsRequests created(Instant at) {
        this.created = at;
        return this;
    }

    public WsRequests signedBy(KeyStore keys, String alias, String keyPassword) {
        this.signingKeys = keys;
        this.signingAlias = alias;
        this.signingPassword = keyPassword;
        return this;
    }

    public WsRequests unsigned() {
        this.signingKeys = null;
        return this;
    }

    public WsRequests algorithms(String signature, String digest) {
        this.signatureAlgorithm = signature;
        this.digestAlgorithm = digest;
        return this;
    }

    public WsRequests signOnly(boolean timestamp, boolean body) {
        this.signTimestamp = timestamp;
        this.signBody = body;
        return this;
    }

    public String build() {
        try {
            String envelope = "<soap:Envelope xmlns:soap=\"" + SOAP11 + "\"><soap:Header/><soap:Body>" + bodyXml
                    + "</soap:Body></soap:Envelope>";
            DocumentBuilderFactory dbf = DocumentBuilderFactory.newInstance();
            dbf.setNamespaceAware(true);
            Document doc = dbf.newDocumentBuilder().parse(new ByteArrayInputStream(envelope.getBytes(StandardCharsets.UTF_8)));
            WSSecHeader header = new WSSecHeader(doc);
            header.insertSecurityHeader();
            if (username != null) {
                WSSecUsernameToken ut = new WSSecUsernameToken(header);
                ut.setPasswordType(passwordType);
                ut.setUserInfo(username, password);
                if (nonce) {
                    ut.addNonce();
                    ut.addCreated();
                }
                ut.build();
            }
            if (created != null) {
                WSSecTimestamp ts = new WSSecTimestamp(header);
                ts.setTimeToLive(300);
                Instant at = created;
                ts.setWsTimeSource(() -> at);
                ts.build();
            }
            if (signingKeys != null) {
                WSSecSignature sig = new WSSecSignature(header);
                sig.setUserInfo(signingAlias, signingPassword);
                sig.setKeyIdentifierType(WSConstants.BST_DIRECT_REFERENCE);
                sig.setSignatureAlgorithm(signatureAlgorithm);
                sig.setDigestAlgo(digestAlgorithm);
                if (signTimestamp && created != null) {
                    sig.getParts().add(new WSEncryptionPart("Timestamp", WSConstants.WSU_NS, ""));
                }
                if (signBody) {
                    sig.getParts().add(new WSEncryptionPart("Body", WSConstants.URI_SOAP11_ENV, ""));
                }
                Merlin crypto = new Merlin();
                crypto.setKeyStore(signingKeys);
                sig.build(crypto);
            }
            StringWriter w = new StringWriter();
            TransformerFactory.newInstance().newTransformer().transform(new DOMSource(doc), new StreamResult(w));
            return w.toString();
        } catch (Exception e) {
            throw new IllegalStateException("Cannot build the WS-Security request", e);
        }
    }
}
