package vn.lienthong.adapter.alerting.control;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.logging.Logger;

import jakarta.persistence.EntityManager;

import vn.lienthong.adapter.alerting.entity.Alert;
import vn.lienthong.adapter.alerting.entity.Contact;
import vn.lienthong.adapter.alerting.entity.ContactRole;
import vn.lienthong.adapter.alerting.entity.Finding;
import vn.lienthong.adapter.alerting.entity.Notice;

/**
 * One round of alerting, in two steps the caller runs in separate transactions, then delivers outside them:
 * {@link #evaluate} raises an alert for every new finding of a rule and resolves the rule's alerts whose
 * condition no longer holds; {@link #claimNotices} takes this node's share of the due notices (first notice,
 * reminder, "resolved") — each claimed by one conditional update, so with several nodes on one database every
 * notice is claimed by exactly one of them. Delivery is at most once: a node that dies between the claim's commit
 * and the send loses that notice; an open alert is reminded again after {@code renotify}.
 */
public final class AlertRound {

    private static final Logger LOG = Logger.getLogger(AlertRound.class.getName());
    private static final int MAX_NOTICES = 200;

    private AlertRound() {
    }

    /** Evaluates {@code rule} and updates its alerts; returns how many were raised. */
    public static int evaluate(RuleContext ctx, Rule rule) {
        AlertTable alerts = new AlertTable(ctx.em());
        List<Finding> findings = rule.findings(ctx);
        Set<String> holding = new HashSet<>();
        int raised = 0;
        for (Finding f : findings) {
            holding.add(f.key());
            if (alerts.raise(f, ctx.now())) {
                raised++;
                LOG.warning(() -> "Alert raised " + f.key() + ": " + f.messageEn());
            }
        }
        if (findings.size() >= RuleContext.MAX_FINDINGS) {
            LOG.warning(() -> "Alert rule " + rule.rule().id() + " has " + findings.size()
                    + " findings or more; its alerts are not resolved this round");
            return raised;
        }
        for (Alert a : alerts.unresolved(rule.rule())) {
            if (!holding.contains(a.key()) && alerts.resolve(a.id(), ctx.now())) {
                LOG.info(() -> "Alert resolved " + a.key());
            }
        }
        return raised;
    }

    /** Claims every due notice this node may send now, with the contacts to send it to. */
    public static List<Notice> claimNotices(EntityManager em, OffsetDateTime now, Duration renotify) {
        AlertTable alerts = new AlertTable(em);
        ContactTable contacts = new ContactTable(em);
        List<Notice> claimed = new ArrayList<>();
        for (Alert a : alerts.noticesDue(now, MAX_NOTICES)) {
            if (alerts.claimNotice(a, now, renotify)) {
                Notice.Kind kind = a.noticesSent() == 0 ? Notice.Kind.RAISED : Notice.Kind.REMINDER;
                claimed.add(new Notice(a, kind, contactsOf(contacts, a)));
            }
        }
        for (Alert a : alerts.resolutionsDue(MAX_NOTICES)) {
            if (alerts.claimResolution(a)) {
                claimed.add(new Notice(a, Notice.Kind.RESOLVED, contactsOf(contacts, a)));
            }
        }
        return claimed;
    }

    /**
     * An organisation's alert goes to all its contacts; an adapter-wide one (axis, keys, audit, disk) to the
     * technical staff of every organisation (and, in {@link AlertDelivery}, to the operators).
     */
    private static List<Contact> contactsOf(ContactTable contacts, Alert a) {
        if (a.organId() != null) {
            return contacts.list(a.organId());
        }
        return contacts.list(null).stream().filter(c -> c.role() == ContactRole.TECHNICAL).toList();
    }
}
