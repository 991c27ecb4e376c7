package vn.lienthong.adapter.alerting.control;

import java.util.List;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.DependsOn;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.inject.Inject;

import vn.lienthong.adapter.alerting.entity.Notice;
import vn.lienthong.adapter.configuration.AdapterSettings;
import vn.lienthong.adapter.platform.time.VietnamTime;

/**
 * Runs the alert rounds with the server's managed scheduler, every {@code adapter.alerts.interval-seconds}: each
 * rule is evaluated (its own transaction), then the due notices this node claimed are delivered — after their
 * claim committed, outside any transaction. Every node runs it; the claims decide who sends.
 */
@Singleton
@Startup
@DependsOn("SchemaMigrations")
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
public class AlertEvaluator {

    private static final Logger LOG = Logger.getLogger(AlertEvaluator.class.getName());

    @Resource
    ManagedScheduledExecutorService scheduler;
    @Inject
    AlertService alerts;
    @Inject
    AdapterSettings settings;

    private final List<Rule> rules = Rule.all();
    private AlertDelivery delivery;
    private ScheduledFuture<?> task;

    @PostConstruct
    void start() {
        if (!settings.alerts().enabled()) {
            LOG.info("Alerts are switched off (adapter.alerts.enabled=false)");
            return;
        }
        delivery = new AlertDelivery(settings.alerts());
        long every = settings.alerts().interval().toMillis();
        LOG.info(() -> "Alerts: " + rules.size() + " rules every " + every + " ms; e-mail "
                + (settings.alerts().smtpHost().isPresent() ? "on" : "off") + ", webhook "
                + (settings.alerts().webhookUrl().isPresent() ? "on" : "off (contacts' own only)"));
        task = scheduler.scheduleWithFixedDelay(this::round, every, every, TimeUnit.MILLISECONDS);
    }

    @PreDestroy
    void stop() {
        if (task != null) {
            task.cancel(false);
        }
    }

    void round() {
        var now = VietnamTime.now();
        for (Rule rule : rules) {
            try {
                alerts.evaluate(rule, now);
            } catch (RuntimeException e) {
                // Also the loser of a race to raise the same alert on another node: it is open by the next round.
                LOG.log(Level.WARNING, "Alert rule " + rule.rule().id() + " not evaluated this round: " + e);
            }
        }
        try {
            for (Notice n : alerts.claimNotices(now)) {
                delivery.deliver(n, VietnamTime.now());
            }
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "Alert notices not sent this round; retried next round: " + e);
        }
    }
}
