package vn.lienthong.adapter.soap;

import java.security.Principal;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Set;

import jakarta.xml.soap.SOAPMessage;

import org.apache.cxf.binding.soap.SoapFault;
import org.apache.cxf.binding.soap.SoapMessage;
import org.apache.cxf.interceptor.Fault;
import org.apache.cxf.ws.security.wss4j.WSS4JInInterceptor;
import org.apache.wss4j.common.crypto.AlgorithmSuite;
import org.apache.wss4j.common.ext.WSSecurityException;
import org.apache.wss4j.dom.WSConstants;
import org.apache.wss4j.dom.WSDataRef;
import org.apache.wss4j.dom.engine.WSSecurityEngineResult;
import org.apache.wss4j.dom.handler.RequestData;
import org.apache.wss4j.dom.handler.WSHandlerConstants;
import org.apache.wss4j.dom.handler.WSHandlerResult;
import org.apache.wss4j.dom.message.token.Timestamp;
import org.apache.wss4j.dom.message.token.UsernameToken;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

import vn.lienthong.adapter.audit.control.AuditLog;
import vn.lienthong.adapter.security.control.ReplayGuard;
import vn.lienthong.adapter.security.entity.XmlSignatureAlgorithm;
import vn.lienthong.adapter.security.entity.XmlSignatureAlgorithm.Kind;

/**
 * WSS4J's verification of a request, then what WSS4J cannot decide alone:
 * <ul>
 * <li>algorithms: WSS4J enforces the suite built from {@link XmlSignatureAlgorithm}; SHA-1 is in that suite only
 * when an operator named clients in {@code adapter.ws.sha1-clients}, and then only those users may use it (each
 * use audited). A refused algorithm is recognised in the request itself and reported as {@code AUTH.ALGORITHM};</li>
 * <li>replay, on every node sharing the database ({@link ReplayGuard}): the signature value on the signed profile,
 * the UsernameToken's nonce + created on the UsernameToken profile;</li>
 * <li>coverage, on the signed profile: the signature covers the envelope's own Body and the Timestamp of the
 * Security header ({@link EnvelopeShape}), decided on the nodes WSS4J verified. This replaces CXF's
 * {@code DefaultCryptoCoverageChecker}, which built an XPath factory (a class-path service lookup) and evaluated
 * XPath expressions on every request for the same answer.</li>
 * </ul>
 */
final class VerifyingInInterceptor extends WSS4JInInterceptor {

    private static final String DSIG_NS = "http://www.w3.org/2000/09/xmldsig#";

    private final boolean signedProfile;
    private final Set<String> sha1Clients;
    private final int timestampTtlSeconds;
    private final int futureTtlSeconds;
    private final ReplayGuard replays;
    private final AuditLog audit;
    /** Built once: the settings it depends on are fixed for the endpoint's life, and every request uses it. */
    private final AlgorithmSuite requestSuite;

    VerifyingInInterceptor(Map<String, Object> properties, boolean signedProfile, Set<String> sha1Clients,
            int timestampTtlSeconds, int futureTtlSeconds, ReplayGuard replays, AuditLog audit) {
        super(properties);
        this.signedProfile = signedProfile;
        this.sha1Clients = sha1Clients;
        this.timestampTtlSeconds = timestampTtlSeconds;
        this.futureTtlSeconds = futureTtlSeconds;
        this.replays = replays;
        this.audit = audit;
        this.requestSuite = algorithmSuite(!sha1Clients.isEmpty());
    }

    /** The suite WSS4J enforces on request signatures: the strong algorithms, SHA-1 only if some client may use it. */
    static AlgorithmSuite algorithmSuite(boolean withSha1) {
        AlgorithmSuite suite = new AlgorithmSuite();
        XmlSignatureAlgorithm.uris(Kind.SIGNATURE, withSha1).forEach(suite::addSignatureMethod);
        XmlSignatureAlgorithm.uris(Kind.DIGEST, withSha1).forEach(suite::addDigestAlgorithm);
        XmlSignatureAlgorithm.uris(Kind.CANONICALIZATION, false).forEach(suite::addC14nAlgorithm);
        XmlSignatureAlgorithm.uris(Kind.CANONICALIZATION, false).forEach(suite::addTransformAlgorithm);
        suite.setMinimumAsymmetricKeyLength(XmlSignatureAlgorithm.MIN_RSA_KEY_BITS);
        return suite;
    }

    @Override
    protected void setAlgorithmSuites(SoapMessage message, RequestData data) throws WSSecurityException {
        if (signedProfile) {
            data.setAlgorithmSuite(requestSuite);
        }
    }

    /** WSS4J's replay caches are per node and in memory; the database check below replaces them. */
    @Override
    protected void configureReplayCaches(RequestData data, List<Integer> actions, SoapMessage message) {
        // deliberately none
    }

