package vn.lienthong.adapter.statistics.control;

import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;

import javax.sql.DataSource;

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
import vn.lienthong.adapter.platform.store.SchemaMigrations;

/**
 * Runs the statistics rollup's job ({@link StatisticsRollup}) every {@code adapter.statistics.rollup.refresh-seconds}
 * (first run 30 s after start, or one interval if shorter) on every node; its lease lets one node at a time work. Off with
 * {@code adapter.statistics.rollup=false}. The job's own local transactions: it runs outside any JTA transaction.
 */
@Singleton
@Startup
@DependsOn("SchemaMigrations")
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
public class RollupSchedule {

    private static final Logger LOG = Logger.getLogger(RollupSchedule.class.getName());
    private static final long FIRST_RUN_SECONDS = 30;

    @Resource
    ManagedScheduledExecutorService scheduler;
    @Resource(lookup = SchemaMigrations.DATASOURCE)
    DataSource dataSource;
    @Inject
    AdapterSettings settings;

    private ScheduledFuture<?> task;
    private StatisticsRollup rollup;

    @PostConstruct
    void start() {
        if (!settings.statistics().rollup()) {
            LOG.info("Statistics rollup off (adapter.statistics.rollup=false): statistics run the live joins");
            return;
        }
        rollup = new StatisticsRollup(dataSource, settings.statistics(), settings.nodeId());
        long every = settings.statistics().refresh().toSeconds();
        task = scheduler.scheduleWithFixedDelay(this::run, Math.min(FIRST_RUN_SECONDS, every), every,
                TimeUnit.SECONDS);
    }

    @PreDestroy
    void stop() {
        if (task != null) {
            task.cancel(false);
        }
    }

    void run() {
        try {
            StatisticsRollup.Run r = rollup.run();
            if (StatisticsRollup.Run.BUILT.equals(r.outcome())) {
                LOG.info(() -> "Statistics rollup built: " + r.rows() + " rows in " + r.millis() + " ms");
            } else if (StatisticsRollup.Run.REFRESHED.equals(r.outcome())) {
                LOG.fine(() -> "Statistics rollup refreshed: " + r.documents() + " documents, " + r.rows()
                        + " rows in " + r.millis() + " ms");
            }
        } catch (Exception e) {
            LOG.log(Level.WARNING, "Statistics rollup refresh failed; statistics stay exact (changed documents are"
                    + " read live), retried at the next interval: " + e, e);
        }
    }
}
