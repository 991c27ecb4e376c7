package vn.lienthong.adapter.audit.control;

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

/**
 * The one background thread per node that links pending audit entries into the chain ({@link AuditLog#linkPending}),
 * oldest first, a batch per transaction. It looks every {@value #TICK_MILLIS} ms when entries were written on this
 * node, and every {@value #SWEEP_SECONDS} s in any case (entries of other nodes, or left pending by a process that
 * was killed between writing and linking). Writers never wait for it; only chainers of several nodes queue for the
 * head lock, and only for the length of one batch. Also runs once synchronously at start, before the start entry.
 */
@Singleton
@Startup
@DependsOn("SchemaMigrations")
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
public class AuditChainer {

    private static final Logger LOG = Logger.getLogger(AuditChainer.class.getName());
    /**
     * Each look that finds entries costs a transaction with its commit, whatever the batch: at 100 ms that was up to
     * ten a second under load (issue 11, session 6: ≈ 3–6 % of the samples per accepted document, nearly all of it
     * the container's transaction and commit). 500 ms links the same entries in a fifth of the transactions; a
     * pending entry stays protected by its pending MAC that much longer, and readers link before they read.
     */
    static final long TICK_MILLIS = 500;
    static final long SWEEP_SECONDS = 5;

    @Resource
    ManagedScheduledExecutorService scheduler;
    @Inject
    AuditLog audit;
    @Inject
    PendingAudit pending;

    private ScheduledFuture<?> linking;
    private long lastSweep = System.nanoTime();
    private final Object running = new Object();

    @PostConstruct
    void start() {
        try {
            int linked = linkAll();
            if (linked > 0) {
                LOG.info(() -> "Audit: linked " + linked + " entries left pending by the previous run");
            }
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "Audit: linking pending entries at start failed; retried in the background: " + e);
        }
        linking = scheduler.scheduleWithFixedDelay(this::tick, TICK_MILLIS, TICK_MILLIS, TimeUnit.MILLISECONDS);
    }

    @PreDestroy
    void stop() {
        if (linking != null) {
            linking.cancel(false);
        }
    }

    /** Links every pending entry now, batch by batch; returns how many were chained. */
    public int linkAll() {
        synchronized (running) {
            int total = 0;
            while (true) {
                AuditChain.Linked batch = audit.linkPending();
                total += batch.chained();
                if (!batch.refused().isEmpty()) {
                    LOG.warning(() -> "ALERT audit entries written around the audit log (pending MAC fails), not"
                            + " chained: " + batch.refused());
                }
                if (batch.chained() + batch.refused().size() < AuditLog.LINK_BATCH) {
                    return total;
                }
            }
        }
    }

    void tick() {
        boolean sweep = System.nanoTime() - lastSweep > TimeUnit.SECONDS.toNanos(SWEEP_SECONDS);
        if (!pending.take() && !sweep) {
            return;
        }
        try {
            linkAll();
            if (sweep) {
                lastSweep = System.nanoTime();
            }
        } catch (RuntimeException e) {
            lastSweep = System.nanoTime(); // the next sweep tries again: no log line every tick while the store is down
            LOG.log(Level.WARNING, "Audit: linking pending entries failed; retried in " + SWEEP_SECONDS + " s: " + e);
        }
    }
}