    @Override
    public void handleMessage(SoapMessage message) throws Fault {
        if (isGET(message)) {
            return;
        }
        // Found by CXF's TokenStoreUtils before it would look up or build an EHCache store for this request.
        message.put(org.apache.cxf.ws.security.SecurityConstants.TOKEN_STORE_CACHE_INSTANCE, NoTokenStore.INSTANCE);
        try {
            super.handleMessage(message);
        } catch (SoapFault fault) {
            rememberUserName(message);
            if (signedProfile && usesRefusedAlgorithm(message)) {
                throw refusal(WsRefusals.ALGORITHM);
            }
            throw fault;
        } catch (IllegalArgumentException e) {
            // WSS4J lets some unreadable tokens through as they are (a BinarySecurityToken that is not base64).
            rememberUserName(message);
            throw refusal(WsRefusals.HEADER, "unreadable security header: " + e.getMessage());
        }
        List<WSSecurityEngineResult> results = results(message);
        String user = user(results);
        checkEnvelopeShape(message, results);
        if (signedProfile) {
            checkLegacyAlgorithms(results, user, message);
        }
        checkReplay(results, user);
    }

    /**
     * Signature wrapping: WSS4J verifies whatever element the signature references; only an envelope of exactly
     * Envelope/(Header?)/Body, whose own Body is the signed one, is acted on ({@link EnvelopeShape}).
     */
    private void checkEnvelopeShape(SoapMessage message, List<WSSecurityEngineResult> results) {
        SOAPMessage soap = message.getContent(SOAPMessage.class);
        if (soap == null) {
            rememberUserName(message);
            throw refusal(WsRefusals.SIGNATURE, "no SOAP document to check the envelope's structure on");
        }
        String ns = message.getVersion().getNamespace();
        java.util.Optional<String> problem = EnvelopeShape.problem(soap.getSOAPPart(), ns);
        if (problem.isEmpty() && signedProfile) {
            List<WSDataRef> refs = new ArrayList<>();
            for (WSSecurityEngineResult r : results) {
                @SuppressWarnings("unchecked")
                List<WSDataRef> signed = (List<WSDataRef>) r.get(WSSecurityEngineResult.TAG_DATA_REF_URIS);
                if (action(r) == WSConstants.SIGN && signed != null) {
                    refs.addAll(signed);
                }
            }
            problem = EnvelopeShape.signedBodyProblem(refs, EnvelopeShape.ownBody(soap.getSOAPPart(), ns), ns);
            if (problem.isEmpty()) {
                problem = EnvelopeShape.signedTimestampProblem(refs, timestampElement(results));
            }
        }
        if (problem.isPresent()) {
            rememberUserName(message);
            throw refusal(WsRefusals.SIGNATURE, "envelope structure: " + problem.get());
        }
    }

    /** The Timestamp WSS4J processed (a child of the Security header it verified), or null. */
    private static Element timestampElement(List<WSSecurityEngineResult> results) {
        for (WSSecurityEngineResult r : results) {
            if (action(r) == WSConstants.TS && r.get(WSSecurityEngineResult.TAG_TIMESTAMP) instanceof Timestamp ts) {
                return ts.getElement();
            }
        }
        return null;
    }

    void checkLegacyAlgorithms(List<WSSecurityEngineResult> results, String user, SoapMessage message) {
        List<String> legacy = new ArrayList<>();
        for (WSSecurityEngineResult r : results) {
            if (action(r) == WSConstants.SIGN) {
                addIfLegacy(legacy, (String) r.get(WSSecurityEngineResult.TAG_SIGNATURE_METHOD));
                @SuppressWarnings("unchecked")
                List<WSDataRef> refs = (List<WSDataRef>) r.get(WSSecurityEngineResult.TAG_DATA_REF_URIS);
                if (refs != null) {
                    refs.forEach(ref -> addIfLegacy(legacy, ref.getDigestAlgorithm()));
                }
            }
        }
        if (legacy.isEmpty()) {
            return;
        }
        if (user == null || !sha1Clients.contains(user)) {
            throw refusal(WsRefusals.ALGORITHM);
        }
        audit.record(user, "WS_SHA1_USE", null, "ACCEPTED", "AUTH.ALGORITHM.SHA1",
                "client=" + WsRefusals.clientAddress(message) + " allowed by adapter.ws.sha1-clients: " + legacy);
    }

    private static void addIfLegacy(List<String> legacy, String uri) {
        if (uri != null && XmlSignatureAlgorithm.isLegacy(uri) && !legacy.contains(uri)) {
            legacy.add(uri);
        }
    }

