package vn.lienthong.adapter.statistics.control;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;

import javax.sql.DataSource;

/**
 * Seeds {@code n} documents of 2026 into an H2 store with set-based {@code INSERT … SELECT FROM SYSTEM_RANGE}
 * (H2's equivalent of COPY: no JDBC round trip per row, ten statements in all). The shape follows
 * {@link StatisticsMillionBenchmark#seed}: 60 % sent by five organisations (G22–G26) served here, 40 % received from 50
 * counterparts, 30 % of the sent ones to a second recipient, 5 % recalls/updates/replacements, 2 % dead, 5 % with a
 * retried attempt, a quarter with a deadline, and per (document, recipient): 10 % no status, 20 % only 01, 5 % 01
 * then 02, 25 % 01 → 03, 40 % 01 → 03 → 06. Pseudo-random by multiplying the row number with primes; keys are
 * SHA-256 prefixes of it, so index order is not time order (as with the adapter's UUIDs).
 */
final class H2BulkSeed {

    private H2BulkSeed() {
    }

    static long seed(DataSource ds, int n) throws SQLException {
        String id = "LEFT(RAWTOHEX(HASH('SHA-256', CAST(X AS VARCHAR))), 36)";
        String out = "(MOD(X * 7919, 10) < 6)";
        String our = "('000.00.00.G2' || CAST(2 + MOD(X / 10, 5) AS VARCHAR))";
        String other = organ("MOD(X / 7, 50)");
        String second = organ("(50 + MOD(X / 3, 13))");
        String hasSecond = "(" + out + " AND MOD(X * 41, 10) < 3)";
        String created = "DATEADD('SECOND', CAST(X AS BIGINT) * 31536000 / " + n
                + ", TIMESTAMP WITH TIME ZONE '2026-01-01 00:00:00+07')";
        String businessType = "CASE WHEN MOD(X * 13, 100) < 95 THEN 0 ELSE 1 + MOD(X, 3) END";
        long rows = 0;
        try (Connection c = ds.getConnection(); Statement st = c.createStatement()) {
            rows += st.executeUpdate("INSERT INTO document (id, direction, document_id, sender_organ_id, priority,"
                    + " business_type, state, attempts, created_at, updated_at, version, message_type, dedup_key,"
                    + " document_type, due_date) SELECT " + id + ", CASE WHEN " + out + " THEN 'OUT' ELSE 'IN' END,"
                    + " 'doc-' || X, CASE WHEN " + out + " THEN " + our + " ELSE " + other + " END,"
                    + " CASE WHEN MOD(X * 11, 10) < 8 THEN 0 ELSE MOD(X * 3, 5) END, " + businessType + ","
                    + " CASE WHEN NOT " + out + " THEN 'RECEIVED' WHEN MOD(X * 29, 100) < 2 THEN 'DEAD' ELSE 'SENT' END,"
                    + " 1, " + created + ", " + created + ", 0, 'EDOC', 'bulk|' || X, 1 + MOD(X * 5, 3),"
                    + " CASE WHEN MOD(X * 23, 4) = 0 THEN CAST(DATEADD('DAY', 10, " + created + ") AS DATE) END"
                    + " FROM SYSTEM_RANGE(1, " + n + ")");
            rows += st.executeUpdate("INSERT INTO transport_attempt (id, document_ref, attempted_at, outcome)"
                    + " SELECT 'a' || X, " + id + ", " + created + ", CASE WHEN MOD(X * 53, 100) < 5 THEN 'RETRY'"
                    + " ELSE 'SENT' END FROM SYSTEM_RANGE(1, " + n + ") WHERE " + out);
            rows += st.executeUpdate("INSERT INTO recipient (id, document_ref, organ_id) SELECT 'r' || X, " + id
                    + ", CASE WHEN " + out + " THEN " + other + " ELSE " + our + " END FROM SYSTEM_RANGE(1, " + n + ")");
            rows += st.executeUpdate("INSERT INTO recipient (id, document_ref, organ_id) SELECT 's' || X, " + id
                    + ", " + second + " FROM SYSTEM_RANGE(1, " + n + ") WHERE " + hasSecond);
            String first = "CASE WHEN " + out + " THEN " + other + " ELSE " + our + " END";
            rows += chain(st, n, id, created, businessType, first, "TRUE", "MOD(X * 37, 100)", "p");
            rows += chain(st, n, id, created, businessType, second, hasSecond, "MOD(X * 59 + 7, 100)", "q");
        }
        return rows;
    }

    /** The counterpart codes of the JDBC seeder: 000.00.07.H07 for k = 7 (k below 63). */
    private static String organ(String k) {
        String two = "LPAD(CAST(" + k + " AS VARCHAR), 2, '0')";
        return "('000.00.' || " + two + " || '.H' || " + two + ")";
    }

    private static long chain(Statement st, int n, String id, String created, String businessType, String organ,
            String where, String roll, String prefix) throws SQLException {
        String t01 = "DATEADD('SECOND', 5 + MOD(X * 43, 600), " + created + ")";
        String t03 = "DATEADD('SECOND', 60 + MOD(X * 47, 7200), " + t01 + ")";
        String t06 = "DATEADD('SECOND', 600 + MOD(X * 61, 432000), " + t03 + ")";
        String t02 = "DATEADD('SECOND', MOD(X * 67, 86400), " + t01 + ")";
        String from = " FROM SYSTEM_RANGE(1, " + n + ") WHERE " + where + " AND " + businessType + " = 0 AND ";
        long rows = 0;
        rows += insert(st, prefix + "1", id, organ, "01", t01, from + roll + " >= 10");
        rows += insert(st, prefix + "2", id, organ, "02", t02, from + roll + " >= 30 AND " + roll + " < 35");
        rows += insert(st, prefix + "3", id, organ, "03", t03, from + roll + " >= 35");
        rows += insert(st, prefix + "6", id, organ, "06", t06, from + roll + " >= 60");
        return rows;
    }

    private static int insert(Statement st, String prefix, String id, String organ, String code, String at,
            String from) throws SQLException {
        return st.executeUpdate("INSERT INTO status_event (id, document_ref, organ_id, status_code, occurred_at,"
                + " recorded_at) SELECT '" + prefix + "' || X, " + id + ", " + organ + ", '" + code + "', " + at + ", "
                + at + from);
    }
}
