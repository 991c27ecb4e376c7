package vn.lienthong.adapter.statistics.control;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Supplier;

import javax.sql.DataSource;

import vn.lienthong.adapter.configuration.StatisticsSettings;
import vn.lienthong.adapter.platform.store.DatabaseLease;
import vn.lienthong.adapter.platform.time.VietnamTime;

/**
 * Keeps {@code stats_rollup} (V19) up to date; the only writer of that table. One run, under the job's lease in
 * {@code stats_rollup_state} (one node at a time, like the retention lease: a conditional update, renewed while
 * working, released at the end; a node that dies keeps it until it expires):
 * <ul>
 * <li><b>first build</b> (no checkpoint yet): the rows of every document, month by month of creation, one
 * transaction per month; the checkpoint is the time the build <i>started</i>, set when every month is in;</li>
 * <li><b>refresh</b>: the documents changed since checkpoint − settle ({@link RollupRows#CHANGED_SINCE}) are read
 * once, their rows replaced (delete + insert by key, in chunks) and the checkpoint moved to the time the run
 * started — all in one transaction, so a reader sees the old rows with the old checkpoint or the new with the new.
 * After a retention run removed documents, the rows of documents no longer in the store are deleted too.</li>
 * </ul>
 * Both add the document types and urgencies of the rows they wrote to {@code stats_rollup_code} (V20), the columns of
 * a request's one pass ({@link RollupStatisticsSql}).
 * Why the rows of documents not changed since checkpoint − settle are exact: see docs/statistics.md, "The rollup".
 */
public final class StatisticsRollup {

    /** What one run did. */
    public record Run(String outcome, long documents, long rows, long millis) {
        public static final String BUSY = "BUSY";
        public static final String BUILT = "BUILT";
        public static final String REFRESHED = "REFRESHED";
    }

    static final String STATE = "rollup";
    /** The kinds of {@code stats_rollup_code} (V20): the columns a request counts in its one pass. */
    static final String CODE_DOCUMENT_TYPE = "document_type";
    static final String CODE_PRIORITY = "priority";
    private static final int CHUNK = 500;

    private final DataSource dataSource;
    private final StatisticsSettings settings;
    private final String owner;
    private final Supplier<OffsetDateTime> clock;

    public StatisticsRollup(DataSource dataSource, StatisticsSettings settings, String owner,
            Supplier<OffsetDateTime> clock) {
        this.dataSource = dataSource;
        this.settings = settings;
        this.owner = owner;
        this.clock = clock;
    }

    public StatisticsRollup(DataSource dataSource, StatisticsSettings settings, String owner) {
        this(dataSource, settings, owner, VietnamTime::now);
    }

