package vn.lienthong.adapter.retention.control;

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

import vn.lienthong.adapter.configuration.AdapterSettings;
import vn.lienthong.adapter.retention.entity.RetentionReport;

/**
 * Starts the retention job every {@code adapter.retention.interval-hours} (first 10 minutes after start) on every
 * node when {@code adapter.retention.months} is set; the job's lease lets one node at a time work.
 */
@Singleton
@Startup
@DependsOn("SchemaMigrations")
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
public class RetentionSchedule {

    private static final Logger LOG = Logger.getLogger(RetentionSchedule.class.getName());
    private static final long FIRST_RUN_MINUTES = 10;

    @Resource
    ManagedScheduledExecutorService scheduler;
    @Inject
    RetentionService retention;
    @Inject
    AdapterSettings settings;

    private ScheduledFuture<?> task;

    @PostConstruct
    void start() {
        if (!settings.retention().enabled()) {
            LOG.info("Retention is off (adapter.retention.months=0): nothing is archived or removed");
            return;
        }
        long every = settings.retention().interval().toMinutes();
        LOG.info(() -> "Retention: documents finished more than " + settings.retention().months()
                + " months ago are archived into " + settings.retention().archiveDir() + " every " + every
                + " minutes");
        task = scheduler.scheduleWithFixedDelay(this::run, FIRST_RUN_MINUTES, every, TimeUnit.MINUTES);
    }

    @PreDestroy
    void stop() {
        if (task != null) {
            task.cancel(false);
        }
    }

    void run() {
        try {
            RetentionReport r = retention.runNow();
            LOG.info(() -> "Retention run: " + r.outcome() + ", " + r.archived().size() + " archives, "
                    + r.documents() + " documents" + (r.detail() == null ? "" : " (" + r.detail() + ")"));
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "Retention run failed; retried at the next interval: " + e, e);
        }
    }
}
