package vn.lienthong.adapter.soap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Set;

import org.apache.cxf.binding.soap.SoapMessage;
import org.apache.cxf.message.MessageImpl;
import org.apache.wss4j.dom.WSConstants;
import org.apache.wss4j.dom.WSDataRef;
import org.apache.wss4j.dom.engine.WSSecurityEngineResult;
import org.junit.jupiter.api.Test;

import vn.lienthong.adapter.audit.control.AuditLog;
import vn.lienthong.adapter.security.entity.XmlSignatureAlgorithm;

/** SHA-1 after WSS4J's check: only for the users an operator listed, and each use is audited. */
class Sha1ClientsTest {

    private final List<String> audited = new ArrayList<>();
    private final AuditLog audit = new AuditLog() {
        @Override
        public void record(String actor, String action, String organId, String outcome, String code, String detail) {
            audited.add(actor + " " + action + " " + outcome + " " + code);
        }
    };
    private final VerifyingInInterceptor verifier = new VerifyingInInterceptor(new HashMap<>(), true,
            Set.of("old-product"), 300, 60, null, audit);
    private final SoapMessage message = new SoapMessage(new MessageImpl());

    @Test
    void aListedClientMaySignWithSha1AndEachUseIsAudited() {
        verifier.checkLegacyAlgorithms(signature(XmlSignatureAlgorithm.RSA_SHA1, XmlSignatureAlgorithm.SHA1),
                "old-product", message);
        assertEquals(List.of("old-product WS_SHA1_USE ACCEPTED AUTH.ALGORITHM.SHA1"), audited);
    }

    @Test
    void anyOtherClientIsRefusedWithTheAlgorithmCode() {
        WsRefusal refusal = assertThrows(WsRefusal.class, () -> verifier.checkLegacyAlgorithms(
                signature(XmlSignatureAlgorithm.RSA_SHA256, XmlSignatureAlgorithm.SHA1), "demo-clerk", message));
        assertEquals("AUTH.ALGORITHM", refusal.code());
        assertTrue(audited.isEmpty(), "the refusal itself is audited on the fault path (RefusalFaults)");
    }

    @Test
    void strongAlgorithmsNeedNoException() {
        verifier.checkLegacyAlgorithms(signature(XmlSignatureAlgorithm.RSA_SHA256, XmlSignatureAlgorithm.SHA256),
                "demo-clerk", message);
        assertTrue(audited.isEmpty());
    }

    private static List<WSSecurityEngineResult> signature(XmlSignatureAlgorithm method, XmlSignatureAlgorithm digest) {
        WSSecurityEngineResult r = new WSSecurityEngineResult(WSConstants.SIGN);
        r.put(WSSecurityEngineResult.TAG_SIGNATURE_METHOD, method.uri());
        WSDataRef ref = new WSDataRef();
        ref.setDigestAlgorithm(digest.uri());
        r.put(WSSecurityEngineResult.TAG_DATA_REF_URIS, List.of(ref));
        return List.of(r);
    }
}
