package vn.lienthong.adapter.soap;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.security.KeyStore;
import java.security.cert.X509Certificate;
import java.time.Duration;

import javax.xml.parsers.DocumentBuilderFactory;

import org.apache.wss4j.common.WSEncryptionPart;
import org.apache.wss4j.common.crypto.AlgorithmSuite;
import org.apache.wss4j.common.crypto.Merlin;
import org.apache.wss4j.common.ext.WSSecurityException;
import org.apache.wss4j.dom.WSConstants;
import org.apache.wss4j.dom.engine.WSSConfig;
import org.apache.wss4j.dom.engine.WSSecurityEngine;
import org.apache.wss4j.dom.handler.RequestData;
import org.apache.wss4j.dom.message.WSSecHeader;
import org.apache.wss4j.dom.message.WSSecSignature;
import org.apache.wss4j.dom.message.WSSecTimestamp;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;

import vn.lienthong.adapter.security.entity.XmlSignatureAlgorithm;
import vn.lienthong.edxml.pki.DemoPki;

/**
 * The algorithm suite the signed profile hands to WSS4J, run through WSS4J's real verification: RSA-SHA1 or SHA-1
 * digests are refused unless SHA-1 clients are configured; the policy's algorithms always pass.
 */
class RequestAlgorithmSuiteTest {

    private static final char[] PASSWORD = "changeit".toCharArray();
    private static Merlin signer;
    private static Merlin verifier;

    @BeforeAll
    static void keys() throws Exception {
        WSSConfig.init();
        DemoPki ca = DemoPki.newCa("Test CA");
        DemoPki.Issued client = ca.issueRsa("Test client", Duration.ofDays(1));
        KeyStore keys = KeyStore.getInstance("PKCS12");
        keys.load(null, null);
        keys.setKeyEntry("client", client.privateKey(), PASSWORD,
                new X509Certificate[] {client.certificate(), client.caCertificate()});
        signer = new Merlin();
        signer.setKeyStore(keys);
        KeyStore trust = KeyStore.getInstance("PKCS12");
        trust.load(null, null);
        trust.setCertificateEntry("ca", ca.caCertificate());
        verifier = new Merlin();
        verifier.setTrustStore(trust);
    }

    @Test
    void sha1IsRefusedUnlessSha1ClientsAreConfigured() throws Exception {
        AlgorithmSuite strict = VerifyingInInterceptor.algorithmSuite(false);
        assertThrows(WSSecurityException.class, () -> verify(signed(XmlSignatureAlgorithm.RSA_SHA1,
                XmlSignatureAlgorithm.SHA1), strict));
        assertThrows(WSSecurityException.class, () -> verify(signed(XmlSignatureAlgorithm.RSA_SHA256,
                XmlSignatureAlgorithm.SHA1), strict));
        assertThrows(WSSecurityException.class, () -> verify(signed(XmlSignatureAlgorithm.RSA_SHA1,
                XmlSignatureAlgorithm.SHA256), strict));
        assertDoesNotThrow(() -> verify(signed(XmlSignatureAlgorithm.RSA_SHA1, XmlSignatureAlgorithm.SHA1),
                VerifyingInInterceptor.algorithmSuite(true)), "then the per-client check decides");
    }

    @Test
    void thePolicysAlgorithmsAndStrongerPass() {
        AlgorithmSuite strict = VerifyingInInterceptor.algorithmSuite(false);
        assertDoesNotThrow(() -> verify(signed(XmlSignatureAlgorithm.RSA_SHA256, XmlSignatureAlgorithm.SHA256), strict));
        assertDoesNotThrow(() -> verify(signed(XmlSignatureAlgorithm.RSA_SHA512, XmlSignatureAlgorithm.SHA384), strict));
    }

    private static Document signed(XmlSignatureAlgorithm signature, XmlSignatureAlgorithm digest) throws Exception {
        String envelope = "<soap:Envelope xmlns:soap=\"http://schemas.xmlsoap.org/soap/envelope/\"><soap:Header/>"
                + "<soap:Body><x:Ping xmlns:x=\"urn:test\">ping</x:Ping></soap:Body></soap:Envelope>";
        DocumentBuilderFactory dbf = DocumentBuilderFactory.newInstance();
        dbf.setNamespaceAware(true);
        Document doc = dbf.newDocumentBuilder()
                .parse(new ByteArrayInputStream(envelope.getBytes(StandardCharsets.UTF_8)));
        WSSecHeader header = new WSSecHeader(doc);
        header.insertSecurityHeader();
        new WSSecTimestamp(header).build();
        WSSecSignature sig = new WSSecSignature(header);
        sig.setUserInfo("client", new String(PASSWORD));
        sig.setKeyIdentifierType(WSConstants.BST_DIRECT_REFERENCE);
        sig.setSignatureAlgorithm(signature.uri());
        sig.setDigestAlgo(digest.uri());
        sig.getParts().add(new WSEncryptionPart("Timestamp", WSConstants.WSU_NS, ""));
        sig.getParts().add(new WSEncryptionPart("Body", WSConstants.URI_SOAP11_ENV, ""));
        sig.build(signer);
        return doc;
    }

    private static void verify(Document doc, AlgorithmSuite suite) throws WSSecurityException {
        RequestData data = new RequestData();
        data.setWssConfig(WSSConfig.getNewInstance());
        data.setSigVerCrypto(verifier);
        data.setAlgorithmSuite(suite);
        new WSSecurityEngine().processSecurityHeader(doc, data);
    }
}