    private void checkReplay(List<WSSecurityEngineResult> results, String user) {
        Instant created = null;
        String signatureValue = null;
        UsernameToken token = null;
        for (WSSecurityEngineResult r : results) {
            int action = action(r);
            if (action == WSConstants.TS && r.get(WSSecurityEngineResult.TAG_TIMESTAMP) instanceof Timestamp ts) {
                created = ts.getCreated();
            } else if (action == WSConstants.SIGN && signatureValue == null
                    && r.get(WSSecurityEngineResult.TAG_SIGNATURE_VALUE) instanceof byte[] value) {
                signatureValue = Base64.getEncoder().encodeToString(value);
            } else if (action == WSConstants.UT
                    && r.get(WSSecurityEngineResult.TAG_USERNAME_TOKEN) instanceof UsernameToken ut) {
                token = ut;
            }
        }
        ReplayGuard.Outcome outcome;
        if (signedProfile && signatureValue != null) {
            outcome = replays.firstUse(expiry(created), "signature", signatureValue);
        } else if (!signedProfile && token != null && token.getNonce() != null) {
            Instant utCreated = token.getCreatedDate() != null ? token.getCreatedDate() : created;
            outcome = replays.firstUse(expiry(utCreated), "username-token", user, token.getNonce(),
                    token.getCreated());
        } else {
            return; // WSS4J already refused a request without signature / the validator one without nonce
        }
        if (outcome == ReplayGuard.Outcome.REPLAY) {
            throw refusal(WsRefusals.REPLAY);
        }
        if (outcome == ReplayGuard.Outcome.STORE_FULL) {
            throw refusal(WsRefusals.REPLAY_CAPACITY);
        }
    }

    /** Until when the request could still be accepted: created + TTL + allowed clock skew. */
    private OffsetDateTime expiry(Instant created) {
        Instant base = created != null ? created : Instant.now();
        return base.plusSeconds(timestampTtlSeconds + (long) futureTtlSeconds).atOffset(ZoneOffset.UTC);
    }

    /** True when a SignatureMethod, DigestMethod, CanonicalizationMethod or Transform is outside the strong set. */
    private boolean usesRefusedAlgorithm(SoapMessage message) {
        SOAPMessage soap = message.getContent(SOAPMessage.class);
        if (soap == null) {
            return false;
        }
        return refused(soap, "SignatureMethod", Kind.SIGNATURE) || refused(soap, "DigestMethod", Kind.DIGEST)
                || refused(soap, "CanonicalizationMethod", Kind.CANONICALIZATION);
    }

    private boolean refused(SOAPMessage soap, String element, Kind kind) {
        NodeList nodes = soap.getSOAPPart().getElementsByTagNameNS(DSIG_NS, element);
        for (int i = 0; i < nodes.getLength(); i++) {
            String uri = ((Element) nodes.item(i)).getAttribute("Algorithm");
            boolean allowedLegacy = XmlSignatureAlgorithm.isLegacy(uri) && !sha1Clients.isEmpty();
            if (!XmlSignatureAlgorithm.isStrong(kind, uri) && !allowedLegacy) {
                return true;
            }
        }
        return false;
    }

    /** For the audit entry of a refusal: the UsernameToken's user name, when the request carries one. */
    private static void rememberUserName(SoapMessage message) {
        if (message.get(WsRefusals.USER) != null) {
            return;
        }
        SOAPMessage soap = message.getContent(SOAPMessage.class);
        if (soap == null) {
            return;
        }
        NodeList names = soap.getSOAPPart().getElementsByTagNameNS(WSConstants.WSSE_NS, "Username");
        if (names.getLength() > 0) {
            String name = names.item(0).getTextContent();
            message.put(WsRefusals.USER, name.length() > 100 ? name.substring(0, 100) : name.trim());
        }
    }

    @SuppressWarnings("unchecked")
    private static List<WSSecurityEngineResult> results(SoapMessage message) {
        List<WSSecurityEngineResult> all = new ArrayList<>();
        List<WSHandlerResult> results = (List<WSHandlerResult>) message.get(WSHandlerConstants.RECV_RESULTS);
        if (results != null) {
            results.forEach(r -> all.addAll(r.getResults()));
        }
        return all;
    }

    private static String user(List<WSSecurityEngineResult> results) {
        for (WSSecurityEngineResult r : results) {
            if (action(r) == WSConstants.UT && r.get(WSSecurityEngineResult.TAG_PRINCIPAL) instanceof Principal p) {
                return p.getName();
            }
        }
        return null;
    }

    private static int action(WSSecurityEngineResult r) {
        Integer action = (Integer) r.get(WSSecurityEngineResult.TAG_ACTION);
        return action == null ? -1 : action;
    }

    private static WsRefusal refusal(String code) {
        return refusal(code, null);
    }

    private static WsRefusal refusal(String code, String reason) {
        WsRefusals.Refusal r = WsRefusals.of(code);
        return new WsRefusal(code, r.text(), r.faultCode(), reason);
    }
}
