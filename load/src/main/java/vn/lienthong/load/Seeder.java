package vn.lienthong.load;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;

/**
 * Fills the embedded H2 store of a stopped adapter with {@code count} outgoing documents already SENT (one recipient
 * with status 06 each), so GetDocumentStatus can be measured against a large store. Set-based INSERT … SELECT in
 * batches: a million rows take minutes, not hours. The outbox never picks them up (state SENT).
 * Usage: {@code java -cp … vn.lienthong.load.Seeder <data folder> <count> <sender organisation>}
 */
public final class Seeder {

    private static final int BATCH = 50_000;

    private Seeder() {
    }

    public static void main(String[] args) throws Exception {
        Path data = Path.of(args[0]).toAbsolutePath();
        long count = Long.parseLong(args[1]);
        String sender = args[2];
        String url = "jdbc:h2:file:" + data.resolve("db").resolve("lienthong") + ";WRITE_DELAY=0";
        long started = System.nanoTime();
        try (Connection c = DriverManager.getConnection(url, "sa", "")) {
            c.setAutoCommit(false);
            long have = existing(c, sender);
            try (PreparedStatement doc = c.prepareStatement(documentInsert());
                    PreparedStatement rcp = c.prepareStatement(recipientInsert())) {
                for (long from = have + 1; from <= count; from += BATCH) {
                    long to = Math.min(count, from + BATCH - 1);
                    doc.setString(1, sender);
                    doc.setString(2, sender);
                    doc.setString(3, sender);
                    doc.setLong(4, from);
                    doc.setLong(5, to);
                    doc.executeUpdate();
                    rcp.setString(1, Target.COUNTERPART);
                    rcp.setLong(2, from);
                    rcp.setLong(3, to);
                    rcp.executeUpdate();
                    c.commit();
                    System.out.printf("seeded %d of %d documents (%.0f s)%n", to, count,
                            (System.nanoTime() - started) / 1e9);
                }
            }
            try (Statement s = c.createStatement()) {
                s.execute("ANALYZE");
            }
            c.commit();
        }
    }

    private static long existing(Connection c, String sender) throws Exception {
        try (PreparedStatement p = c.prepareStatement("SELECT COUNT(*) FROM document WHERE sender_organ_id = ?"
                + " AND document_id LIKE ?")) {
            p.setString(1, sender);
            p.setString(2, "%/" + Workload.SEED_NOTATION);
            try (ResultSet r = p.executeQuery()) {
                r.next();
                return r.getLong(1);
            }
        }
    }

    /** Ids 'seed-<n>' let the recipient rows find their document without a lookup by DocumentId. */
    private static String documentInsert() {
        return "INSERT INTO document (id, direction, document_id, sender_organ_id, submitted_by, code_number,"
                + " code_notation, subject, priority, business_type, promulgation_date, state, axis_doc_id, attempts,"
                + " created_at, updated_at, version, message_type, dedup_key)"
                + " SELECT 'seed-' || X, 'OUT', ? || '," + Workload.DATE + ",' || X || '/" + Workload.SEED_NOTATION
                + "', ?, 'seed', CAST(X AS VARCHAR), '" + Workload.SEED_NOTATION + "', 'Seeded document', 1, 0,"
                + " DATE '2026-11-23', 'SENT', 'axis-seed-' || X, 1, CURRENT_TIMESTAMP, CURRENT_TIMESTAMP, 1, 'EDOC',"
                + " 'OUT|EDOC|' || ? || '|seed-' || X || '|0'"
                + " FROM SYSTEM_RANGE(?, ?)";
    }

    private static String recipientInsert() {
        return "INSERT INTO recipient (id, document_ref, organ_id, organ_name, status_code, status_description,"
                + " status_at) SELECT 'seed-r-' || X, 'seed-' || X, ?, 'UBND tỉnh Nghệ An', '06', 'Đã hoàn thành',"
                + " CURRENT_TIMESTAMP FROM SYSTEM_RANGE(?, ?)";
    }
}
