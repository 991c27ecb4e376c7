package vn.lienthong.adapter.alerting.control;

import java.net.URI;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;

import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;

import vn.lienthong.adapter.alerting.entity.Contact;
import vn.lienthong.adapter.alerting.entity.ContactRole;
import vn.lienthong.adapter.vocabulary.Rejection;

/**
 * The {@code alert_contact} table: an organisation's records clerk and technical staff. Everything written is
 * checked first ({@link #validate}); a refusal is a {@link Rejection} with a stable code and nothing is stored.
 * Plain class over an {@link EntityManager}; the caller owns the transaction.
 */
public final class ContactTable {

    private static final Pattern ORGAN_ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,34}");
    // Deliberately simple: one @, no spaces or control characters, a dot in the domain; SMTP decides the rest.
    private static final Pattern EMAIL = Pattern.compile("[^@\\s\\p{Cntrl}<>,;\"]{1,64}@[A-Za-z0-9.-]{1,189}\\.[A-Za-z]{2,63}");
    private static final String COLUMNS = "id, organ_id, role, name, email, webhook_url, created_at, updated_at";

    /** What a client may set on a contact. */
    public record Form(String organId, String role, String name, String email, String webhookUrl) {
    }

    private final EntityManager em;

    public ContactTable(EntityManager em) {
        this.em = em;
    }

    /** Checks a form; refusal codes: {@code N.<field>} missing, {@code M.<field>} invalid. */
    public static Form validate(Form f) {
        if (f == null) {
            throw Rejection.missing("contact");
        }
        String organ = trim(f.organId());
        if (organ == null) {
            throw Rejection.missing("organId");
        }
        if (!ORGAN_ID.matcher(organ).matches()) {
            throw Rejection.invalid("organId", "organId is not an organisation code");
        }
        String role = trim(f.role());
        if (role == null) {
            throw Rejection.missing("role");
        }
        try {
            ContactRole.valueOf(role);
        } catch (IllegalArgumentException e) {
            throw Rejection.invalid("role", "role must be RECORDS_CLERK or TECHNICAL");
        }
        String name = trim(f.name());
        if (name == null) {
            throw Rejection.missing("name");
        }
        if (name.length() > 200 || name.chars().anyMatch(Character::isISOControl)) {
            throw Rejection.invalid("name", "name is longer than 200 characters or has control characters");
        }
        String email = trim(f.email());
        if (email == null) {
            throw Rejection.missing("email");
        }
        if (email.length() > 254 || !EMAIL.matcher(email).matches()) {
            throw Rejection.invalid("email", "email is not an e-mail address");
        }
        String webhook = trim(f.webhookUrl());
        if (webhook != null) {
            checkWebhook(webhook);
        }
        return new Form(organ, role, name, email, webhook);
    }

    private static void checkWebhook(String url) {
        URI uri;
        try {
            uri = URI.create(url);
        } catch (IllegalArgumentException e) {
            throw Rejection.invalid("webhookUrl", "webhookUrl is not a URL");
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(java.util.Locale.ROOT);
        if (url.length() > 500 || !(scheme.equals("https") || scheme.equals("http")) || uri.getHost() == null
                || uri.getUserInfo() != null) {
            throw Rejection.invalid("webhookUrl", "webhookUrl must be an http(s) URL with a host and no user info");
        }
    }

    public Contact create(Form valid, OffsetDateTime now) {
        String id = UUID.randomUUID().toString();
        em.createNativeQuery("INSERT INTO alert_contact (" + COLUMNS + ") VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?7)")
                .setParameter(1, id)
                .setParameter(2, valid.organId())
                .setParameter(3, valid.role())
                .setParameter(4, valid.name())
                .setParameter(5, valid.email())
                .setParameter(6, valid.webhookUrl())
                .setParameter(7, now)
                .executeUpdate();
        return find(id).orElseThrow();
    }

    public Optional<Contact> update(String id, Form valid, OffsetDateTime now) {
        int n = em.createNativeQuery("UPDATE alert_contact SET organ_id = ?2, role = ?3, name = ?4, email = ?5,"
                        + " webhook_url = ?6, updated_at = ?7 WHERE id = ?1")
                .setParameter(1, id)
                .setParameter(2, valid.organId())
                .setParameter(3, valid.role())
                .setParameter(4, valid.name())
                .setParameter(5, valid.email())
                .setParameter(6, valid.webhookUrl())
                .setParameter(7, now)
                .executeUpdate();
        return n == 1 ? find(id) : Optional.empty();
    }

    public boolean delete(String id) {
        return em.createNativeQuery("DELETE FROM alert_contact WHERE id = ?1").setParameter(1, id).executeUpdate() == 1;
    }

    public Optional<Contact> find(String id) {
        return rows(em.createNativeQuery("SELECT " + COLUMNS + " FROM alert_contact WHERE id = ?1")
                .setParameter(1, id)).stream().findFirst();
    }

    /** The contacts of one organisation, or of all when {@code organId} is null. */
    public List<Contact> list(String organId) {
        Query q = organId == null
                ? em.createNativeQuery("SELECT " + COLUMNS + " FROM alert_contact ORDER BY organ_id, role, name")
                : em.createNativeQuery("SELECT " + COLUMNS + " FROM alert_contact WHERE organ_id = ?1"
                        + " ORDER BY role, name").setParameter(1, organId);
        return rows(q);
    }

    private static String trim(String s) {
        if (s == null) {
            return null;
        }
        String t = s.strip();
        return t.isEmpty() ? null : t;
    }

    @SuppressWarnings("unchecked")
    private static List<Contact> rows(Query q) {
        List<Contact> out = new ArrayList<>();
        for (Object[] r : (List<Object[]>) q.getResultList()) {
            out.add(new Contact((String) r[0], (String) r[1], ContactRole.valueOf((String) r[2]), (String) r[3],
                    (String) r[4], (String) r[5], SqlValues.time(r[6]), SqlValues.time(r[7])));
        }
        return out;
    }
}
