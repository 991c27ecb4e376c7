package vn.lienthong.adapter.statistics.control;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import vn.lienthong.adapter.platform.time.VietnamTime;
import vn.lienthong.adapter.statistics.control.QueryShape.Side;
import vn.lienthong.adapter.statistics.entity.DirectionFigures;
import vn.lienthong.adapter.statistics.entity.Feedback;
import vn.lienthong.adapter.statistics.entity.Granularity;
import vn.lienthong.adapter.statistics.entity.StatisticsQuery;
import vn.lienthong.adapter.statistics.entity.StatisticsRow;
import vn.lienthong.adapter.statistics.entity.Timing;

/**
 * Computes the statistics of one query on one JDBC connection: three aggregate queries per direction (counts by
 * business type / document type / urgency, feedback per (document, recipient) pair with percentiles, and the
 * refused arrivals), each a range scan of {@code ix_document_stats} (V12) with index look-ups of recipients, status
 * events and transport attempts — the database does the counting, only the aggregated rows come back.
 *
 * <p>Who is who: for what we <b>sent</b> ({@code direction = 'OUT'}) the organisation is the sender and the
 * counterpart each recipient; for what we <b>received</b> ({@code 'IN'}) the organisation is each recipient served
 * here and the counterpart the sender. Status feedback of a pair is the statuses its recipient reported about the
 * document: the counterpart's for what we sent, our own for what we received.
 */
public final class StatisticsSql {

    /** A row's identity. */
    record Key(String period, String organisation, String counterpart) {
    }

    private static final String SENDER = "d.sender_organ_id";
    private static final String RECIPIENT = "r.organ_id";

    private final Connection connection;
    private final QueryShape shape;
    private final SqlDialect dialect;
    private final StatisticsQuery query;

    public StatisticsSql(Connection connection, StatisticsQuery query, LocalDate today) throws SQLException {
        this.connection = connection;
        this.shape = new QueryShape(connection, query, today);
        this.dialect = shape.dialect;
        this.query = query;
    }

    public List<StatisticsRow> rows() throws SQLException {
        Map<Key, Figures[]> rows = new TreeMap<>(Comparator.comparing(Key::period)
                .thenComparing(Key::organisation).thenComparing(Key::counterpart));
        for (Side side : Side.values()) {
            counts(side, rows);
            feedback(side, rows);
        }
        refusedArrivals(rows);
        List<StatisticsRow> out = new ArrayList<>();
        rows.forEach((k, f) -> out.add(new StatisticsRow(k.period(), k.organisation(), k.counterpart(),
                f[0].build(), f[1].build())));
        return out;
    }

    // --- counts of packages by business type, document type and urgency -------------------------------------

