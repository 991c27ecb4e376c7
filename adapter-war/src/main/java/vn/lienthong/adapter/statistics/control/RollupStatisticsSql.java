package vn.lienthong.adapter.statistics.control;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executor;

import vn.lienthong.adapter.statistics.control.QueryShape.Side;
import vn.lienthong.adapter.statistics.control.StatisticsSql.Figures;
import vn.lienthong.adapter.statistics.control.StatisticsSql.Key;
import vn.lienthong.adapter.statistics.entity.Feedback;
import vn.lienthong.adapter.statistics.entity.StatisticsQuery;
import vn.lienthong.adapter.statistics.entity.StatisticsRow;

/**
 * The figures of {@link StatisticsSql}, read from the rollup ({@code stats_rollup}, V19) instead of the joins, in
 * <b>one statement per direction</b> that reads the rollup once: per row key, the package counts by business type,
 * document type and urgency as conditional sums over the codes the rollup holds ({@code stats_rollup_code}, V20,
 * kept by {@link StatisticsRollup}), the state counts, the feedback categories and the median / 90th percentile of
 * the times to 01 / 03 / 06. The rows read are the rollup rows of the period <b>except</b> those of documents changed
 * since {@code since} (checkpoint − settle), <b>plus</b> the rows of exactly those documents computed live by
 * {@link RollupRows#SELECT} — in the same statement, so both halves see the same snapshot. The aggregates are those
 * of the live queries (same conditions, same {@code PERCENTILE_CONT} over the same timestamps), so the answer is
 * identical. Two cases take a second statement for the counts, the live queries' shape over the same rows: a
 * received-side query over several organisations not split by organisation (a document addressed to two of them
 * counts once: {@code COUNT(DISTINCT …)}), and a document type or urgency not yet in the code table (a document
 * changed since the last refresh). The refused arrivals are still read live ({@link StatisticsSql#refusedArrivals}).
 */
final class RollupStatisticsSql {

    private static final String SENDER = "s.sender_organ_id";
    private static final String RECIPIENT = "s.organ_id";
    private static final int[] BUSINESS_TYPES = {0, 1, 2, 3};

    private final Connection connection;
    private final QueryShape shape;
    private final StatisticsQuery query;
    private final OffsetDateTime since;
    private final StatisticsSql live;

    RollupStatisticsSql(Connection connection, StatisticsQuery query, LocalDate today, OffsetDateTime since)
            throws SQLException {
        this.connection = connection;
        this.shape = new QueryShape(connection, query, today);
        this.query = query;
        this.since = since;
        this.live = new StatisticsSql(connection, query, today);
    }

    /** Where the received side's pass runs: its own connection, on another thread (the two passes at once). */
    interface SecondConnection {
        Connection open() throws SQLException;
    }

