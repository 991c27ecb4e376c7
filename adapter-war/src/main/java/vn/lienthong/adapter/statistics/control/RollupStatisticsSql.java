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

import vn.lienthong.adapter.platform.time.VietnamTime;
import vn.lienthong.adapter.statistics.control.StatisticsSql.Figures;
import vn.lienthong.adapter.statistics.control.StatisticsSql.Key;
import vn.lienthong.adapter.statistics.entity.Feedback;
import vn.lienthong.adapter.statistics.entity.Granularity;
import vn.lienthong.adapter.statistics.entity.StatisticsQuery;
import vn.lienthong.adapter.statistics.entity.StatisticsRow;
import vn.lienthong.adapter.statistics.entity.Timing;

/**
 * The figures of {@link StatisticsSql}, read from the rollup ({@code stats_rollup}, V19) instead of the joins.
 * Each aggregate reads one row source: the rollup rows of the period <b>except</b> those of documents changed
 * since {@code since} (checkpoint − settle), <b>plus</b> the rows of exactly those documents computed live by
 * {@link RollupRows#SELECT} — in one statement, so both halves see the same snapshot. The aggregates over that
 * source are those of the live queries (same CASE sums, same {@code PERCENTILE_CONT} over the same timestamps),
 * so the answer is identical; the refused arrivals are still read live ({@link StatisticsSql#refusedArrivals}).
 */
final class RollupStatisticsSql {

    private enum Side {
        SENT("OUT", "s.sender_organ_id", "s.organ_id"),
        RECEIVED("IN", "s.organ_id", "s.sender_organ_id");

        final String direction;
        final String organisation;
        final String counterpart;

        Side(String direction, String organisation, String counterpart) {
            this.direction = direction;
            this.organisation = organisation;
            this.counterpart = counterpart;
        }
    }

    private final Connection connection;
    private final SqlDialect dialect;
    private final StatisticsQuery query;
    private final OffsetDateTime start;
    private final OffsetDateTime end;
    private final LocalDate today;
    private final OffsetDateTime since;
    private final StatisticsSql live;

    RollupStatisticsSql(Connection connection, StatisticsQuery query, LocalDate today, OffsetDateTime since)
            throws SQLException {
        this.connection = connection;
        this.dialect = SqlDialect.of(connection);
        this.query = query;
        this.start = query.from().atStartOfDay(VietnamTime.ZONE).toOffsetDateTime();
        this.end = query.to().plusDays(1).atStartOfDay(VietnamTime.ZONE).toOffsetDateTime();
        this.today = today;
        this.since = since;
        this.live = new StatisticsSql(connection, query, today);
    }

