package vn.lienthong.load;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.Arrays;
import java.util.concurrent.ThreadLocalRandom;

/**
 * The store's share of GetDocumentStatus on a seeded store, without the SOAP and WS-Security stack: the two
 * statements the adapter runs for it (the document by sender and DocumentId — {@code Document.bySenderAndDocumentId}
 * — and its recipients), for random seeded documents, one connection, prepared once as the server's statement cache
 * does; prints p50/p95/p99 and the plan of each. Read-only (H2: with the adapter stopped).
 * Usage: {@code java -cp … vn.lienthong.load.StatusLookupProbe <jdbc-url> <sender organisation> <seeded count>
 * [lookups]}.
 */
public final class StatusLookupProbe {

    static final String DOCUMENT = "SELECT * FROM document WHERE direction = ? AND sender_organ_id = ?"
            + " AND document_id = ? AND message_type = 'EDOC' AND business_type = 0";
    static final String RECIPIENTS = "SELECT * FROM recipient WHERE document_ref = ? ORDER BY organ_id";

    private StatusLookupProbe() {
    }

    public static void main(String[] args) throws Exception {
        String url = args[0];
        String sender = args[1];
        long seeded = Long.parseLong(args[2]);
        int lookups = args.length > 3 ? Integer.parseInt(args[3]) : 10_000;
        boolean postgres = url.startsWith("jdbc:postgresql:");
        try (Connection c = DriverManager.getConnection(url, postgres ? "postgres" : "sa", "")) {
            explain(c, sender);
            long[] nanos = new long[lookups];
            try (PreparedStatement doc = c.prepareStatement(DOCUMENT);
                    PreparedStatement rcp = c.prepareStatement(RECIPIENTS)) {
                for (int i = 0; i < lookups; i++) {
                    long n = 1 + ThreadLocalRandom.current().nextLong(seeded);
                    long start = System.nanoTime();
                    String id = null;
                    doc.setString(1, "OUT");
                    doc.setString(2, sender);
                    doc.setString(3, Workload.documentId(sender, Long.toString(n), Workload.SEED_NOTATION));
                    try (ResultSet r = doc.executeQuery()) {
                        if (r.next()) {
                            id = r.getString("id");
                        }
                    }
                    if (id == null) {
                        throw new IllegalStateException("seeded document " + n + " not found");
                    }
                    rcp.setString(1, id);
                    try (ResultSet r = rcp.executeQuery()) {
                        while (r.next()) {
                            r.getString("status_code");
                        }
                    }
                    nanos[i] = System.nanoTime() - start;
                }
            }
            Arrays.sort(nanos);
            System.out.printf("status look-ups: %d, p50 %.2f ms, p95 %.2f ms, p99 %.2f ms, max %.2f ms%n", lookups,
                    at(nanos, 0.50), at(nanos, 0.95), at(nanos, 0.99), nanos[lookups - 1] / 1e6);
        }
    }

    private static double at(long[] sorted, double q) {
        return sorted[(int) Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1)] / 1e6;
    }

    private static void explain(Connection c, String sender) throws Exception {
        String documentId = Workload.documentId(sender, "1", Workload.SEED_NOTATION);
        for (String sql : new String[] {DOCUMENT, RECIPIENTS}) {
            try (PreparedStatement p = c.prepareStatement("EXPLAIN " + sql)) {
                if (sql == DOCUMENT) {
                    p.setString(1, "OUT");
                    p.setString(2, sender);
                    p.setString(3, documentId);
                } else {
                    p.setString(1, "seed-1");
                }
                try (ResultSet r = p.executeQuery()) {
                    StringBuilder plan = new StringBuilder();
                    while (r.next()) {
                        plan.append(r.getString(1).replaceAll("\\s+", " ")).append(' ');
                    }
                    System.out.println("plan: " + plan.toString().trim());
                }
            }
        }
    }
}
