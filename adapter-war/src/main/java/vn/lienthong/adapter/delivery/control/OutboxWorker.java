package vn.lienthong.adapter.delivery.control;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;

import javax.sql.DataSource;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.ejb.DependsOn;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.enterprise.concurrent.ManagedThreadFactory;
import jakarta.inject.Inject;

import vn.lienthong.adapter.configuration.AdapterSettings;
import vn.lienthong.adapter.platform.concurrent.ManagedThreads;
import vn.lienthong.adapter.platform.store.SchemaMigrations;

/**
 * Works the outbox on container-managed threads of its own: one thread runs the rounds on a fixed delay
 * ({@code adapter.outbox.interval-ms} after a round ends), {@code adapter.outbox.max-parallel-sends} sender threads
 * make the axis calls. A round claims batches and hands them to the senders (see {@link ParallelOutbox}); it goes on
 * while documents are due, so the interval only matters when the outbox is empty or the axis is down. Neither the
 * receive loop nor any other scheduled task shares these threads, so a slow receive round never delays sending.
 */
@Singleton
@Startup
@DependsOn("SchemaMigrations")
public class OutboxWorker {

    private static final Logger LOG = Logger.getLogger(OutboxWorker.class.getName());

    @Resource
    ManagedThreadFactory threads;
    @Inject
    OutboxProcessor processor;
    @Inject
    SharedAxisBreaker breaker;
    @Inject
    AdapterSettings settings;
    @Resource(lookup = SchemaMigrations.DATASOURCE)
    DataSource dataSource;

    private DirectLedger direct;
    private ScheduledExecutorService rounds;
    private ExecutorService senders;
    private ParallelOutbox outbox;

    @PostConstruct
    void start() {
        long every = settings.outboxInterval().toMillis();
        int parallel = settings.outboxMaxParallelSends();
        var callBudget = settings.axisConnectTimeout().plus(settings.axisReadTimeout());
        if (settings.outboxLease().compareTo(callBudget) <= 0) {
            LOG.warning(() -> "Outbox lease " + settings.outboxLease() + " is not longer than an axis call may take ("
                    + callBudget + "): with several nodes a document could be sent twice");
        }
        LOG.info(() -> "Outbox worker on node " + settings.nodeId() + ": every " + every + " ms, up to " + parallel
                + " sends at once to " + settings.axisEndpoint() + ", lease " + settings.outboxLease()
                + ", maximum age " + settings.outboxMaxAge());
        ThreadPoolExecutor pool = new ThreadPoolExecutor(parallel, parallel, 0, TimeUnit.MILLISECONDS,
                new LinkedBlockingQueue<>(), ManagedThreads.named(threads, "lienthong-outbox-send"));
        pool.prestartAllCoreThreads(); // created here, so they take this component's context
        senders = pool;
        direct = new DirectLedger(dataSource);
        rounds = Executors.newSingleThreadScheduledExecutor(ManagedThreads.named(threads, "lienthong-outbox"));
        outbox = new ParallelOutbox(new ContainerOutbox(), senders, new SendSlots(parallel),
                settings.axisEndpoint().toString(), Duration.ofMillis(Math.max(every, 100)));
        rounds.scheduleWithFixedDelay(this::drain, every, every, TimeUnit.MILLISECONDS);
    }

    void drain() {
        try {
            outbox.round();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt(); // stopping
        } catch (RuntimeException e) {
            // Never let one bad round stop the schedule.
            LOG.log(Level.WARNING, "Outbox round failed; will retry", e);
        }
    }

    @PreDestroy
    void stop() {
        if (outbox != null) {
            outbox.stop();
        }
        if (rounds != null) {
            rounds.shutdown();
            senders.shutdown();
            try {
                // Sends under way finish and record their outcome; what they cannot finish in time is left to the
                // leases and the look-up before a re-send, as after a crash.
                if (!rounds.awaitTermination(5, TimeUnit.SECONDS)) {
                    rounds.shutdownNow();
                }
                if (!senders.awaitTermination(10, TimeUnit.SECONDS)) {
                    senders.shutdownNow();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /**
     * The round's view of the outbox: each call its own short transaction. The common cases (the breaker closed,
     * claims and releases) in plain JDBC on this thread, without a container transaction ({@link DirectLedger});
     * the breaker's other states through {@link SharedAxisBreaker}, whose row lock and transitions they need.
     */
    private final class ContainerOutbox implements ParallelOutbox.Outbox {
        @Override
        public SharedAxisBreaker.Decision gate() {
            // Closed: SharedAxisBreaker.gate would answer SEND after the same read.
            return direct.breakerClosed(settings.axisEndpoint().toString()) ? SharedAxisBreaker.Decision.SEND
                    : breaker.gate();
        }

        @Override
        public boolean probe() {
            return processor.probe();
        }

        @Override
        public List<OutboxClaims.Claimed> claim(int max, String avoid) {
            return direct.claimBatch(settings.nodeId(), settings.outboxLease(), max, avoid);
        }

        @Override
        public void release(List<String> ids) {
            direct.release(ids, settings.nodeId());
        }

        @Override
        public OutboxProcessor.Outcome send(String id) {
            return processor.send(id);
        }
    }
}
