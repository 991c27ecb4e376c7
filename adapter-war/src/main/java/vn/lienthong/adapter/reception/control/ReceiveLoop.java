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
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;

import vn.lienthong.adapter.configuration.AdapterSettings;
import vn.lienthong.adapter.directory.control.DirectorySync;
import vn.lienthong.axis.client.AxisException;

/**
 * Polls the axis for documents and statuses (each round is announced first, so queued recalls go out on the same
 * schedule, see {@link ReceiveRound}), and keeps the agency directory in sync.
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
    /** Queued recalls are sent by their own capability, which observes each round (recall.control.DueRecalls). */
    @Inject
    Event<ReceiveRound> rounds;

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
            rounds.fire(new ReceiveRound());
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
