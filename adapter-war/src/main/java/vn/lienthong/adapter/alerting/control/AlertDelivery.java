package vn.lienthong.adapter.alerting.control;

import java.net.URI;
import java.time.OffsetDateTime;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.logging.Level;
import java.util.logging.Logger;

import vn.lienthong.adapter.alerting.entity.Contact;
import vn.lienthong.adapter.alerting.entity.Notice;
import vn.lienthong.adapter.configuration.AlertSettings;

/**
 * Delivers a claimed notice: an e-mail to each operator ({@code adapter.alerts.mail.to}) and each of
 * the organisation's contacts, and the JSON to the operators' webhook ({@code adapter.alerts.webhook.url}) and each
 * contact's own. A failed channel is logged (without secrets) and does not stop the others.
 */
public final class AlertDelivery {

    private static final Logger LOG = Logger.getLogger(AlertDelivery.class.getName());

    private final AlertSettings settings;
    private final MailSender mail;
    private final WebhookSender webhook;

    public AlertDelivery(AlertSettings settings) {
        this.settings = settings;
        this.mail = new MailSender(settings);
        this.webhook = new WebhookSender(settings.webhookTimeout(), settings.webhookAttempts());
    }

    public void deliver(Notice n, OffsetDateTime now) {
        Set<String> to = new LinkedHashSet<>(settings.mailTo());
        Set<URI> hooks = new LinkedHashSet<>();
        settings.webhookUrl().ifPresent(hooks::add);
        for (Contact c : n.contacts()) {
            to.add(c.email());
            if (c.webhookUrl() != null) {
                hooks.add(URI.create(c.webhookUrl()));
            }
        }
        String id = AlertMessages.noticeId(n);
        if (mail.configured()) {
            // One message per address: an organisation's clerk does not see the operators' or others' addresses.
            for (String address : to) {
                try {
                    mail.send(List.of(address), AlertMessages.subject(n), AlertMessages.body(n, now));
                } catch (Exception e) {
                    LOG.log(Level.WARNING, "Alert notice " + id + " not delivered by e-mail: " + e.getMessage());
                }
            }
        }
        String json = AlertMessages.json(n, now).toString();
        for (URI hook : hooks) {
            try {
                webhook.post(hook, json);
            } catch (Exception e) {
                LOG.log(Level.WARNING, "Alert notice " + id + " not delivered: " + e.getMessage());
            }
        }
        LOG.info(() -> "Alert notice " + id + " (" + n.kind() + " " + n.alert().key() + ") to " + to.size()
                + " address(es), " + hooks.size() + " webhook(s)");
    }
}
