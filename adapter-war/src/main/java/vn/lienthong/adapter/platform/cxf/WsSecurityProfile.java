package vn.lienthong.adapter.platform.cxf;

import java.util.HashMap;
import java.util.Map;

import javax.security.auth.callback.Callback;
import javax.security.auth.callback.CallbackHandler;
import javax.xml.namespace.QName;

import org.apache.cxf.ws.security.wss4j.DefaultCryptoCoverageChecker;
import org.apache.cxf.ws.security.wss4j.WSS4JInInterceptor;
import org.apache.cxf.ws.security.wss4j.WSS4JOutInterceptor;
import org.apache.wss4j.common.ConfigurationConstants;
import org.apache.wss4j.common.crypto.Merlin;
import org.apache.wss4j.common.ext.WSPasswordCallback;
import org.apache.wss4j.dom.WSConstants;

import vn.lienthong.adapter.platform.keys.KeyMaterial;
import vn.lienthong.adapter.security.control.CredentialStore;

/**
 * The WS-Security profile of the secured service: requests carry UsernameToken (text password, checked against
 * stored hashes), a Timestamp and an X.509 signature over Timestamp and Body by a certificate issued by a trusted
 * CA; responses carry a Timestamp and a signature over Timestamp and Body by the adapter's key.
 */
final class WsSecurityProfile {

    private static final String TRUST_CRYPTO = "lienthong.trustCrypto";
    private static final String ADAPTER_CRYPTO = "lienthong.adapterCrypto";
    private static final String SIGNED_PARTS = "{Element}{" + WSConstants.WSU_NS + "}Timestamp;"
            + "{Element}{" + WSConstants.URI_SOAP11_ENV + "}Body";

    private final KeyMaterial keys;
    private final CredentialStore credentials;
    private final int timestampTtlSeconds;

    WsSecurityProfile(KeyMaterial keys, CredentialStore credentials, int timestampTtlSeconds) {
        this.keys = keys;
        this.credentials = credentials;
        this.timestampTtlSeconds = timestampTtlSeconds;
    }

    WSS4JInInterceptor requestVerifier() {
        Map<String, Object> p = new HashMap<>();
        p.put(ConfigurationConstants.ACTION, ConfigurationConstants.USERNAME_TOKEN + " "
                + ConfigurationConstants.TIMESTAMP + " " + ConfigurationConstants.SIGNATURE);
        p.put(ConfigurationConstants.PASSWORD_TYPE, WSConstants.PW_TEXT);
        p.put(ConfigurationConstants.SIG_VER_PROP_REF_ID, TRUST_CRYPTO);
        p.put(TRUST_CRYPTO, trustCrypto());
        p.put(ConfigurationConstants.TTL_TIMESTAMP, Integer.toString(timestampTtlSeconds));
        p.put(ConfigurationConstants.TTL_FUTURE_TIMESTAMP, "60");
        p.put(ConfigurationConstants.TIMESTAMP_STRICT, "true");
        p.put(ConfigurationConstants.ENABLE_REVOCATION, "false");
        // Any certificate chaining to a trusted CA passes here; which certificate a client must use is checked
        // against its credential by the application (SubmissionService), where the user is known.
        p.put(ConfigurationConstants.SIG_SUBJECT_CERT_CONSTRAINTS, ".*");
        Map<QName, Object> validators = new HashMap<>();
        validators.put(WSConstants.USERNAME_TOKEN, new CredentialStoreValidator(credentials));
        p.put(WSS4JInInterceptor.VALIDATOR_MAP, validators);
        return new WSS4JInInterceptor(p);
    }

    /** The profile for use over TLS: UsernameToken (text password, checked against stored hashes) + Timestamp. */
    WSS4JInInterceptor usernameTokenVerifier() {
        Map<String, Object> p = new HashMap<>();
        p.put(ConfigurationConstants.ACTION, ConfigurationConstants.USERNAME_TOKEN + " "
                + ConfigurationConstants.TIMESTAMP);
        p.put(ConfigurationConstants.PASSWORD_TYPE, WSConstants.PW_TEXT);
        p.put(ConfigurationConstants.TTL_TIMESTAMP, Integer.toString(timestampTtlSeconds));
        p.put(ConfigurationConstants.TTL_FUTURE_TIMESTAMP, "60");
        p.put(ConfigurationConstants.TIMESTAMP_STRICT, "true");
        Map<QName, Object> validators = new HashMap<>();
        validators.put(WSConstants.USERNAME_TOKEN, new CredentialStoreValidator(credentials));
        p.put(WSS4JInInterceptor.VALIDATOR_MAP, validators);
        return new WSS4JInInterceptor(p);
    }

    /** Responses of the TLS profile: a Timestamp, no signature (TLS protects the channel). */
    WSS4JOutInterceptor responseTimestamp() {
        Map<String, Object> p = new HashMap<>();
        p.put(ConfigurationConstants.ACTION, ConfigurationConstants.TIMESTAMP);
        return new WSS4JOutInterceptor(p);
    }

    /** Refuses requests whose signature does not cover both Body and Timestamp. */
    DefaultCryptoCoverageChecker coverageChecker() {
        DefaultCryptoCoverageChecker checker = new DefaultCryptoCoverageChecker();
        checker.setSignBody(true);
        checker.setSignTimestamp(true);
        checker.setEncryptBody(false);
        checker.setSignAddressingHeaders(false);
        // The UsernameToken travels in clear inside the signed request; the TLS profile protects it on the wire.
        checker.setEncryptUsernameToken(false);
        return checker;
    }

    WSS4JOutInterceptor responseSigner() {
        Map<String, Object> p = new HashMap<>();
        p.put(ConfigurationConstants.ACTION, ConfigurationConstants.TIMESTAMP + " " + ConfigurationConstants.SIGNATURE);
        p.put(ConfigurationConstants.USER, KeyMaterial.ADAPTER_ALIAS);
        p.put(ConfigurationConstants.SIG_PROP_REF_ID, ADAPTER_CRYPTO);
        p.put(ADAPTER_CRYPTO, adapterCrypto());
        p.put(ConfigurationConstants.SIG_KEY_ID, "DirectReference");
        p.put(ConfigurationConstants.SIGNATURE_PARTS, SIGNED_PARTS);
        p.put(ConfigurationConstants.SIG_ALGO, "http://www.w3.org/2001/04/xmldsig-more#rsa-sha256");
        p.put(ConfigurationConstants.SIG_DIGEST_ALGO, "http://www.w3.org/2001/04/xmlenc#sha256");
        p.put(ConfigurationConstants.PW_CALLBACK_REF, (CallbackHandler) this::keyPassword);
        return new WSS4JOutInterceptor(p);
    }

    private void keyPassword(Callback[] callbacks) {
        for (Callback c : callbacks) {
            if (c instanceof WSPasswordCallback pc) {
                pc.setPassword(new String(keys.password()));
            }
        }
    }

    private Merlin trustCrypto() {
        Merlin merlin = new Merlin();
        merlin.setTrustStore(keys.trustStore());
        return merlin;
    }

    private Merlin adapterCrypto() {
        Merlin merlin = new Merlin();
        merlin.setKeyStore(keys.adapterKeyStore());
        merlin.setTrustStore(keys.trustStore());
        return merlin;
    }
}
