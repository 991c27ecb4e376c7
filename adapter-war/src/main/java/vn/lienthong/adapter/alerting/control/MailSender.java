package vn.lienthong.adapter.alerting.control;

import java.nio.charset.StandardCharsets;
import java.util.Date;
import java.util.List;
import java.util.Properties;

import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;

import vn.lienthong.adapter.configuration.AlertSettings;

/**
 * Sends a notice by SMTP with Jakarta Mail (the implementation Payara provides; Angus Mail in the tests).
 * Configured by {@code adapter.alerts.smtp.*}; without a host nothing is sent. The password is used only to log
 * in and is never logged.
 */
public final class MailSender {

    private final AlertSettings settings;

    public MailSender(AlertSettings settings) {
        this.settings = settings;
    }

    public boolean configured() {
        return settings.smtpHost().isPresent();
    }

    public void send(List<String> to, String subject, String body) throws MessagingException {
        if (!configured() || to.isEmpty()) {
            return;
        }
        Properties p = new Properties();
        p.put("mail.smtp.host", settings.smtpHost().get());
        p.put("mail.smtp.port", String.valueOf(settings.smtpPort()));
        p.put("mail.smtp.connectiontimeout", "10000");
        p.put("mail.smtp.timeout", "10000");
        p.put("mail.smtp.writetimeout", "10000");
        if (settings.smtpStarttls()) {
            p.put("mail.smtp.starttls.enable", "true");
            p.put("mail.smtp.starttls.required", "true");
        }
        boolean auth = settings.smtpUsername().isPresent();
        p.put("mail.smtp.auth", String.valueOf(auth));
        Session session = Session.getInstance(p);
        MimeMessage m = new MimeMessage(session);
        m.setFrom(new InternetAddress(settings.smtpFrom()));
        InternetAddress[] recipients = new InternetAddress[to.size()];
        for (int i = 0; i < to.size(); i++) {
            recipients[i] = new InternetAddress(to.get(i));
        }
        m.setRecipients(Message.RecipientType.TO, recipients);
        m.setSubject(subject, StandardCharsets.UTF_8.name());
        m.setText(body, StandardCharsets.UTF_8.name());
        m.setSentDate(new Date());
        if (auth) {
            Transport.send(m, settings.smtpUsername().get(), settings.smtpPassword().orElse(""));
        } else {
            Transport.send(m);
        }
    }
}
