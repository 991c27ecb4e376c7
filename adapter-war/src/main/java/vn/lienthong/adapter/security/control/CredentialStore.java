package vn.lienthong.adapter.security.control;

import java.util.List;
import java.util.Optional;

import jakarta.ejb.Stateless;
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

    /** True when the user exists, is enabled and the password matches its stored hash. */
    public boolean authenticate(String username, char[] password) {
        return find(username).filter(ClientCredential::isEnabled)
                .map(c -> PasswordHasher.matches(password, c.getPasswordHash()))
                .orElse(false);
    }

    public boolean exists(String username) {
        return find(username).isPresent();
    }

    public void create(String username, char[] password, List<String> organIds, String certificateSubject) {
        em.persist(new ClientCredential(username, PasswordHasher.hash(password), organIds, certificateSubject,
                VietnamTime.now()));
    }
}
