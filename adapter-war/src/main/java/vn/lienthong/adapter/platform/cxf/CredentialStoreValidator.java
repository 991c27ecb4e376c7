package vn.lienthong.adapter.platform.cxf;

import org.apache.wss4j.common.ext.WSSecurityException;
import org.apache.wss4j.dom.handler.RequestData;
import org.apache.wss4j.dom.message.token.UsernameToken;
import org.apache.wss4j.dom.validate.UsernameTokenValidator;

import vn.lienthong.adapter.security.control.CredentialStore;

/**
 * Checks UsernameToken passwords against the salted hashes in the store. Digest tokens are refused: verifying a
 * digest needs the plain password, which the adapter never keeps.
 */
final class CredentialStoreValidator extends UsernameTokenValidator {

    private final CredentialStore credentials;

    CredentialStoreValidator(CredentialStore credentials) {
        this.credentials = credentials;
    }

    @Override
    protected void verifyPlaintextPassword(UsernameToken token, RequestData data) throws WSSecurityException {
        String password = token.getPassword();
        if (token.getName() == null || password == null
                || !credentials.authenticate(token.getName(), password.toCharArray())) {
            throw new WSSecurityException(WSSecurityException.ErrorCode.FAILED_AUTHENTICATION);
        }
    }

    @Override
    protected void verifyDigestPassword(UsernameToken token, RequestData data) throws WSSecurityException {
        throw new WSSecurityException(WSSecurityException.ErrorCode.FAILED_AUTHENTICATION);
    }
}
