package vn.lienthong.adapter.soap;

import java.util.HashMap;
import java.util.Map;
import java.util.Set;

import javax.security.auth.callback.Callback;
import javax.security.auth.callback.CallbackHandler;
import javax.xml.namespace.QName;

import org.apache.cxf.ws.security.wss4j.WSS4JInInterceptor;
import org.apache.cxf.ws.security.wss4j.WSS4JOutInterceptor;
import org.apache.wss4j.common.ConfigurationConstants;
import org.apache.wss4j.common.crypto.Merlin;
import org.apache.wss4j.common.ext.WSPasswordCallback;
import org.apache.wss4j.dom.WSConstants;

import vn.lienthong.adapter.audit.control.AuditLog;
import vn.lienthong.adapter.security.control.KeyMaterial;
import vn.lienthong.adapter.security.control.CredentialStore;
import vn.lienthong.adapter.security.control.LoginThrottle;
import vn.lienthong.adapter.security.control.ReplayGuard;
import vn.lienthong.adapter.security.entity.XmlSignatureAlgorithm;

/**
 * The WS-Security profile of the secured service: requests carry UsernameToken (text password, checked against
 * stored hashes), a Timestamp and an X.509 signature over Timestamp and Body by a certificate issued by a trusted
 * CA; responses carry a Timestamp and a signature over Timestamp and Body by the adapter's key. Accepted signature
 * algorithms come from {@link XmlSignatureAlgorithm}; replays are refused on both profiles (shared by all nodes);
 * failed logins are throttled; every refusal gets a stable code and an audit entry ({@link RefusalFaults}).
 */
final class WsSecurityProfile {

    private static final String TRUST_CRYPTO = "lienthong.trustCrypto";
    private static final String ADAPTER_CRYPTO = "lienthong.adapterCrypto";
    private static final String SIGNED_PARTS = "{Element}{" + WSConstants.WSU_NS + "}Timestamp;"
            + "{Element}{" + WSConstants.URI_SOAP11_ENV + "}Body";

    /** Accepted clock skew: how far in the future a Timestamp or UsernameToken Created may lie. */
    private static final int FUTURE_TTL_SECONDS = 60;

    /** What the profiles need from the application. */
    record Dependencies(KeyMaterial keys, CredentialStore credentials, LoginThrottle throttle, ReplayGuard replays,
            AuditLog audit) {
    }

    private final KeyMaterial keys;
    private final CredentialStore credentials;
    private final LoginThrottle throttle;
    private final ReplayGuard replays;
    private final AuditLog audit;
    private final int timestampTtlSeconds;
    private final Set<String> sha1Clients;

    WsSecurityProfile(Dependencies d, int timestampTtlSeconds, Set<String> sha1Clients) {
        this.keys = d.keys();
        this.credentials = d.credentials();
        this.throttle = d.throttle();
        this.replays = d.replays();
        this.audit = d.audit();
        this.timestampTtlSeconds = timestampTtlSeconds;
        this.sha1Clients = sha1Clients;
    }

    /** Audits, logs (one line) and answers (stable code) every refusal of either profile. */
    RefusalFaults refusalFaults() {
        return new RefusalFaults(new WsRefusals(audit));
    }

    WSS4JInInterceptor requestVerifier() {
        Map<String, Object> p = new HashMap<>();
        p.put(ConfigurationConstants.ACTION, ConfigurationConstants.USERNAME_TOKEN + " "
                + ConfigurationConstants.TIMESTAMP + " " + ConfigurationConstants.SIGNATURE);
        p.put(ConfigurationConstants.PASSWORD_TYPE, WSConstants.PW_TEXT);
        p.put(ConfigurationConstants.SIG_VER_PROP_REF_ID, TRUST_CRYPTO);
        p.put(TRUST_CRYPTO, trustCrypto());
        freshness(p);
        p.put(ConfigurationConstants.ENABLE_REVOCATION, "false");
        // Any certificate chaining to a trusted CA passes here; which certificate a client must use is checked
        // against its credential by the application (SubmissionService), where the user is known.
        p.put(ConfigurationConstants.SIG_SUBJECT_CERT_CONSTRAINTS, ".*");
        noXopExpansion(p);
        Map<QName, Object> validators = new HashMap<>();
        validators.put(WSConstants.USERNAME_TOKEN, new CredentialStoreValidator(credentials, throttle, false));
        p.put(WSS4JInInterceptor.VALIDATOR_MAP, validators);
        return new VerifyingInInterceptor(p, true, sha1Clients, timestampTtlSeconds, FUTURE_TTL_SECONDS, replays,
                audit);
    }

