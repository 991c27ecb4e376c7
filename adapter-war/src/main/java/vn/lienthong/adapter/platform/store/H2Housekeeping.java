package vn.lienthong.adapter.platform.store;

import java.sql.Connection;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;

import javax.sql.DataSource;

import org.eclipse.microprofile.config.ConfigProvider;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.DependsOn;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.TransactionManagement;
import jakarta.ejb.TransactionManagementType;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;

import org.h2.engine.SessionLocal;
import org.h2.jdbc.JdbcConnection;
import org.h2.mvstore.MVStore;

/**
 * Keeps the embedded H2 file from growing without bound (issue 11: it grew ~200 KiB per document under load).
 *
 * <p>Why this exists: H2's MVStore never overwrites a page; every commit appends a chunk holding every page it
 * changed (whole B-tree leaves of the table and of each index it touched), and old chunks are freed only once none
 * of their pages is live any more. H2 normally rewrites the live pages of sparse chunks in a background thread, but
 * that thread only runs with {@code WRITE_DELAY > 0} — and the adapter needs {@code WRITE_DELAY=0} (a commit is
 * written before it is acknowledged, so {@code kill -9} loses nothing). Without it the file grew linearly
 * (measured: ~250 KiB per document, while the rows themselves take ~2 KiB). This job does that housekeeping on a
 * timer: it asks the MVStore to rewrite chunks while their fill rate is below {@value #TARGET_FILL_RATE} %, at most
 * {@value #WRITE_LIMIT_BYTES} bytes per round, so the file levels off at the live data plus what the last
 * {@code RETENTION_TIME} (45 s, kept for crash safety) of writes occupies. On close H2 also compacts the file.
 *
 * <p>H2 internals are reached through a {@link JdbcConnection} of its own on the configured URL; with PostgreSQL
 * the job does not start, with a remote H2 (AUTO_SERVER second process) or any failure it stops itself.
 */
@Singleton
@Startup
@DependsOn("SchemaMigrations")
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
@TransactionManagement(TransactionManagementType.BEAN)
public class H2Housekeeping {

    private static final Logger LOG = Logger.getLogger(H2Housekeeping.class.getName());
    static final long EVERY_SECONDS = 2;
    /** H2's own default (AUTO_COMPACT_FILL_RATE). */
    static final int TARGET_FILL_RATE = 90;
    static final int WRITE_LIMIT_BYTES = 16 << 20;
    /** Rounds between two "H2 store:" log lines (one a minute): what the file holds, for load runs and operators. */
    static final int ROUNDS_PER_REPORT = 30;

    @Resource
    ManagedScheduledExecutorService scheduler;

    private ScheduledFuture<?> rounds;
    private DataSource direct;
    private int round;
    private int rewritingRounds;

    @PostConstruct
    void start() {
        DatabaseSettings settings = DatabaseSettings.from(ConfigProvider.getConfig(
                H2Housekeeping.class.getClassLoader()));
        String url = settings.url();
        if (!url.startsWith("jdbc:h2:")) {
            return; // PostgreSQL: nothing to do
        }
        // A connection of its own, not the pool's: the pool hands out proxies that cannot be unwrapped to H2's
        // class (Payara: "JdbcConnection is not an interface"). In the same JVM the same URL opens the same
        // embedded database (H2 keeps one per file), so its MVStore is the one the pool writes to.
        org.h2.jdbcx.JdbcDataSource h2 = new org.h2.jdbcx.JdbcDataSource();
        h2.setURL(url);
        h2.setUser(settings.user());
        h2.setPassword(settings.password());
        direct = h2;
        rounds = scheduler.scheduleWithFixedDelay(this::compactOnce, EVERY_SECONDS, EVERY_SECONDS, TimeUnit.SECONDS);
    }

    @PreDestroy
    void stop() {
        if (rounds != null) {
            rounds.cancel(false);
        }
    }

    void compactOnce() {
        try (Connection c = direct.getConnection()) {
            MVStore store = embeddedStore(c);
            if (store == null) {
                stop(); // not an embedded H2 file store (remote, in memory): nothing to do, ever
                LOG.info("H2 housekeeping off: the database is not an embedded H2 file");
                return;
            }
            if (compact(store)) {
                rewritingRounds++;
            }
            if (++round % ROUNDS_PER_REPORT == 0) {
                logReport(c, store);
            }
        } catch (Exception | LinkageError e) {
            stop(); // best effort: one warning, not one every round
            LOG.log(Level.WARNING, "H2 housekeeping stopped; the H2 file will grow until the next restart: " + e);
        }
    }

    /** The minute line; a figure H2 does not give (another H2 version) costs the line, never the compaction. */
    private void logReport(Connection c, MVStore store) {
        try {
            LOG.info(report(c) + "; " + chunkStates(store) + ", compaction rewrote in " + rewritingRounds + " of "
                    + ROUNDS_PER_REPORT + " rounds");
        } catch (Exception e) {
            LOG.fine("H2 store report skipped: " + e);
        } finally {
            rewritingRounds = 0;
        }
    }

