package vn.lienthong.adapter.console.control;

import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

import vn.lienthong.adapter.console.entity.ConsoleRole;
import vn.lienthong.adapter.console.entity.ConsoleUser;
import vn.lienthong.adapter.platform.time.VietnamTime;
import vn.lienthong.adapter.security.control.PasswordHasher;

/** The console's users: password check, creation with a generated password, disabling. */
@Stateless
public class ConsoleUsers {

    static final Pattern USERNAME = Pattern.compile("[A-Za-z0-9._-]{3,60}");
    static final Pattern ORGAN_ID = Pattern.compile("[0-9A-Za-z._-]{1,35}");

    @PersistenceContext(unitName = "lienthong")
    EntityManager em;

    public Optional<ConsoleUser> find(String username) {
        return username == null ? Optional.empty() : Optional.ofNullable(em.find(ConsoleUser.class, username));
    }

    /** The enabled user whose stored hash matches; empty otherwise (unknown users cost one hash too). */
    public Optional<ConsoleUser> authenticate(String username, char[] password) {
        Optional<ConsoleUser> user = find(username).filter(ConsoleUser::isEnabled);
        boolean ok = PasswordHasher.matches(password, user.map(ConsoleUser::getPasswordHash).orElse(DUMMY_HASH));
        return ok ? user : Optional.empty();
    }

    public boolean anyExists() {
        return !em.createQuery("SELECT u.username FROM ConsoleUser u", String.class).setMaxResults(1)
                .getResultList().isEmpty();
    }

    public List<ConsoleUser> list() {
        return em.createQuery("SELECT u FROM ConsoleUser u ORDER BY u.username", ConsoleUser.class).getResultList();
    }

    /** Creates the user and returns its generated password — the only time anyone sees it. */
    public String create(String username, ConsoleRole role, List<String> organIds, String createdBy) {
        if (username == null || !USERNAME.matcher(username).matches()) {
            throw new ConsoleRefusal(ConsoleRefusal.INPUT, 400, "username: 3–60 letters, digits, . _ -");
        }
        if (role != ConsoleRole.ADMINISTRATOR && organIds.isEmpty()) {
            throw new ConsoleRefusal(ConsoleRefusal.INPUT, 400, "organisations: at least one for this role");
        }
        organIds.forEach(ConsoleUsers::requireOrganId);
        if (find(username).isPresent()) {
            throw new ConsoleRefusal(ConsoleRefusal.INPUT, 409, "username: already taken");
        }
        String password = PasswordHasher.randomPassword();
        em.persist(new ConsoleUser(username, PasswordHasher.hash(password.toCharArray()), role, organIds, createdBy,
                VietnamTime.now()));
        return password;
    }

    public boolean disable(String username) {
        Optional<ConsoleUser> u = find(username).filter(ConsoleUser::isEnabled);
        u.ifPresent(ConsoleUser::disable);
        return u.isPresent();
    }

    static void requireOrganId(String organId) {
        if (organId == null || !ORGAN_ID.matcher(organId).matches()) {
            throw new ConsoleRefusal(ConsoleRefusal.INPUT, 400, "organisation: not an organisation id");
        }
    }

    /** A hash no password matches, checked for unknown users so that the answer time does not tell them apart. */
    private static final String DUMMY_HASH = PasswordHasher.hash(PasswordHasher.randomPassword().toCharArray());
}
