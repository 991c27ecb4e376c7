package vn.lienthong.adapter.alerting.control;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;

import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

import vn.lienthong.adapter.alerting.entity.Alert;
import vn.lienthong.adapter.alerting.entity.AlertRule;
import vn.lienthong.adapter.alerting.entity.AlertState;
import vn.lienthong.adapter.alerting.entity.Contact;
import vn.lienthong.adapter.alerting.entity.Notice;
import vn.lienthong.adapter.audit.control.AuditKey;
import vn.lienthong.adapter.configuration.AdapterSettings;
import vn.lienthong.adapter.platform.time.VietnamTime;
import vn.lienthong.adapter.security.control.KeyMaterial;

/** The alert store in the container: each rule's evaluation and each claim in its own transaction. */
@Stateless
public class AlertService {

    @PersistenceContext(unitName = "lienthong")
    EntityManager em;
    @Inject
    AdapterSettings settings;
    @Inject
    KeyMaterial keys;
    @Inject
    AuditKey auditKey;

    /** Evaluates one rule in its own transaction (a failing rule does not undo the others). */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public int evaluate(Rule rule, OffsetDateTime now) {
        RuleContext ctx = new RuleContext(em, now, settings.alerts(), settings.axisEndpoint().toString(),
                () -> KeyFolderCertificates.read(settings.keysDir(), keys.password()), settings.dataDir(),
                auditKey.get());
        return AlertRound.evaluate(ctx, rule);
    }

    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public List<Notice> claimNotices(OffsetDateTime now) {
        return AlertRound.claimNotices(em, now, settings.alerts().renotify());
    }

    public List<Alert> list(AlertState state, String organId, AlertRule rule, int max) {
        return new AlertTable(em).list(state, organId, rule, max);
    }

    public Optional<Alert> find(String id) {
        return new AlertTable(em).find(id);
    }

    public boolean acknowledge(String id, String by) {
        return new AlertTable(em).acknowledge(id, by, VietnamTime.now());
    }

    public long countUnresolved() {
        return new AlertTable(em).countUnresolved();
    }

    public List<Contact> contacts(String organId) {
        return new ContactTable(em).list(organId);
    }

    public Optional<Contact> contact(String id) {
        return new ContactTable(em).find(id);
    }

    public Contact createContact(ContactTable.Form form) {
        return new ContactTable(em).create(ContactTable.validate(form), VietnamTime.now());
    }

    public Optional<Contact> updateContact(String id, ContactTable.Form form) {
        return new ContactTable(em).update(id, ContactTable.validate(form), VietnamTime.now());
    }

    public boolean deleteContact(String id) {
        return new ContactTable(em).delete(id);
    }
}
