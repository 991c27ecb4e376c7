package vn.lienthong.adapter.statistics.control;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import vn.lienthong.adapter.platform.time.VietnamTime;
import vn.lienthong.adapter.statistics.entity.Granularity;

/**
 * The share of digitally signed documents (issue 14), sent and received, per month and inside / outside the
 * organisation, from the verdicts the signature verifier stored ({@code document_signature}; a document counts in
 * the month it was accepted or received, Vietnam time). {@code signed}: at least one attachment carries a
 * signature; {@code established}: every attachment's signatures give it legal value; {@code pending}: not verified
 * yet. Read with plain SQL (the table belongs to the {@code signatures} package, not imported here).
 */
public final class SignedShare {

    /** One month and scope ({@code INSIDE} / {@code OUTSIDE}). */
    public record Row(String month, String scope, long documents, long signed, long established, long pending) {

        public static final Row EMPTY = new Row(null, null, 0, 0, 0, 0);
    }

    private final Connection connection;

    public SignedShare(Connection connection) {
        this.connection = connection;
    }

    /** Rows for the days {@code from} … {@code to} (both included), for {@code organisations} (empty: all). */
    public List<Row> byMonth(LocalDate from, LocalDate to, Set<String> organisations) throws SQLException {
        String month = SqlDialect.of(connection).period("accepted_at", Granularity.MONTH);
        StringBuilder sql = new StringBuilder("SELECT " + month + " AS m, scope, COUNT(*),"
                + " SUM(CASE WHEN signed THEN 1 ELSE 0 END),"
                + " SUM(CASE WHEN verdict = 'ESTABLISHED' THEN 1 ELSE 0 END),"
                + " SUM(CASE WHEN verdict = 'PENDING' THEN 1 ELSE 0 END)"
                + " FROM document_signature WHERE accepted_at >= ? AND accepted_at < ?");
        if (!organisations.isEmpty()) {
            sql.append(" AND organ_id IN (").append(String.join(",", organisations.stream().map(o -> "?").toList()))
                    .append(')');
        }
        sql.append(" GROUP BY ").append(month).append(", scope ORDER BY 1, 2");
        try (PreparedStatement ps = connection.prepareStatement(sql.toString())) {
            int i = 1;
            ps.setObject(i++, start(from));
            ps.setObject(i++, start(to.plusDays(1)));
            for (String o : organisations) {
                ps.setString(i++, o);
            }
            List<Row> rows = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    rows.add(new Row(rs.getString(1), rs.getString(2), rs.getLong(3), rs.getLong(4), rs.getLong(5),
                            rs.getLong(6)));
                }
            }
            return rows;
        }
    }

    /** The row of {@code scope} in {@code rows} (one month), or {@link Row#EMPTY}. */
    public static Row of(List<Row> rows, String scope) {
        return rows.stream().filter(r -> scope.equals(r.scope())).findFirst().orElse(Row.EMPTY);
    }

    private static OffsetDateTime start(LocalDate day) {
        return day.atStartOfDay(VietnamTime.ZONE).toOffsetDateTime();
    }
}
