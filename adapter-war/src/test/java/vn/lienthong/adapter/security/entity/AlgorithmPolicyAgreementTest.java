package vn.lienthong.adapter.security.entity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import javax.xml.parsers.DocumentBuilderFactory;

import org.apache.neethi.AssertionBuilderFactoryImpl;
import org.apache.neethi.PolicyBuilder;
import org.apache.wss4j.policy.builders.AlgorithmSuiteBuilder;
import org.apache.wss4j.policy.model.AlgorithmSuite;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

import vn.lienthong.adapter.security.entity.XmlSignatureAlgorithm.Kind;

/**
 * The WS-SecurityPolicy published in DocumentExchange.wsdl and what the adapter enforces come from different
 * places; this test keeps them in agreement. Each AlgorithmSuite of the WSDL is read with WSS4J's own policy model.
 *
 * <p>One deliberate difference: WS-SecurityPolicy 1.2 defines Basic256Sha256's [Asymmetric Signature] as RSA-SHA1
 * (only the digest is SHA-256). The adapter requires RSA-SHA256 or stronger — the signature's hash at least as
 * strong as the suite's digest — as the WSDL's comment tells client developers.
 */
class AlgorithmPolicyAgreementTest {

    private static final String SP = "http://docs.oasis-open.org/ws-sx/ws-securitypolicy/200702";
    private static final String SP13 = "http://docs.oasis-open.org/ws-sx/ws-securitypolicy/200802";

    @Test
    void everyAlgorithmSuiteOfTheWsdlIsWhatTheAdapterEnforces() throws Exception {
        List<AlgorithmSuite> suites = algorithmSuites();
        assertEquals(2, suites.size(), "one AlgorithmSuite per profile");
        Set<String> digests = XmlSignatureAlgorithm.uris(Kind.DIGEST, false);
        Set<String> c14n = XmlSignatureAlgorithm.uris(Kind.CANONICALIZATION, false);
        for (AlgorithmSuite suite : suites) {
            var type = suite.getAlgorithmSuiteType();
            assertEquals("Basic256Sha256", type.getName());
            XmlSignatureAlgorithm policyDigest = XmlSignatureAlgorithm.fromUri(type.getDigest()).orElseThrow();
            assertEquals(XmlSignatureAlgorithm.SHA256, policyDigest, "the policy's digest is our weakest digest");
            assertTrue(digests.contains(type.getDigest()));
            for (String uri : digests) {
                assertTrue(XmlSignatureAlgorithm.fromUri(uri).orElseThrow().hashBits() >= policyDigest.hashBits(),
                        "no accepted digest is weaker than the policy's: " + uri);
            }
            assertEquals(Set.of(suite.getC14n().getValue()), c14n, "exclusive C14N, as the policy says");
            for (String uri : XmlSignatureAlgorithm.uris(Kind.SIGNATURE, false)) {
                assertTrue(XmlSignatureAlgorithm.fromUri(uri).orElseThrow().hashBits() >= policyDigest.hashBits(),
                        "accepted signature methods hash at least as strongly as the policy's digest: " + uri);
            }
            assertFalse(XmlSignatureAlgorithm.uris(Kind.SIGNATURE, false).contains(type.getAsymmetricSignature()),
                    "the suite's nominal RSA-SHA1 is deliberately not accepted (see the class comment)");
            assertTrue(XmlSignatureAlgorithm.MIN_RSA_KEY_BITS >= type.getMinimumAsymmetricKeyLength());
        }
    }

    @Test
    void sha1IsOnlyALegacyExceptionAndTheAnswersUseThePolicysAlgorithms() {
        assertTrue(XmlSignatureAlgorithm.isLegacy(XmlSignatureAlgorithm.RSA_SHA1.uri()));
        assertTrue(XmlSignatureAlgorithm.isLegacy(XmlSignatureAlgorithm.SHA1.uri()));
        assertFalse(XmlSignatureAlgorithm.uris(Kind.SIGNATURE, false).contains(XmlSignatureAlgorithm.RSA_SHA1.uri()));
        assertFalse(XmlSignatureAlgorithm.uris(Kind.DIGEST, false).contains(XmlSignatureAlgorithm.SHA1.uri()));
        assertTrue(XmlSignatureAlgorithm.uris(Kind.DIGEST, true).contains(XmlSignatureAlgorithm.SHA1.uri()));
        assertEquals(XmlSignatureAlgorithm.SHA256, XmlSignatureAlgorithm.RESPONSE_DIGEST);
        assertEquals(XmlSignatureAlgorithm.RSA_SHA256, XmlSignatureAlgorithm.RESPONSE_SIGNATURE);
        for (XmlSignatureAlgorithm a : XmlSignatureAlgorithm.values()) {
            assertEquals(a, XmlSignatureAlgorithm.fromUri(a.uri()).orElseThrow());
            assertEquals(a, XmlSignatureAlgorithm.fromId(a.id()).orElseThrow());
        }
    }

    @Test
    void theUsernameTokenProfileAsksForNonceAndCreated() throws Exception {
        Element wsdl = wsdl();
        NodeList tokens = wsdl.getElementsByTagNameNS(SP, "UsernameToken");
        int withBoth = 0;
        for (int i = 0; i < tokens.getLength(); i++) {
            Element token = (Element) tokens.item(i);
            if (token.getElementsByTagNameNS(SP13, "Nonce").getLength() == 1
                    && token.getElementsByTagNameNS(SP13, "Created").getLength() == 1) {
                withBoth++;
            }
        }
        assertEquals(1, withBoth, "the TransportBinding profile's UsernameToken requires Nonce and Created");
    }

    private static List<AlgorithmSuite> algorithmSuites() throws Exception {
        PolicyBuilder policies = new PolicyBuilder();
        ((AssertionBuilderFactoryImpl) policies.getAssertionBuilderFactory()).registerBuilder(new AlgorithmSuiteBuilder());
        NodeList nodes = wsdl().getElementsByTagNameNS(SP, "AlgorithmSuite");
        List<AlgorithmSuite> suites = new ArrayList<>();
        for (int i = 0; i < nodes.getLength(); i++) {
            suites.add((AlgorithmSuite) new AlgorithmSuiteBuilder()
                    .build((Element) nodes.item(i), policies.getAssertionBuilderFactory()));
        }
        return suites;
    }

    private static Element wsdl() throws Exception {
        DocumentBuilderFactory dbf = DocumentBuilderFactory.newInstance();
        dbf.setNamespaceAware(true);
        dbf.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        try (InputStream in = AlgorithmPolicyAgreementTest.class.getResourceAsStream("/wsdl/DocumentExchange.wsdl")) {
            return dbf.newDocumentBuilder().parse(in).getDocumentElement();
        }
    }
}