    /** Builds or refreshes the rollup unless another node is at it ({@link Run#BUSY}). */
    public Run run() throws SQLException {
        long t0 = System.nanoTime();
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(true);
            if (!claim(c)) {
                return new Run(Run.BUSY, 0, 0, 0);
            }
            try {
                c.setAutoCommit(false);
                OffsetDateTime checkpoint = checkpoint(c);
                long[] done = checkpoint == null ? build(c) : refresh(c, checkpoint);
                return new Run(checkpoint == null ? Run.BUILT : Run.REFRESHED, done[0], done[1],
                        (System.nanoTime() - t0) / 1_000_000);
            } catch (SQLException | RuntimeException e) {
                c.rollback();
                throw e;
            } finally {
                c.setAutoCommit(true);
                release(c);
            }
        }
    }

    /** The checkpoint, or null while the rollup was never built (the reads then stay live). */
    static OffsetDateTime checkpoint(Connection c) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT checkpoint_at FROM stats_rollup_state WHERE id = ?")) {
            ps.setString(1, STATE);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? rs.getObject(1, OffsetDateTime.class) : null;
            }
        }
    }

    /** True when a retention run removed documents at or after {@code since} (their rows may still be here). */
    static boolean retentionRemovedSince(Connection c, OffsetDateTime since) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT COUNT(*) FROM retention_archive"
                + " WHERE state = 'ARCHIVED' AND completed_at >= ?")) {
            ps.setObject(1, since);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1) > 0;
            }
        }
    }

    private long[] build(Connection c) throws SQLException {
        OffsetDateTime started = clock.get();
        update(c, "DELETE FROM stats_rollup");
        c.commit();
        OffsetDateTime first;
        try (PreparedStatement ps = c.prepareStatement("SELECT MIN(created_at) FROM document");
                ResultSet rs = ps.executeQuery()) {
            rs.next();
            first = rs.getObject(1, OffsetDateTime.class);
        }
        long rows = 0;
        if (first != null) {
            YearMonth month = YearMonth.from(first.atZoneSameInstant(VietnamTime.ZONE));
            YearMonth last = YearMonth.from(started.atZoneSameInstant(VietnamTime.ZONE));
            while (true) {
                boolean open = !month.isBefore(last); // the last chunk has no end: documents created meanwhile
                String sql = "INSERT INTO stats_rollup (" + RollupRows.COLUMNS + ") " + RollupRows.SELECT
                        + " AND d.created_at >= ?" + (open ? "" : " AND d.created_at < ?") + RollupRows.GROUP;
                try (PreparedStatement ps = c.prepareStatement(sql)) {
                    ps.setObject(1, month.atDay(1).atStartOfDay(VietnamTime.ZONE).toOffsetDateTime());
                    if (!open) {
                        ps.setObject(2, month.plusMonths(1).atDay(1).atStartOfDay(VietnamTime.ZONE)
                                .toOffsetDateTime());
                    }
                    rows += ps.executeUpdate();
                }
                renewOrFail(c);
                c.commit();
                if (open) {
                    break;
                }
                month = month.plusMonths(1);
            }
        }
        addCodes(c, "", List.of());
        setCheckpoint(c, started, rows);
        c.commit();
        return new long[] {-1, rows};
    }

    private long[] refresh(Connection c, OffsetDateTime checkpoint) throws SQLException {
        OffsetDateTime started = clock.get();
        OffsetDateTime since = checkpoint.minus(settings.settle());
        // Read once: deleting and inserting by the same keys, whatever commits in between.
        Set<String> changed = new LinkedHashSet<>();
        try (PreparedStatement ps = c.prepareStatement(RollupRows.CHANGED_SINCE)) {
            for (int i = 1; i <= 4; i++) {
                ps.setObject(i, since);
            }
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    changed.add(rs.getString(1));
                }
            }
        }
        long rows = 0;
        List<String> ids = new ArrayList<>(changed);
        for (int from = 0; from < ids.size(); from += CHUNK) {
            List<String> chunk = ids.subList(from, Math.min(ids.size(), from + CHUNK));
            String in = " IN (" + "?, ".repeat(chunk.size() - 1) + "?)";
            try (PreparedStatement del = c.prepareStatement("DELETE FROM stats_rollup WHERE document_ref" + in);
                    PreparedStatement ins = c.prepareStatement("INSERT INTO stats_rollup (" + RollupRows.COLUMNS
                            + ") " + RollupRows.SELECT + " AND d.id" + in + RollupRows.GROUP)) {
                for (int i = 0; i < chunk.size(); i++) {
                    del.setString(i + 1, chunk.get(i));
                    ins.setString(i + 1, chunk.get(i));
                }
                del.executeUpdate();
                rows += ins.executeUpdate();
            }
            addCodes(c, " WHERE x.document_ref" + in, chunk);
        }
        if (retentionRemovedSince(c, since)) {
            update(c, "DELETE FROM stats_rollup WHERE NOT EXISTS (SELECT 1 FROM document d"
                    + " WHERE d.id = stats_rollup.document_ref)");
        }
        renewOrFail(c);
        setCheckpoint(c, started, rows);
        c.commit();
        return new long[] {changed.size(), rows};
    }

    /** Adds the document types and urgencies of the rows chosen by {@code where} that the code table lacks. */
    private static void addCodes(Connection c, String where, List<String> keys) throws SQLException {
        for (String kind : new String[] {CODE_DOCUMENT_TYPE, CODE_PRIORITY}) {
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO stats_rollup_code (kind, code)"
                    + " SELECT DISTINCT '" + kind + "', x." + kind + " FROM stats_rollup x" + where
                    + (where.isEmpty() ? " WHERE" : " AND") + " NOT EXISTS (SELECT 1 FROM stats_rollup_code k"
                    + " WHERE k.kind = '" + kind + "' AND k.code = x." + kind + ")")) {
                for (int i = 0; i < keys.size(); i++) {
                    ps.setString(i + 1, keys.get(i));
                }
                ps.executeUpdate();
            }
        }
    }

    private void setCheckpoint(Connection c, OffsetDateTime checkpoint, long rows) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("UPDATE stats_rollup_state SET checkpoint_at = ?,"
                + " refreshed_at = ?, rows_written = ? WHERE id = ? AND owner = ?")) {
            ps.setObject(1, checkpoint);
            ps.setObject(2, clock.get());
            ps.setLong(3, rows);
            ps.setString(4, STATE);
            ps.setString(5, owner);
            if (ps.executeUpdate() != 1) {
                throw new SQLException("the statistics rollup lease was lost");
            }
        }
    }

    /** The job's lease in {@code stats_rollup_state} (one node at a time; the same protocol as retention's). */
    private DatabaseLease lease() {
        return new DatabaseLease("stats_rollup_state", STATE, settings.lease());
    }

    private boolean claim(Connection c) throws SQLException {
        return lease().claim(DatabaseLease.jdbc(c), owner, clock.get());
    }

    /** Extends the lease inside the work's transaction; a run that lost it (expired, taken over) writes nothing. */
    private void renewOrFail(Connection c) throws SQLException {
        if (!lease().renew(DatabaseLease.jdbc(c), owner, clock.get())) {
            throw new SQLException("the statistics rollup lease was lost (expired and taken over)");
        }
    }

    private void release(Connection c) throws SQLException {
        lease().release(DatabaseLease.jdbc(c), owner);
    }

    private static void update(Connection c, String sql) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            ps.executeUpdate();
        }
    }
}
