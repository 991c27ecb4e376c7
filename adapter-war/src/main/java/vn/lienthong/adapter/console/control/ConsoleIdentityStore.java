package vn.lienthong.adapter.console.control;

import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.security.enterprise.credential.Credential;
import jakarta.security.enterprise.credential.UsernamePasswordCredential;
import jakarta.security.enterprise.identitystore.CredentialValidationResult;
import jakarta.security.enterprise.identitystore.IdentityStore;

/**
 * Jakarta Security identity store over {@code console_user}: a user name and password become the caller and its
 * one group, the role name ({@code administrator}, {@code operator}, {@code viewer}), which glassfish-web.xml maps
 * to the servlet role of the same name. Only the console's mechanism asks it; the SOAP and admin faces
 * authenticate on their own and never reach it.
 */
@ApplicationScoped
public class ConsoleIdentityStore implements IdentityStore {

    @Inject
    ConsoleUsers users;

    @Override
    public CredentialValidationResult validate(Credential credential) {
        if (!(credential instanceof UsernamePasswordCredential up)) {
            return CredentialValidationResult.NOT_VALIDATED_RESULT;
        }
        return users.authenticate(up.getCaller(), up.getPassword().getValue())
                .map(u -> new CredentialValidationResult(u.getUsername(), Set.of(u.getRole().roleName())))
                .orElse(CredentialValidationResult.INVALID_RESULT);
    }
}
