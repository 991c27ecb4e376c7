package vn.lienthong.adapter.security.control;

import java.util.List;
import java.util.Optional;

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

import vn.lienthong.adapter.platform.time.VietnamTime;
import vn.lienthong.adapter.security.entity.ClientCredential;

/** Client credentials: checks passwords and what organisations a caller may act for. */
@Stateless
public class CredentialStore {

    @PersistenceContext(unitName = "lienthong")
    EntityManager em;

    public Optional<ClientCredential> find(String username) {
        return Optional.ofNullable(em.find(ClientCredential.class, username));
    }

    @Inject
    VerifiedCredentials verified;

    /**
     * True when the user exists, is enabled and the password matches its stored hash ({@link #verify}).
     */
    public boolean authenticate(String username, char[] password) {
        return verify(username, password).isPresent();
    }

    /**
     * The credential, as read for this check, when the user exists, is enabled and the password matches its stored
     * hash; empty otherwise. The caller keeps it for the rest of the request ({@code CallerIdentity#credential}), so
     * the authorisation steps need not read it again. The PBKDF2 check is skipped when this exact password was
     * verified against the credential's current hash a short while ago ({@link VerifiedCredentials}); a hash with
     * fewer iterations than new ones get is replaced after a successful check (the credential is re-hashed with
     * today's cost once, in this transaction).
     */
    public Optional<ClientCredential> verify(String username, char[] password) {
        if (username == null || password == null) {
            return Optional.empty();
        }
        Optional<ClientCredential> found = find(username).filter(ClientCredential::isEnabled);
        if (found.isEmpty()) {
            return Optional.empty();
        }
        ClientCredential c = found.get();
        if (verified != null && verified.verified(username, password, c.getPasswordHash())) {
            return found;
        }
        String stored = c.getPasswordHash();
        boolean ok = verified == null ? PasswordHasher.matches(password, stored)
                : verified.verifyOnce(username, password, stored, () -> PasswordHasher.matches(password, stored));
        if (ok && PasswordHasher.needsRehash(stored)) {
            c.rehash(PasswordHasher.hash(password));
            if (verified != null) {
                verified.remember(username, password, c.getPasswordHash());
            }
        }
        return ok ? found : Optional.empty();
    }

    public boolean exists(String username) {
        return find(username).isPresent();
    }

    public void create(String username, char[] password, List<String> organIds, String certificateSubject) {
        em.persist(new ClientCredential(username, PasswordHasher.hash(password), organIds, certificateSubject,
                VietnamTime.now()));
    }
}
