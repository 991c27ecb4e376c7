package vn.lienthong.adapter.soap;

import java.util.Optional;

import org.apache.cxf.message.Message;
import org.apache.wss4j.common.ext.WSSecurityException;
import org.apache.wss4j.dom.handler.RequestData;
import org.apache.wss4j.dom.message.token.UsernameToken;
import org.apache.wss4j.dom.validate.UsernameTokenValidator;

import vn.lienthong.adapter.security.control.CredentialStore;
import vn.lienthong.adapter.security.control.LoginThrottle;
import vn.lienthong.adapter.security.entity.ClientCredential;

/**
 * Checks UsernameToken passwords against the salted hashes in the store, behind the shared {@link LoginThrottle}
 * (per user and per client address: once locked, even the right password is refused until the window ends).
 * Digest tokens are refused: verifying a digest needs the plain password, which the adapter never keeps. On the
 * UsernameToken profile the token must carry Nonce and Created, which the replay check needs.
 */
final class CredentialStoreValidator extends UsernameTokenValidator {

    /** Message key of the {@link ClientCredential} this request's password check read. */
    static final String CREDENTIAL_READ = "vn.lienthong.adapter.credential-read";

    private final CredentialStore credentials;
    private final LoginThrottle throttle;
    private final boolean nonceAndCreatedRequired;

    CredentialStoreValidator(CredentialStore credentials, LoginThrottle throttle, boolean nonceAndCreatedRequired) {
        this.credentials = credentials;
        this.throttle = throttle;
        this.nonceAndCreatedRequired = nonceAndCreatedRequired;
    }

    @Override
    protected void verifyPlaintextPassword(UsernameToken token, RequestData data) throws WSSecurityException {
        String user = token.getName();
        Message message = data.getMsgContext() instanceof Message m ? m : null;
        if (message != null && user != null) {
            message.put(WsRefusals.USER, user);
        }
        if (nonceAndCreatedRequired && (token.getNonce() == null || token.getCreated() == null)) {
            throw new CodedSecurityException(WsRefusals.NONCE);
        }
        String client = WsRefusals.clientAddress(message);
        String userKey = user == null ? null : LoginThrottle.user(user);
        String addressKey = client == null ? null : LoginThrottle.address(client);
        if (throttle.locked(userKey, addressKey)) {
            throw new CodedSecurityException(WsRefusals.LOCKED);
        }
        String password = token.getPassword();
        Optional<ClientCredential> credential = user == null || password == null ? Optional.empty()
                : credentials.verify(user, password.toCharArray());
        if (credential.isEmpty()) {
            throttle.failed(userKey, addressKey);
            throw new CodedSecurityException(WsRefusals.PASSWORD);
        }
        throttle.succeeded(userKey);
        if (message != null) {
            // For CallerIdentityInterceptor: the authorisation steps of this request decide on this very read.
            message.put(CREDENTIAL_READ, credential.get());
        }
    }

    @Override
    protected void verifyDigestPassword(UsernameToken token, RequestData data) throws WSSecurityException {
        throw new CodedSecurityException(WsRefusals.PASSWORD);
    }
}
