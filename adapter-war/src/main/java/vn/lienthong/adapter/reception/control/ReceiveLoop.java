package vn.lienthong.adapter.reception.control;

import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
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
import jakarta.enterprise.concurrent.ManagedThreadFactory;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;

import vn.lienthong.adapter.configuration.AdapterSettings;
import vn.lienthong.adapter.directory.control.DirectorySync;
import vn.lienthong.adapter.platform.concurrent.ManagedThreads;
import vn.lienthong.axis.client.AxisException;

/**
 * Polls the axis for documents and statuses (each round is announced first, so queued recalls go out on the same
 * schedule, see {@link ReceiveRound}), and keeps the agency directory in sync. Polling runs on a container-managed
 * thread of its own ({@code lienthong-receive}), so a slow round (many statuses to fetch and store, a slow axis)
 * never delays the outbox, which has threads of its own too, and vice versa; the directory sync stays on the
 * server's default scheduler.
 */
@Singleton
@Startup
@DependsOn("SchemaMigrations")
public class ReceiveLoop {

    private static final Logger LOG = Logger.getLogger(ReceiveLoop.class.getName());

    @Resource
    ManagedScheduledExecutorService scheduler;
    @Resource
    ManagedThreadFactory threads;
    @Inject
    AxisReceiver receiver;
    @Inject
    DirectorySync directory;
    @Inject
    AdapterSettings settings;
    /** Queued recalls are sent by their own capability, which observes each round (recall.control.DueRecalls). */
    @Inject
    Event<ReceiveRound> rounds;

    private ScheduledExecutorService receiving;
    private ScheduledFuture<?> polling;
    private ScheduledFuture<?> syncing;

    @PostConstruct
    void start() {
        long every = settings.receiveInterval().toMillis();
        receiving = Executors.newSingleThreadScheduledExecutor(ManagedThreads.named(threads, "lienthong-receive"));
        polling = receiving.scheduleWithFixedDelay(this::pollOnce, every, every, TimeUnit.MILLISECONDS);
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
            receiving.shutdown(); // a round under way ends by itself; its work is transactional
        }
        if (syncing != null) {
            syncing.cancel(false);
        }
    }
}