    /**
     * Timestamp and UsernameToken Created: strict TTL, little skew. WSS4J's own replay caches are off: they are per
     * node and in memory; {@link VerifyingInInterceptor} checks replays in the database every node shares.
     */
    private void freshness(Map<String, Object> p) {
        p.put(ConfigurationConstants.TTL_TIMESTAMP, Integer.toString(timestampTtlSeconds));
        p.put(ConfigurationConstants.TTL_FUTURE_TIMESTAMP, Integer.toString(FUTURE_TTL_SECONDS));
        p.put(ConfigurationConstants.TIMESTAMP_STRICT, "true");
        p.put(ConfigurationConstants.TTL_USERNAMETOKEN, Integer.toString(timestampTtlSeconds));
        p.put(ConfigurationConstants.TTL_FUTURE_USERNAMETOKEN, Integer.toString(FUTURE_TTL_SECONDS));
        p.put(org.apache.cxf.ws.security.SecurityConstants.ENABLE_NONCE_CACHE, "false");
        p.put(org.apache.cxf.ws.security.SecurityConstants.ENABLE_TIMESTAMP_CACHE, "false");
    }

    /**
     * The signature covers the Body as sent: an MTOM part's {@code xop:Include} and its declared sha256, never the
     * part's bytes inlined (CXF's default with MTOM, which reads every part into memory as base64 text; a 2 GB
     * file cannot be). {@link SignedAttachmentParts} makes the digest mandatory (docs/large-attachments.md).
     */
    private static void noXopExpansion(Map<String, Object> p) {
        p.put(ConfigurationConstants.EXPAND_XOP_INCLUDE, "false");
    }

    /** The part-digest rule of the signed profile (see {@link #noXopExpansion}). */
    SignedAttachmentParts attachmentDigests() {
        return new SignedAttachmentParts();
    }

    /** The profile for use over TLS: UsernameToken (text password, checked against stored hashes) + Timestamp. */
    WSS4JInInterceptor usernameTokenVerifier() {
        Map<String, Object> p = new HashMap<>();
        p.put(ConfigurationConstants.ACTION, ConfigurationConstants.USERNAME_TOKEN + " "
                + ConfigurationConstants.TIMESTAMP);
        p.put(ConfigurationConstants.PASSWORD_TYPE, WSConstants.PW_TEXT);
        freshness(p);
        Map<QName, Object> validators = new HashMap<>();
        // Nonce + Created required: they are what makes a UsernameToken-only request unique (replay check).
        validators.put(WSConstants.USERNAME_TOKEN, new CredentialStoreValidator(credentials, throttle, true));
        noXopExpansion(p);
        p.put(WSS4JInInterceptor.VALIDATOR_MAP, validators);
        return new VerifyingInInterceptor(p, false, Set.of(), timestampTtlSeconds, FUTURE_TTL_SECONDS, replays,
                audit);
    }

    /** Responses of the TLS profile: a Timestamp, no signature (TLS protects the channel). */
    WSS4JOutInterceptor responseTimestamp() {
        Map<String, Object> p = new HashMap<>();
        p.put(ConfigurationConstants.ACTION, ConfigurationConstants.TIMESTAMP);
        return new WSS4JOutInterceptor(p);
    }

    WSS4JOutInterceptor responseSigner() {
        Map<String, Object> p = new HashMap<>();
        p.put(ConfigurationConstants.ACTION, ConfigurationConstants.TIMESTAMP + " " + ConfigurationConstants.SIGNATURE);
        p.put(ConfigurationConstants.USER, KeyMaterial.ADAPTER_ALIAS);
        p.put(ConfigurationConstants.SIG_PROP_REF_ID, ADAPTER_CRYPTO);
        p.put(ADAPTER_CRYPTO, adapterCrypto());
        p.put(ConfigurationConstants.SIG_KEY_ID, "DirectReference");
        p.put(ConfigurationConstants.SIGNATURE_PARTS, SIGNED_PARTS);
        p.put(ConfigurationConstants.SIG_ALGO, XmlSignatureAlgorithm.RESPONSE_SIGNATURE.uri());
        p.put(ConfigurationConstants.SIG_DIGEST_ALGO, XmlSignatureAlgorithm.RESPONSE_DIGEST.uri());
        p.put(ConfigurationConstants.SIG_C14N_ALGO, XmlSignatureAlgorithm.EXC_C14N.uri());
        p.put(ConfigurationConstants.PW_CALLBACK_REF, (CallbackHandler) this::keyPassword);
        // An MTOM answer (InlineResponses) is signed as it is sent: the Body with its xop:Include references and each
        // part's sha256 (AttachmentData/sha256), the parts streamed from disk afterwards, as requests are verified.
        noXopExpansion(p);
        return new WSS4JOutInterceptor(p);
    }

    private void keyPassword(Callback[] callbacks) {
        for (Callback c : callbacks) {
            if (c instanceof WSPasswordCallback pc) {
                pc.setPassword(new String(keys.password()));
            }
        }
    }

    /** Client certificate chains already validated are remembered briefly ({@link TrustedChains}). */
    private Merlin trustCrypto() {
        return new TrustedChains(keys.trustStore(), TrustedChains.DEFAULT_TTL, java.time.Clock.systemUTC());
    }

    private Merlin adapterCrypto() {
        Merlin merlin = new Merlin();
        merlin.setKeyStore(keys.adapterKeyStore());
        merlin.setTrustStore(keys.trustStore());
        return merlin;
    }
}