    /**
     * One line on how full the H2 file is (H2's own figures from {@code INFORMATION_SCHEMA.SETTINGS}): the file's
     * size, the share of it in chunks ({@code FILL_RATE}), the share of those chunks' bytes still live
     * ({@code CHUNKS_FILL_RATE}) and so the live bytes. The rest is free space H2 reuses and pages of chunks kept for
     * {@code RETENTION_TIME}: garbage of recent writes, not stored data. The load harness reads these lines.
     */
    public static String report(Connection c) throws java.sql.SQLException {
        java.util.Map<String, String> info = new java.util.TreeMap<>();
        try (java.sql.Statement st = c.createStatement();
                java.sql.ResultSet r = st.executeQuery("SELECT SETTING_NAME, SETTING_VALUE FROM INFORMATION_SCHEMA.SETTINGS"
                        + " WHERE SETTING_NAME LIKE 'info.%'")) {
            while (r.next()) {
                info.put(r.getString(1).substring("info.".length()), r.getString(2));
            }
        }
        return describe(info);
    }

    public static String describe(java.util.Map<String, String> info) {
        long fileKib = Long.parseLong(info.getOrDefault("FILE_SIZE", "0")) / 1024;
        int fill = Integer.parseInt(info.getOrDefault("FILL_RATE", "0"));
        int chunksFill = Integer.parseInt(info.getOrDefault("CHUNKS_FILL_RATE", "0"));
        return String.format(java.util.Locale.ROOT, "H2 store: file %d KiB, fill %d %%, chunks fill %d %%,"
                + " live ~%d KiB, chunks %s, pages %s live of %s", fileKib, fill, chunksFill,
                fileKib * fill / 100 * chunksFill / 100, info.getOrDefault("CHUNK_COUNT", "?"),
                info.getOrDefault("PAGE_COUNT_LIVE", "?"), info.getOrDefault("PAGE_COUNT", "?"));
    }

    /**
     * Why the file holds what it holds, from the chunks' metadata in H2's layout map: chunks with no live page that
     * wait for {@code RETENTION_TIME} to pass ("dead, retained"), dead chunks older than that but still kept because
     * an open transaction may read their version ("dead, held"), chunks with live pages older than the retention
     * time (compaction's candidates unless pinned) and their fill, and how far the oldest version H2 must keep lags behind.
     */
    public static String chunkStates(MVStore store) {
        org.h2.mvstore.FileStore<?> fs = store.getFileStore();
        long now = System.currentTimeMillis() - fs.getCreationTime();
        long retention = fs.getRetentionTime();
        long oldestKept = oldestVersionToKeep(store);
        int chunks = 0;
        int deadRetained = 0;
        int deadHeld = 0;
        int oldLive = 0;
        long oldPages = 0;
        long oldLivePages = 0;
        int oldPinned = 0;
        for (java.util.Map.Entry<String, String> e : fs.getLayoutMap().entrySet()) {
            if (!e.getKey().startsWith("chunk.")) {
                continue;
            }
            chunks++;
            java.util.Map<String, String> a = org.h2.mvstore.DataUtils.parseMap(e.getValue());
            long pages = hex(a.get("pages"));
            long live = a.containsKey("livePages") ? hex(a.get("livePages")) : pages;
            long time = hex(a.get("time"));
            if (live == 0) {
                long unused = hex(a.get("unused"));
                long unusedAtVersion = hex(a.get("unusedAtVersion"));
                if (unused + retention > now) {
                    deadRetained++;
                } else if (oldestKept >= 0 && unusedAtVersion >= oldestKept) {
                    deadHeld++;
                }
            } else if (time + retention <= now) {
                oldLive++;
                oldPages += pages;
                oldLivePages += live;
                if (hex(a.get("pinCount")) > 0) {
                    oldPinned++; // holds pages of a single-writer map (H2's undo logs): compaction may not move them
                }
            }
        }
        return String.format(java.util.Locale.ROOT, "chunks %d: dead retained %d, dead held by an old version %d,"
                + " older than retention with live pages %d (%d of %d pages live, %d pinned); version %d, oldest kept %s",
                chunks, deadRetained, deadHeld, oldLive, oldLivePages, oldPages, oldPinned, store.getCurrentVersion(),
                oldestKept < 0 ? "?" : Long.toString(oldestKept));
    }

    private static long hex(String v) {
        return v == null ? 0 : Long.parseLong(v, 16);
    }

    /** H2 keeps it package-private; read only for the report (−1 if the field cannot be read). */
    private static long oldestVersionToKeep(MVStore store) {
        try {
            java.lang.reflect.Field f = MVStore.class.getDeclaredField("oldestVersionToKeep");
            f.setAccessible(true);
            return ((java.util.concurrent.atomic.AtomicLong) f.get(store)).get();
        } catch (ReflectiveOperationException | RuntimeException e) {
            return -1;
        }
    }

    /** One round: rewrites sparse chunks if the store's fill rate is below the target; true if it rewrote any. */
    public static boolean compact(MVStore store) {
        return !store.isClosed() && store.compact(TARGET_FILL_RATE, WRITE_LIMIT_BYTES);
    }

    /** The MVStore behind an embedded H2 connection, or null (PostgreSQL, remote H2, foreign class loader). */
    public static MVStore embeddedStore(Connection c) {
        try {
            if (!c.isWrapperFor(JdbcConnection.class)) {
                return null;
            }
            if (c.unwrap(JdbcConnection.class).getSession() instanceof SessionLocal local
                    && local.getDatabase().getStore() != null) {
                MVStore store = local.getDatabase().getStore().getMvStore();
                return store.getFileStore() == null ? null : store;
            }
            return null;
        } catch (java.sql.SQLException | ClassCastException e) {
            return null;
        }
    }
}
