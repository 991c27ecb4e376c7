package vn.lienthong.adapter.delivery.control;

import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.ejb.DependsOn;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.inject.Inject;

import vn.lienthong.adapter.configuration.AdapterSettings;

/** Works the outbox on a fixed delay with the server's managed scheduler. */
@Singleton
@Startup
@DependsOn("SchemaMigrations")
public class OutboxWorker {

    private static final Logger LOG = Logger.getLogger(OutboxWorker.class.getName());
    private static final int BATCH = 20;

    @Resource
    ManagedScheduledExecutorService scheduler;
    @Inject
    OutboxProcessor processor;
    @Inject
    AdapterSettings settings;

    private ScheduledFuture<?> task;

    @PostConstruct
    void start() {
        long every = settings.outboxInterval().toMillis();
        task = scheduler.scheduleWithFixedDelay(this::drain, every, every, TimeUnit.MILLISECONDS);
    }

    void drain() {
        try {
            for (String id : processor.due(BATCH)) {
                processor.send(id);
            }
        } catch (RuntimeException e) {
            // Never let one bad round stop the schedule.
            LOG.log(Level.WARNING, "Outbox round failed; will retry", e);
        }
    }

    @PreDestroy
    void stop() {
        if (task != null) {
            task.cancel(false);
        }
    }
}
