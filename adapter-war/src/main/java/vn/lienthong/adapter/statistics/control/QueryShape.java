package vn.lienthong.adapter.statistics.control;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;

import vn.lienthong.adapter.platform.time.VietnamTime;
import vn.lienthong.adapter.statistics.control.StatisticsSql.Key;
import vn.lienthong.adapter.statistics.entity.Granularity;
import vn.lienthong.adapter.statistics.entity.StatisticsQuery;
import vn.lienthong.adapter.statistics.entity.StatisticsRow;

/**
 * The SQL pieces one statistics query needs whatever it reads — the live joins ({@link StatisticsSql}) or the rollup
 * ({@link RollupStatisticsSql}): which column is "the organisation" and which "the counterpart" in each direction,
 * the period and split columns of a row, the organisation and counterpart filters and their parameters, and a row's
 * key. One copy, so both readers group and filter exactly alike (their answers are compared in every test).
 */
final class QueryShape {

    /**
     * A direction. For what we <b>sent</b> ({@code OUT}) the organisation is the sender and the counterpart each
     * recipient; for what we <b>received</b> ({@code IN}) the organisation is each recipient served here and the
     * counterpart the sender.
     */
    enum Side {
        SENT("OUT", true),
        RECEIVED("IN", false);

        final String direction;
        private final boolean oursSend;

        Side(String direction, boolean oursSend) {
            this.direction = direction;
            this.oursSend = oursSend;
        }

        /** The organisation served here, given the sender's and the recipient's column. */
        String organisation(String sender, String recipient) {
            return oursSend ? sender : recipient;
        }

        /** The other side, given the sender's and the recipient's column. */
        String counterpart(String sender, String recipient) {
            return oursSend ? recipient : sender;
        }
    }

    final StatisticsQuery query;
    final SqlDialect dialect;
    /** The period's first instant (included) and the instant after its last day (excluded), Vietnam time. */
    final OffsetDateTime start;
    final OffsetDateTime end;
    /** Decides which deadlines have passed. */
    final LocalDate today;

    QueryShape(Connection connection, StatisticsQuery query, LocalDate today) throws SQLException {
        this.dialect = SqlDialect.of(connection);
        this.query = query;
        this.start = query.from().atStartOfDay(VietnamTime.ZONE).toOffsetDateTime();
        this.end = query.to().plusDays(1).atStartOfDay(VietnamTime.ZONE).toOffsetDateTime();
        this.today = today;
    }

    /** True when a side's rows are split or filtered by recipient: a package then counts once per recipient row. */
    boolean needsRecipientJoin(Side side) {
        return side == Side.SENT ? query.byCounterpart() || query.counterpart() != null
                : query.byOrganisation() || !query.allOrganisations();
    }

    /** The row-key columns (period, organisation, counterpart as the query splits), each followed by ", ". */
    String groupColumns(Side side, String sender, String recipient, String time) {
        StringBuilder b = new StringBuilder();
        if (query.groupBy() != Granularity.TOTAL) {
            b.append(dialect.period(time, query.groupBy())).append(", ");
        }
        if (query.byOrganisation()) {
            b.append(side.organisation(sender, recipient)).append(", ");
        }
        if (query.byCounterpart()) {
            b.append(side.counterpart(sender, recipient)).append(", ");
        }
        return b.toString();
    }

    /**
     * The same row key for one statement grouped by it alone, as {@code [select columns, GROUP BY clause]}: the period
     * grouped by {@link SqlDialect#periodGroup} and shown by {@link SqlDialect#periodLabel} (the same labels).
     */
    String[] keyAndGroupBy(Side side, String sender, String recipient, String time) {
        StringBuilder select = new StringBuilder();
        List<String> group = new ArrayList<>();
        if (query.groupBy() != Granularity.TOTAL) {
            String period = dialect.periodGroup(time, query.groupBy());
            select.append(dialect.periodLabel(period, query.groupBy())).append(", ");
            group.add(period);
        }
        if (query.byOrganisation()) {
            select.append(side.organisation(sender, recipient)).append(", ");
            group.add(side.organisation(sender, recipient));
        }
        if (query.byCounterpart()) {
            select.append(side.counterpart(sender, recipient)).append(", ");
            group.add(side.counterpart(sender, recipient));
        }
        return new String[] {select.toString(), group.isEmpty() ? "" : " GROUP BY " + String.join(", ", group)};
    }

    int keyWidth() {
        return (query.groupBy() != Granularity.TOTAL ? 1 : 0) + (query.byOrganisation() ? 1 : 0)
                + (query.byCounterpart() ? 1 : 0);
    }

    /** The key of a result row whose first columns are {@link #groupColumns}. */
    Key key(ResultSet rs) throws SQLException {
        int c = 1;
        String period = query.groupBy() == Granularity.TOTAL ? totalPeriod() : rs.getString(c++);
        String organisation = query.byOrganisation() ? rs.getString(c++) : StatisticsRow.ALL;
        String counterpart = query.byCounterpart() ? rs.getString(c) : StatisticsRow.ALL;
        return new Key(period, organisation, counterpart);
    }

    String totalPeriod() {
        return query.from() + "/" + query.to();
    }

    /** " AND organisation IN (…)" for a restricted query (parameters: {@link #bindFilters}). */
    String scopeFilter(Side side, String sender, String recipient) {
        if (query.allOrganisations()) {
            return "";
        }
        return " AND " + side.organisation(sender, recipient) + " IN ("
                + "?, ".repeat(query.organisations().size() - 1) + "?)";
    }

    /** " AND counterpart = ?" for one counterpart (parameter: {@link #bindFilters}). */
    String counterpartFilter(Side side, String sender, String recipient) {
        return query.counterpart() == null ? "" : " AND " + side.counterpart(sender, recipient) + " = ?";
    }

    /** Binds the parameters of {@link #scopeFilter} then {@link #counterpartFilter} from {@code i}; the next index. */
    int bindFilters(PreparedStatement ps, int i) throws SQLException {
        for (String organ : query.organisations()) {
            ps.setString(i++, organ);
        }
        if (query.counterpart() != null) {
            ps.setString(i++, query.counterpart());
        }
        return i;
    }

    /**
     * ", COUNT(t), median, 90th percentile" of the seconds from {@code created} to the first time {@code t} of a
     * status, continuous ({@code PERCENTILE_CONT}, the same on H2 2.x and PostgreSQL).
     */
    String timing(String created, String t) {
        String seconds = dialect.seconds(created, t);
        return ", COUNT(" + t + "), PERCENTILE_CONT(0.5) WITHIN GROUP (ORDER BY " + seconds + "),"
                + " PERCENTILE_CONT(0.9) WITHIN GROUP (ORDER BY " + seconds + ")";
    }
}
