package vn.lienthong.load;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;

/**
 * Fills the store of an adapter with {@code count} outgoing documents already SENT (one recipient with status 06
 * each), so GetDocumentStatus can be measured against a large store. Set-based {@code INSERT … SELECT} over a
 * generated range of numbers, done by the database itself (H2 {@code SYSTEM_RANGE}, PostgreSQL
 * {@code generate_series}), in batches of {@value #BATCH}: nothing travels over JDBC but the statement, so a million
 * documents take minutes, not hours. The outbox never picks them up (state SENT). Documents already seeded are kept
 * (a second run only adds what is missing).
 *
 * <p>The embedded H2 store allows one process: seed it with the adapter stopped. PostgreSQL can be seeded while the
 * adapter runs (after its first start created the schema).
 * Usage: {@code java -cp … vn.lienthong.load.Seeder <data folder> <count> <sender organisation> [jdbc-url [user
 * [password]]]} — without a URL, the H2 file under the data folder.
 */
public final class Seeder {

    private static final int BATCH = 50_000;

    private Seeder() {
    }

    public static void main(String[] args) throws Exception {
        Path data = Path.of(args[0]).toAbsolutePath();
        long count = Long.parseLong(args[1]);
        String sender = args[2];
        String url = args.length > 3 ? args[3]
                : "jdbc:h2:file:" + data.resolve("db").resolve("lienthong") + ";WRITE_DELAY=0";
        String user = args.length > 4 ? args[4] : (url.startsWith("jdbc:postgresql:") ? "postgres" : "sa");
        String password = args.length > 5 ? args[5] : "";
        long started = System.nanoTime();
        try (Connection c = DriverManager.getConnection(url, user, password)) {
            seed(c, count, sender, started);
        }
        System.out.printf("seeding done: %d documents in %.0f s%n", count, (System.nanoTime() - started) / 1e9);
    }

    static void seed(Connection c, long count, String sender, long started) throws Exception {
        boolean postgres = c.getMetaData().getDatabaseProductName().toLowerCase().contains("postgres");
        String range = postgres ? " FROM generate_series(CAST(? AS BIGINT), CAST(? AS BIGINT)) AS r(x)"
                : " FROM SYSTEM_RANGE(?, ?) AS r(x)";
        c.setAutoCommit(false);
        long have = existing(c, sender);
        try (PreparedStatement doc = c.prepareStatement(documentInsert() + range);
                PreparedStatement rcp = c.prepareStatement(recipientInsert() + range)) {
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
        // Fresh planner statistics: the status look-up must see a million-row table as one.
        c.setAutoCommit(true);
        try (Statement s = c.createStatement()) {
            s.execute(postgres ? "ANALYZE document; ANALYZE recipient" : "ANALYZE");
        }
    }

    /** The seeded documents of this sender: their ids are 'seed-1' … 'seed-n', so the highest tells how many. */
    private static long existing(Connection c, String sender) throws Exception {
        try (PreparedStatement p = c.prepareStatement("SELECT COUNT(*) FROM document WHERE id LIKE 'seed-%'"
                + " AND sender_organ_id = ?")) {
            p.setString(1, sender);
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
                + " SELECT 'seed-' || x, 'OUT', ? || '," + Workload.DATE + ",' || x || '/" + Workload.SEED_NOTATION
                + "', ?, 'seed', CAST(x AS VARCHAR), '" + Workload.SEED_NOTATION + "', 'Seeded document', 1, 0,"
                + " DATE '2026-11-23', 'SENT', 'axis-seed-' || x, 1, CURRENT_TIMESTAMP, CURRENT_TIMESTAMP, 1, 'EDOC',"
                + " 'OUT|EDOC|' || ? || '|seed-' || x || '|0'";
    }

    private static String recipientInsert() {
        return "INSERT INTO recipient (id, document_ref, organ_id, organ_name, status_code, status_description,"
                + " status_at) SELECT 'seed-r-' || x, 'seed-' || x, ?, 'UBND tỉnh Nghệ An', '06', 'Đã hoàn thành',"
                + " CURRENT_TIMESTAMP";
    }
}
