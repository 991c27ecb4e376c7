package vn.lienthong.load;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.security.KeyStore;

import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.transform.Transformer;
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
 * The WS-Security header of each request, made fresh every time (the adapter refuses a replayed Timestamp, Nonce or
 * signature): WSS4J's DOM API on a parsed envelope, without a SOAP client stack. One instance per client thread.
 */
final class WsSecurity {

    static {
        WSSConfig.init();
    }

    private static final String RSA_SHA256 = "http://www.w3.org/2001/04/xmldsig-more#rsa-sha256";
    private static final String SHA256 = "http://www.w3.org/2001/04/xmlenc#sha256";

    private final DocumentBuilder parser;
    private final Transformer serializer;
    private final Merlin crypto;

    WsSecurity(KeyStore clientKeys) throws Exception {
        DocumentBuilderFactory dbf = DocumentBuilderFactory.newInstance();
        dbf.setNamespaceAware(true);
        parser = dbf.newDocumentBuilder();
        serializer = TransformerFactory.newInstance().newTransformer();
        if (clientKeys != null) {
            crypto = new Merlin();
            crypto.setKeyStore(clientKeys);
        } else {
            crypto = null;
        }
    }

    /** UsernameToken (text password) + Timestamp + RSA-SHA256 signature over both Timestamp and Body: the signed profile. */
    byte[] signed(String envelope, String user, String password, String keyAlias, char[] keyPassword) throws Exception {
        Document doc = parse(envelope);
        WSSecHeader header = new WSSecHeader(doc);
        header.insertSecurityHeader();
        WSSecUsernameToken ut = new WSSecUsernameToken(header);
        ut.setPasswordType(WSConstants.PASSWORD_TEXT);
        ut.setUserInfo(user, password);
        ut.build();
        WSSecTimestamp ts = new WSSecTimestamp(header);
        ts.setTimeToLive(300);
        ts.build();
        WSSecSignature sig = new WSSecSignature(header);
        sig.setUserInfo(keyAlias, new String(keyPassword));
        sig.setKeyIdentifierType(WSConstants.BST_DIRECT_REFERENCE);
        sig.setSignatureAlgorithm(RSA_SHA256);
        sig.setDigestAlgo(SHA256);
        sig.getParts().add(new WSEncryptionPart("Timestamp", WSConstants.WSU_NS, ""));
        sig.getParts().add(new WSEncryptionPart("Body", WSConstants.URI_SOAP11_ENV, ""));
        sig.build(crypto);
        return serialize(doc);
    }

    /** UsernameToken with Nonce and Created, plus a Timestamp; no signature: the UsernameToken profile (HTTPS only). */
    byte[] usernameToken(String envelope, String user, String password) throws Exception {
        Document doc = parse(envelope);
        WSSecHeader header = new WSSecHeader(doc);
        header.insertSecurityHeader();
        WSSecUsernameToken ut = new WSSecUsernameToken(header);
        ut.setPasswordType(WSConstants.PASSWORD_TEXT);
        ut.setUserInfo(user, password);
        ut.addNonce();
        ut.addCreated();
        ut.build();
        WSSecTimestamp ts = new WSSecTimestamp(header);
        ts.setTimeToLive(300);
        ts.build();
        return serialize(doc);
    }

    private Document parse(String envelope) throws Exception {
        parser.reset();
        return parser.parse(new ByteArrayInputStream(envelope.getBytes(StandardCharsets.UTF_8)));
    }

    private byte[] serialize(Document doc) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream(32 * 1024);
        serializer.transform(new DOMSource(doc), new StreamResult(out));
        return out.toByteArray();
    }
}
