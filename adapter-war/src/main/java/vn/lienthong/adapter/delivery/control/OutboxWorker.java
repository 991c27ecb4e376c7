package vn.lienthong.adapter.delivery.control;

import java.util.Optional;
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

/**
 * Works the outbox on a fixed delay with the server's managed scheduler: claim one document (a lease), send it,
 * repeat, at most {@value #BATCH} per round. Claiming one at a time keeps a lease no longer than one axis call,
 * whatever the backlog, and lets another node take the next document meanwhile. Before each claim the shared
 * {@link SharedAxisBreaker} is asked: while the axis is unavailable nothing is claimed, only a probe is made.
 */
@Singleton
@Startup
@DependsOn("SchemaMigrations")
public class OutboxWorker {

    private static final Logger LOG = Logger.getLogger(OutboxWorker.class.getName());
    private static final int BATCH = 50;

    @Resource
    ManagedScheduledExecutorService scheduler;
    @Inject
    OutboxProcessor processor;
    @Inject
    SharedAxisBreaker breaker;
    @Inject
    AdapterSettings settings;

    private ScheduledFuture<?> task;

    @PostConstruct
    void start() {
        long every = settings.outboxInterval().toMillis();
        var callBudget = settings.axisConnectTimeout().plus(settings.axisReadTimeout());
        if (settings.outboxLease().compareTo(callBudget) <= 0) {
            LOG.warning(() -> "Outbox lease " + settings.outboxLease() + " is not longer than an axis call may take ("
                    + callBudget + "): with several nodes a document could be sent twice");
        }
        LOG.info(() -> "Outbox worker on node " + settings.nodeId() + ": every " + every + " ms, lease "
                + settings.outboxLease() + ", maximum age " + settings.outboxMaxAge());
        task = scheduler.scheduleWithFixedDelay(this::drain, every, every, TimeUnit.MILLISECONDS);
    }

    void drain() {
        try {
            for (int i = 0; i < BATCH; i++) {
                SharedAxisBreaker.Decision decision = breaker.gate();
                String avoid = decision.avoid();
                switch (decision.gate()) {
                    case WAIT:
                        return; // the axis is unavailable and the next probe is not due: documents wait
                    case PROBE:
                        if (!processor.probe()) {
                            return;
                        }
                        SharedAxisBreaker.Decision after = breaker.gate(); // half-open: documents, urgent first
                        if (after.gate() != SharedAxisBreaker.Gate.SEND) {
                            return; // another node's send failed meanwhile
                        }
                        avoid = after.avoid();
                        break;
                    case SEND:
                        break;
                }
                Optional<String> claimed = processor.claimNext(avoid);
                if (claimed.isEmpty()) {
                    return;
                }
                if (processor.send(claimed.get()) == OutboxProcessor.Outcome.AXIS_UNAVAILABLE) {
                    return;
                }
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
