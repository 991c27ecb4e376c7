package vn.lienthong.adapter.security.control;

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

/**
 * Once a minute, deletes replay marks whose timestamp has expired (every node does it; the deletes are idempotent)
 * and remembers how many are left, which {@link ReplayGuard} compares with {@code adapter.ws.replay-cap}.
 */
@Singleton
@Startup
@DependsOn("SchemaMigrations")
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
public class ReplayMarkPurge {

    private static final Logger LOG = Logger.getLogger(ReplayMarkPurge.class.getName());
    private static final long EVERY_SECONDS = 60;

    @Resource
    ManagedScheduledExecutorService scheduler;
    @Inject
    ReplayGuard guard;
    @Inject
    AdapterSettings settings;

    private volatile long lastCount;
    private ScheduledFuture<?> purging;

    @PostConstruct
    void start() {
        purging = scheduler.scheduleWithFixedDelay(this::purgeOnce, EVERY_SECONDS, EVERY_SECONDS, TimeUnit.SECONDS);
    }

    @PreDestroy
    void stop() {
        if (purging != null) {
            purging.cancel(false);
        }
    }

    /** Marks left after the last purge. */
    public long lastCount() {
        return lastCount;
    }

    void purgeOnce() {
        try {
            lastCount = guard.purgeExpired();
            if (lastCount >= settings.wsReplayCap()) {
                LOG.warning(() -> "ALERT replay marks at the cap (" + lastCount + " >= " + settings.wsReplayCap()
                        + "): signed and UsernameToken requests are refused until marks expire");
            }
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "Replay mark purge failed; retried in " + EVERY_SECONDS + " s: " + e);
        }
    }
}