    /**
     * The rows of the query: the sent side's pass on this connection while the received side's runs on
     * {@code second} in {@code executor} — the two are independent reads of different rows, so a request costs
     * the longer of the two instead of their sum (docs/benchmarks.md, session 6).
     */
    List<StatisticsRow> rows(Executor executor, SecondConnection second) throws SQLException {
        Map<Key, Figures[]> rows = newRows();
        Map<Key, Figures[]> received = newRows();
        Codes codes = Codes.read(connection);
        if (executor == null) { // one after the other on this connection
            onePass(Side.SENT, codes, rows, connection);
            onePass(Side.RECEIVED, codes, rows, connection);
            live.refusedArrivals(rows);
            return list(rows);
        }
        CompletableFuture<Void> receivedPass = CompletableFuture.runAsync(() -> {
            try (Connection other = second.open()) {
                onePass(Side.RECEIVED, codes, received, other);
            } catch (SQLException e) {
                throw new CompletionException(e);
            }
        }, executor);
        try {
            onePass(Side.SENT, codes, rows, connection);
        } finally {
            awaitQuietly(receivedPass); // never leave the other pass running on a failed request
        }
        try {
            receivedPass.join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof SQLException sql) {
                throw sql;
            }
            throw e;
        }
        int r = Side.RECEIVED.ordinal();
        received.forEach((key, f) -> StatisticsSql.figures(rows, key)[r] = f[r]);
        live.refusedArrivals(rows);
        return list(rows);
    }

    private static List<StatisticsRow> list(Map<Key, Figures[]> rows) {
        List<StatisticsRow> out = new ArrayList<>();
        rows.forEach((k, f) -> out.add(new StatisticsRow(k.period(), k.organisation(), k.counterpart(),
                f[0].build(), f[1].build())));
        return out;
    }

    private static Map<Key, Figures[]> newRows() {
        return new TreeMap<>(Comparator.comparing(Key::period).thenComparing(Key::organisation)
                .thenComparing(Key::counterpart));
    }

    private static void awaitQuietly(CompletableFuture<Void> pass) {
        try {
            pass.join();
        } catch (CompletionException | java.util.concurrent.CancellationException e) {
            // reported by the caller's own join
        }
    }

    /** The document types and urgencies the rollup holds ({@code stats_rollup_code}): the columns of the counts. */
    record Codes(List<Integer> documentTypes, List<Integer> priorities) {

        static Codes read(Connection c) throws SQLException {
            List<Integer> types = new ArrayList<>();
            List<Integer> priorities = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement("SELECT kind, code FROM stats_rollup_code ORDER BY code");
                    ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    (StatisticsRollup.CODE_DOCUMENT_TYPE.equals(rs.getString(1)) ? types : priorities)
                            .add(rs.getInt(2));
                }
            }
            return new Codes(List.copyOf(types), List.copyOf(priorities));
        }
    }

    /** The period's rows of one direction: settled rollup rows, and the changed documents' rows computed live. */
    private static String source() {
        return "SELECT " + RollupRows.COLUMNS + " FROM stats_rollup WHERE direction = ? AND created_at >= ?"
                + " AND created_at < ? AND document_ref NOT IN (" + RollupRows.CHANGED_SINCE + ")"
                + " UNION ALL " + RollupRows.ofChanged(" AND d.direction = ? AND d.created_at >= ? AND d.created_at < ?");
    }

    private int bindSource(PreparedStatement ps, Side side, int i) throws SQLException {
        for (int half = 0; half < 2; half++) {
            if (half == 1) {
                for (int k = 0; k < 4; k++) {
                    ps.setObject(i++, since);
                }
            }
            ps.setString(i++, side.direction);
            ps.setObject(i++, shape.start);
            ps.setObject(i++, shape.end);
            if (half == 0) {
                for (int k = 0; k < 4; k++) {
                    ps.setObject(i++, since);
                }
            }
        }
        return i;
    }

    // --- one pass: everything of a row key --------------------------------------------------------------------

    private void onePass(Side side, Codes codes, Map<Key, Figures[]> rows, Connection connection)
            throws SQLException {
        boolean join = shape.needsRecipientJoin(side);
        // A document addressed to several of the organisations asked about counts once in a row not split by them.
        boolean distinct = join && side == Side.RECEIVED && !query.byOrganisation()
                && query.organisations().size() > 1;
        boolean counts = !distinct;
        // The unit a package is counted in: its lead row, or — split or filtered by recipient — each recipient row
        // (the recipient is then in the row key or fixed by the filter, so a row is one (package, recipient)).
        String unit = join ? "s.organ_id IS NOT NULL" : "s.lead_row = 1";
        String pair = "s.business_type = 0 AND s.organ_id IS NOT NULL";
        String[] rowKey = shape.keyAndGroupBy(side, SENDER, RECIPIENT, "s.created_at");
        StringBuilder sql = new StringBuilder("SELECT ").append(rowKey[0]).append("COUNT(*)");
        if (counts) {
            for (int bt : BUSINESS_TYPES) {
                sql.append(sum(unit + " AND s.business_type = " + bt));
            }
            for (int t : codes.documentTypes()) {
                sql.append(sum(unit + " AND s.business_type = 0 AND s.document_type = " + t));
            }
            for (int p : codes.priorities()) {
                sql.append(sum(unit + " AND s.business_type = 0 AND s.priority = " + p));
            }
            sql.append(sum(unit + " AND s.business_type = 0 AND (" + notIn("s.document_type", codes.documentTypes())
                    + " OR " + notIn("s.priority", codes.priorities()) + ")"));
            sql.append(sum(unit + " AND s.dead = 1")).append(sum(unit + " AND s.recalled = 1"))
                    .append(sum(unit + " AND s.failed = 1"));
        }
        sql.append(sum(pair))
                .append(sum(pair + " AND s.fin = 1"))
                .append(sum(pair + " AND s.fin = 0 AND s.mid = 1"))
                .append(sum(pair + " AND s.fin = 0 AND s.mid = 0 AND s.arr = 1"))
                .append(sum(pair + " AND s.fin = 0 AND s.mid = 0 AND s.arr = 0"))
                .append(sum(pair + " AND s.due_date < ? AND s.t06 IS NULL"));
        for (String t : new String[] {"s.t01", "s.t03", "s.t06"}) {
            // the pair's time or NULL: COUNT and PERCENTILE_CONT skip NULLs, exactly as over the pairs alone
            sql.append(shape.timing("s.created_at", "CASE WHEN " + pair + " THEN " + t + " END"));
        }
        sql.append(" FROM (").append(source()).append(") s WHERE (")
                .append(counts ? unit + " OR " + pair : pair).append(")")
                .append(shape.scopeFilter(side, SENDER, RECIPIENT))
                .append(shape.counterpartFilter(side, SENDER, RECIPIENT))
                .append(rowKey[1]);
        boolean unknownCode = false;
        try (PreparedStatement ps = connection.prepareStatement(sql.toString())) {
            ps.setObject(1, shape.today);
            shape.bindFilters(ps, bindSource(ps, side, 2));
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    if (rs.getLong(shape.keyWidth() + 1) == 0) {
                        continue; // an empty range still answers one row of a plain aggregate
                    }
                    Key key = shape.key(rs);
                    int c = shape.keyWidth() + 2;
                    Figures f = StatisticsSql.figures(rows, key)[side.ordinal()];
                    if (counts) {
                        f.documents += rs.getLong(c++);
                        f.recalls += rs.getLong(c++);
                        f.updates += rs.getLong(c++);
                        f.replacements += rs.getLong(c++);
                        for (int t : codes.documentTypes()) {
                            addPositive(f.byDocumentType, t, rs.getLong(c++));
                        }
                        for (int p : codes.priorities()) {
                            addPositive(f.byUrgency, p, rs.getLong(c++));
                        }
                        unknownCode |= rs.getLong(c++) > 0;
                        f.dead += rs.getLong(c++);
                        f.cancelled += rs.getLong(c++);
                        f.failed += rs.getLong(c++);
                    }
                    long pairCount = rs.getLong(c++);
                    if (pairCount == 0) {
                        continue;
                    }
                    long complete = rs.getLong(c++);
                    long partial = rs.getLong(c++);
                    long arrived = rs.getLong(c++);
                    long none = rs.getLong(c++);
                    long overdue = rs.getLong(c++);
                    f.feedback = new Feedback(pairCount, complete, partial, arrived, none, overdue,
                            StatisticsSql.timing(rs, c), StatisticsSql.timing(rs, c + 3), StatisticsSql.timing(rs, c + 6));
                }
            }
        }
        if (distinct || unknownCode) {
            if (unknownCode) {
                for (Figures[] f : rows.values()) {
                    f[side.ordinal()].clearCounts();
                }
            }
            counts(side, distinct, rows, connection);
        }
    }

    private static String sum(String condition) {
        return ", SUM(CASE WHEN " + condition + " THEN 1 ELSE 0 END)";
    }

    private static String notIn(String column, List<Integer> codes) {
        return codes.isEmpty() ? "1 = 1" : column + " NOT IN (" + codes.stream().map(String::valueOf)
                .collect(java.util.stream.Collectors.joining(", ")) + ")";
    }

    private static void addPositive(Map<Integer, Long> counts, int code, long n) {
        if (n > 0) {
            counts.merge(code, n, Long::sum);
        }
    }

    // --- counts by business type, document type and urgency, one group each (the two cases above) -----------

    private void counts(Side side, boolean distinct, Map<Key, Figures[]> rows, Connection connection)
            throws SQLException {
        boolean join = shape.needsRecipientJoin(side);
        String count = distinct ? "COUNT(DISTINCT s.document_ref)" : "COUNT(*)";
        String group = shape.groupColumns(side, SENDER, RECIPIENT, "s.created_at");
        String sql = "SELECT " + group + "s.business_type, s.document_type, s.priority, " + count + ", "
                + countIf(distinct, "s.dead = 1") + ", " + countIf(distinct, "s.recalled = 1") + ", "
                + countIf(distinct, "s.failed = 1")
                + " FROM (" + source() + ") s"
                // a package once (its lead row) — or, split by recipient, once per recipient like the live join
                + " WHERE " + (join ? "s.organ_id IS NOT NULL" : "s.lead_row = 1")
                + shape.scopeFilter(side, SENDER, RECIPIENT) + shape.counterpartFilter(side, SENDER, RECIPIENT)
                + " GROUP BY " + group + "s.business_type, s.document_type, s.priority";
        try (PreparedStatement ps = connection.prepareStatement(sql)) {
            shape.bindFilters(ps, bindSource(ps, side, 1));
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    Key key = shape.key(rs);
                    int c = 1 + shape.keyWidth();
                    int businessType = rs.getInt(c++);
                    int documentType = rs.getInt(c++);
                    int priority = rs.getInt(c++);
                    long n = rs.getLong(c++);
                    Figures f = StatisticsSql.figures(rows, key)[side.ordinal()];
                    f.add(businessType, documentType, priority, n);
                    f.dead += rs.getLong(c++);
                    f.cancelled += rs.getLong(c++);
                    f.failed += rs.getLong(c);
                }
            }
        }
    }

    private static String countIf(boolean distinct, String condition) {
        return distinct ? "COUNT(DISTINCT CASE WHEN " + condition + " THEN s.document_ref END)"
                : "SUM(CASE WHEN " + condition + " THEN 1 ELSE 0 END)";
    }
}