    List<StatisticsRow> rows() throws SQLException {
        Map<Key, Figures[]> rows = new TreeMap<>(Comparator.comparing(Key::period)
                .thenComparing(Key::organisation).thenComparing(Key::counterpart));
        for (Side side : Side.values()) {
            counts(side, rows);
            feedback(side, rows);
        }
        live.refusedArrivals(rows);
        List<StatisticsRow> out = new ArrayList<>();
        rows.forEach((k, f) -> out.add(new StatisticsRow(k.period(), k.organisation(), k.counterpart(),
                f[0].build(), f[1].build())));
        return out;
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
            ps.setObject(i++, start);
            ps.setObject(i++, end);
            if (half == 0) {
                for (int k = 0; k < 4; k++) {
                    ps.setObject(i++, since);
                }
            }
        }
        return i;
    }

    // --- counts of packages by business type, document type and urgency -------------------------------------

    private void counts(Side side, Map<Key, Figures[]> rows) throws SQLException {
        boolean join = needsRecipientJoin(side);
        String count = join ? "COUNT(DISTINCT s.document_ref)" : "COUNT(*)";
        String sql = "SELECT " + groupColumns(side) + "s.business_type, s.document_type, s.priority, " + count + ", "
                + countIf(join, "s.dead = 1") + ", " + countIf(join, "s.recalled = 1") + ", "
                + countIf(join, "s.failed = 1")
                + " FROM (" + source() + ") s"
                // a package once (its lead row) — or, split by recipient, once per recipient like the live join
                + " WHERE " + (join ? "s.organ_id IS NOT NULL" : "s.lead_row = 1")
                + scopeFilter(side) + counterpartFilter(side)
                + " GROUP BY " + groupColumns(side) + "s.business_type, s.document_type, s.priority";
        try (PreparedStatement ps = connection.prepareStatement(sql)) {
            bindFilters(ps, bindSource(ps, side, 1));
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    Key key = key(rs);
                    int c = 1 + keyWidth();
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

    // --- feedback per (document, recipient) pair ------------------------------------------------------------

    private void feedback(Side side, Map<Key, Figures[]> rows) throws SQLException {
        String group = groupColumns(side).replaceAll(", $", "");
        String sql = "SELECT " + groupColumns(side) + "COUNT(*),"
                + " SUM(CASE WHEN s.fin = 1 THEN 1 ELSE 0 END),"
                + " SUM(CASE WHEN s.fin = 0 AND s.mid = 1 THEN 1 ELSE 0 END),"
                + " SUM(CASE WHEN s.fin = 0 AND s.mid = 0 AND s.arr = 1 THEN 1 ELSE 0 END),"
                + " SUM(CASE WHEN s.fin = 0 AND s.mid = 0 AND s.arr = 0 THEN 1 ELSE 0 END),"
                + " SUM(CASE WHEN s.due_date < ? AND s.t06 IS NULL THEN 1 ELSE 0 END)"
                + timing("s.t01") + timing("s.t03") + timing("s.t06")
                + " FROM (" + source() + ") s"
                + " WHERE s.business_type = 0 AND s.organ_id IS NOT NULL" + scopeFilter(side) + counterpartFilter(side)
                + (group.isEmpty() ? "" : " GROUP BY " + group);
        try (PreparedStatement ps = connection.prepareStatement(sql)) {
            ps.setObject(1, today);
            bindFilters(ps, bindSource(ps, side, 2));
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    Key key = key(rs);
                    int c = 1 + keyWidth();
                    long pairCount = rs.getLong(c++);
                    if (pairCount == 0) {
                        continue; // an empty range still answers one row of a plain aggregate
                    }
                    long complete = rs.getLong(c++);
                    long partial = rs.getLong(c++);
                    long arrived = rs.getLong(c++);
                    long none = rs.getLong(c++);
                    long overdue = rs.getLong(c++);
                    Timing to01 = StatisticsSql.timing(rs, c);
                    Timing to03 = StatisticsSql.timing(rs, c + 3);
                    Timing to06 = StatisticsSql.timing(rs, c + 6);
                    StatisticsSql.figures(rows, key)[side.ordinal()].feedback = new Feedback(pairCount, complete,
                            partial, arrived, none, overdue, to01, to03, to06);
                }
            }
        }
    }

    private String timing(String column) {
        String seconds = dialect.seconds("s.created_at", column);
        return ", COUNT(" + column + "), PERCENTILE_CONT(0.5) WITHIN GROUP (ORDER BY " + seconds + "),"
                + " PERCENTILE_CONT(0.9) WITHIN GROUP (ORDER BY " + seconds + ")";
    }

    // --- SQL pieces (as in StatisticsSql, over the row source s) --------------------------------------------

    private boolean needsRecipientJoin(Side side) {
        return side == Side.SENT ? query.byCounterpart() || query.counterpart() != null
                : query.byOrganisation() || !query.allOrganisations();
    }

    private static String countIf(boolean distinct, String condition) {
        return distinct ? "COUNT(DISTINCT CASE WHEN " + condition + " THEN s.document_ref END)"
                : "SUM(CASE WHEN " + condition + " THEN 1 ELSE 0 END)";
    }

    private String groupColumns(Side side) {
        StringBuilder b = new StringBuilder();
        if (query.groupBy() != Granularity.TOTAL) {
            b.append(dialect.period("s.created_at", query.groupBy())).append(", ");
        }
        if (query.byOrganisation()) {
            b.append(side.organisation).append(", ");
        }
        if (query.byCounterpart()) {
            b.append(side.counterpart).append(", ");
        }
        return b.toString();
    }

    private int keyWidth() {
        return (query.groupBy() != Granularity.TOTAL ? 1 : 0) + (query.byOrganisation() ? 1 : 0)
                + (query.byCounterpart() ? 1 : 0);
    }

    private Key key(ResultSet rs) throws SQLException {
        int c = 1;
        String period = query.groupBy() == Granularity.TOTAL ? query.from() + "/" + query.to() : rs.getString(c++);
        String organisation = query.byOrganisation() ? rs.getString(c++) : StatisticsRow.ALL;
        String counterpart = query.byCounterpart() ? rs.getString(c) : StatisticsRow.ALL;
        return new Key(period, organisation, counterpart);
    }

    private String scopeFilter(Side side) {
        if (query.allOrganisations()) {
            return "";
        }
        return " AND " + side.organisation + " IN (" + "?, ".repeat(query.organisations().size() - 1) + "?)";
    }

    private String counterpartFilter(Side side) {
        return query.counterpart() == null ? "" : " AND " + side.counterpart + " = ?";
    }

    private void bindFilters(PreparedStatement ps, int i) throws SQLException {
        for (String organ : query.organisations()) {
            ps.setString(i++, organ);
        }
        if (query.counterpart() != null) {
            ps.setString(i, query.counterpart());
        }
    }
}
