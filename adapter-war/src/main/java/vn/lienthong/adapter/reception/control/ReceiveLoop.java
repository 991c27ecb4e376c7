package vn.lienthong.adapter.reception.control;

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
import vn.lienthong.adapter.directory.control.DirectorySync;
import vn.lienthong.adapter.recall.control.RecallDispatcher;
import vn.lienthong.axis.client.AxisException;

/**
 * Polls the axis for documents and statuses, sends queued recalls whose document reached the axis, and keeps the
 * agency directory in sync.
 */
@Singleton
@Startup
@DependsOn("SchemaMigrations")
public class ReceiveLoop {

    private static final Logger LOG = Logger.getLogger(ReceiveLoop.class.getName());

    @Resource
    ManagedScheduledExecutorService scheduler;
    @Inject
    AxisReceiver receiver;
    @Inject
    DirectorySync directory;
    @Inject
    AdapterSettings settings;
    @Inject
    RecallDispatcher recalls;

    private ScheduledFuture<?> polling;
    private ScheduledFuture<?> syncing;

    @PostConstruct
    void start() {
        long every = settings.receiveInterval().toMillis();
        polling = scheduler.scheduleWithFixedDelay(this::pollOnce, every, every, TimeUnit.MILLISECONDS);
        long sync = settings.directorySyncInterval().toMinutes();
        syncing = scheduler.scheduleWithFixedDelay(this::syncDirectory, 0, sync, TimeUnit.MINUTES);
    }

    void pollOnce() {
        try {
            for (String id : recalls.due()) {
                recalls.dispatch(id);
            }
            receiver.poll();
        } catch (AxisException e) {
            LOG.warning(() -> "Axis not reachable for polling (" + e.getMessage() + "); will retry");
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "Receive round failed; will retry", e);
        }
    }

    void syncDirectory() {
        try {
            directory.synchronise();
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "Directory synchronisation failed; will retry at the next interval", e);
        }
    }

    @PreDestroy
    void stop() {
        if (polling != null) {
            polling.cancel(false);
        }
        if (syncing != null) {
            syncing.cancel(false);
        }
    }
}