    private void counts(Side side, Map<Key, Figures[]> rows) throws SQLException {
        boolean join = shape.needsRecipientJoin(side);
        String count = join ? "COUNT(DISTINCT d.id)" : "COUNT(*)";
        String dims = groupColumns(side, "d.created_at");
        String sql = "SELECT " + dims + "d.business_type, COALESCE(d.document_type, -1), d.priority, " + count + ", "
                + countIf(join, "d.state = 'DEAD'") + ", " + countIf(join, "d.state = 'RECALLED'") + ", "
                + countIf(join, "d.failed = 1")
                // only the columns needed: a database that materialises the derived table copies little
                + " FROM (SELECT x.id, x.created_at, x.sender_organ_id, x.business_type, x.document_type,"
                + " x.priority, x.state, CASE WHEN x.direction = 'OUT' AND EXISTS (SELECT 1 FROM transport_attempt ta"
                + " WHERE ta.document_ref = x.id AND ta.outcome <> 'SENT') THEN 1 ELSE 0 END AS failed"
                + " FROM document x WHERE x.direction = ? AND x.message_type = 'EDOC'"
                + " AND x.created_at >= ? AND x.created_at < ?) d"
                + (join ? " JOIN recipient r ON r.document_ref = d.id" : "")
                + " WHERE 1 = 1" + scopeFilter(side) + counterpartFilter(side)
                + " GROUP BY " + groupColumns(side, "d.created_at")
                + "d.business_type, COALESCE(d.document_type, -1), d.priority";
        try (PreparedStatement ps = connection.prepareStatement(sql)) {
            int i = bindRange(ps, side, 1);
            bindFilters(ps, i);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    int c = 1;
                    Key key = shape.key(rs);
                    c += shape.keyWidth();
                    int businessType = rs.getInt(c++);
                    int documentType = rs.getInt(c++);
                    int priority = rs.getInt(c++);
                    long n = rs.getLong(c++);
                    Figures f = figures(rows, key)[side.ordinal()];
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
        String pairs = "SELECT " + side.organisation(SENDER, RECIPIENT) + " AS org, "
                + side.counterpart(SENDER, RECIPIENT) + " AS cp, d.created_at,"
                + " d.due_date AS due,"
                + " MIN(CASE WHEN se.status_code = '01' THEN se.occurred_at END) AS t01,"
                + " MIN(CASE WHEN se.status_code = '03' THEN se.occurred_at END) AS t03,"
                + " MIN(CASE WHEN se.status_code = '06' THEN se.occurred_at END) AS t06,"
                + " MAX(CASE WHEN se.status_code IN ('02', '06') THEN 1 ELSE 0 END) AS fin,"
                + " MAX(CASE WHEN se.status_code IN ('03', '04', '05') THEN 1 ELSE 0 END) AS mid,"
                + " MAX(CASE WHEN se.status_code = '01' THEN 1 ELSE 0 END) AS arr"
                + " FROM document d JOIN recipient r ON r.document_ref = d.id"
                + " LEFT JOIN status_event se ON se.document_ref = d.id AND se.organ_id = r.organ_id"
                + " WHERE d.direction = ? AND d.message_type = 'EDOC' AND d.business_type = 0"
                + " AND d.created_at >= ? AND d.created_at < ?" + scopeFilter(side) + counterpartFilter(side)
                + " GROUP BY d.id, r.organ_id, d.sender_organ_id, d.created_at, d.due_date";
        String sql = "SELECT " + pairKeyColumns() + "COUNT(*),"
                + " SUM(CASE WHEN p.fin = 1 THEN 1 ELSE 0 END),"
                + " SUM(CASE WHEN p.fin = 0 AND p.mid = 1 THEN 1 ELSE 0 END),"
                + " SUM(CASE WHEN p.fin = 0 AND p.mid = 0 AND p.arr = 1 THEN 1 ELSE 0 END),"
                + " SUM(CASE WHEN p.fin = 0 AND p.mid = 0 AND p.arr = 0 THEN 1 ELSE 0 END),"
                + " SUM(CASE WHEN p.due < ? AND p.t06 IS NULL THEN 1 ELSE 0 END)"
                + timing("p.t01") + timing("p.t03") + timing("p.t06")
                + " FROM (" + pairs + ") p"
                + (pairGroupColumns().isEmpty() ? "" : " GROUP BY " + pairGroupColumns());
        try (PreparedStatement ps = connection.prepareStatement(sql)) {
            ps.setObject(1, shape.today);
            int i = bindRange(ps, side, 2);
            bindFilters(ps, i);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    Key key = shape.key(rs);
                    int c = 1 + shape.keyWidth();
                    long pairCount = rs.getLong(c++);
                    if (pairCount == 0) {
                        continue; // an empty range still answers one row of a plain aggregate
                    }
                    long complete = rs.getLong(c++);
                    long partial = rs.getLong(c++);
                    long arrived = rs.getLong(c++);
                    long none = rs.getLong(c++);
                    long overdue = rs.getLong(c++);
                    Timing to01 = timing(rs, c);
                    Timing to03 = timing(rs, c + 3);
                    Timing to06 = timing(rs, c + 6);
                    figures(rows, key)[side.ordinal()].feedback = new Feedback(pairCount, complete, partial,
                            arrived, none, overdue, to01, to03, to06);
                }
            }
        }
    }

    private String timing(String column) {
        return shape.timing("p.created_at", column);
    }

    static Timing timing(ResultSet rs, int c) throws SQLException {
        long reached = rs.getLong(c);
        if (reached == 0) {
            return Timing.NONE;
        }
        return new Timing(reached, rs.getDouble(c + 1), rs.getDouble(c + 2));
    }

    // --- packages refused on arrival (received side's failures) ---------------------------------------------

    /** Refused arrivals name no organisation of ours, so they are counted only in rows not split by organisation. */
    void refusedArrivals(Map<Key, Figures[]> rows) throws SQLException {
        if (query.byOrganisation() || !query.allOrganisations()) {
            return;
        }
        String period = query.groupBy() == Granularity.TOTAL ? "" : dialect.period("p.received_at",
                query.groupBy()) + ", ";
        String cp = query.byCounterpart() ? "COALESCE(p.from_organ_id, '?'), " : "";
        String group = (period + cp).replaceAll(", $", "");
        String sql = "SELECT " + period + cp + "COUNT(*) FROM received_package p WHERE p.outcome = 'REFUSED'"
                + " AND p.received_at >= ? AND p.received_at < ?"
                + (query.counterpart() == null ? "" : " AND p.from_organ_id = ?")
                + (group.isEmpty() ? "" : " GROUP BY " + group);
        try (PreparedStatement ps = connection.prepareStatement(sql)) {
            ps.setObject(1, shape.start);
            ps.setObject(2, shape.end);
            if (query.counterpart() != null) {
                ps.setString(3, query.counterpart());
            }
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    int c = 1;
                    String p = query.groupBy() == Granularity.TOTAL ? shape.totalPeriod() : rs.getString(c++);
                    String counterpart = query.byCounterpart() ? rs.getString(c++) : StatisticsRow.ALL;
                    long n = rs.getLong(c);
                    if (n > 0) {
                        figures(rows, new Key(p, StatisticsRow.ALL, counterpart))[Side.RECEIVED.ordinal()].failed += n;
                    }
                }
            }
        }
    }

    // --- SQL pieces (the shared ones: QueryShape) -------------------------------------------------------------

    private static String countIf(boolean distinct, String condition) {
        return distinct ? "COUNT(DISTINCT CASE WHEN " + condition + " THEN d.id END)"
                : "SUM(CASE WHEN " + condition + " THEN 1 ELSE 0 END)";
    }

    private String groupColumns(Side side, String time) {
        return shape.groupColumns(side, SENDER, RECIPIENT, time);
    }

    private String pairKeyColumns() {
        String g = pairGroupColumns();
        return g.isEmpty() ? "" : g + ", ";
    }

    private String pairGroupColumns() {
        List<String> cols = new ArrayList<>();
        if (query.groupBy() != Granularity.TOTAL) {
            cols.add(dialect.period("p.created_at", query.groupBy()));
        }
        if (query.byOrganisation()) {
            cols.add("p.org");
        }
        if (query.byCounterpart()) {
            cols.add("p.cp");
        }
        return String.join(", ", cols);
    }

    private String scopeFilter(Side side) {
        return shape.scopeFilter(side, SENDER, RECIPIENT);
    }

    private String counterpartFilter(Side side) {
        return shape.counterpartFilter(side, SENDER, RECIPIENT);
    }

    private int bindRange(PreparedStatement ps, Side side, int i) throws SQLException {
        ps.setString(i++, side.direction);
        ps.setObject(i++, shape.start);
        ps.setObject(i++, shape.end);
        return i;
    }

    private void bindFilters(PreparedStatement ps, int i) throws SQLException {
        shape.bindFilters(ps, i);
    }

    static Figures[] figures(Map<Key, Figures[]> rows, Key key) {
        return rows.computeIfAbsent(key, k -> new Figures[] {new Figures(), new Figures()});
    }

    /** Accumulates one direction of one row. */
    static final class Figures {
        long documents;
        long recalls;
        long updates;
        long replacements;
        final Map<Integer, Long> byDocumentType = new TreeMap<>();
        final Map<Integer, Long> byUrgency = new TreeMap<>();
        long failed;
        long dead;
        long cancelled;
        Feedback feedback = Feedback.EMPTY;

        void add(int businessType, int documentType, int priority, long n) {
            switch (businessType) {
                case 0 -> {
                    documents += n;
                    byDocumentType.merge(documentType, n, Long::sum);
                    byUrgency.merge(priority, n, Long::sum);
                }
                case 1 -> recalls += n;
                case 2 -> updates += n;
                case 3 -> replacements += n;
                default -> {
                    // not a business type of QCVN 102: counted nowhere but in failed/dead
                }
            }
        }

        /** Forgets the counts by package (not the feedback): they are counted again another way. */
        void clearCounts() {
            documents = 0;
            recalls = 0;
            updates = 0;
            replacements = 0;
            byDocumentType.clear();
            byUrgency.clear();
            failed = 0;
            dead = 0;
            cancelled = 0;
        }

        DirectionFigures build() {
            return new DirectionFigures(documents, recalls, updates, replacements,
                    Collections.unmodifiableMap(byDocumentType), Collections.unmodifiableMap(byUrgency), failed, dead, cancelled, feedback);
        }
    }
}
