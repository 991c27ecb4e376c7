package vn.lienthong.load;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * Where the database's bytes go, table by table (rows, bytes with indexes, bytes per document): H2's
 * {@code DISK_SPACE_USED(table)} (the pages the table and its indexes occupy, without the file's free or not yet
 * reclaimed space) or PostgreSQL's {@code pg_total_relation_size} (heap, indexes, TOAST). Compare the total with
 * the file (H2) or {@code pg_database_size} to see what the database itself adds. Read-only.
 * Usage: {@code java -cp … vn.lienthong.load.StoreSizes <jdbc-url> [user [password]]} (H2: with the adapter stopped).
 */
public final class StoreSizes {

    private StoreSizes() {
    }

    record TableSize(String table, long rows, long bytes) {
    }

    public static void main(String[] args) throws Exception {
        String url = args[0];
        boolean postgres = url.startsWith("jdbc:postgresql:");
        try (Connection c = DriverManager.getConnection(url, args.length > 1 ? args[1] : (postgres ? "postgres" : "sa"),
                args.length > 2 ? args[2] : "")) {
            List<TableSize> sizes = sizes(c, postgres);
            long documents = sizes.stream().filter(t -> t.table().equalsIgnoreCase("document")).mapToLong(TableSize::rows)
                    .findFirst().orElse(0);
            long total = 0;
            System.out.printf("%-24s %12s %14s %12s%n", "table", "rows", "bytes", "B/document");
            for (TableSize t : sizes) {
                total += t.bytes();
                System.out.printf("%-24s %12d %14d %12.0f%n", t.table(), t.rows(), t.bytes(),
                        documents == 0 ? 0.0 : (double) t.bytes() / documents);
            }
            System.out.printf("%-24s %12d %14d %12.0f%n", "all tables", documents, total,
                    documents == 0 ? 0.0 : (double) total / documents);
            if (postgres) {
                try (ResultSet r = c.createStatement().executeQuery("SELECT pg_database_size(current_database())")) {
                    r.next();
                    System.out.printf("%-24s %12s %14d %12.0f%n", "pg_database_size", "", r.getLong(1),
                            documents == 0 ? 0.0 : (double) r.getLong(1) / documents);
                }
            }
        }
    }

    static List<TableSize> sizes(Connection c, boolean postgres) throws SQLException {
        List<String> tables = new ArrayList<>();
        try (ResultSet r = c.createStatement().executeQuery(postgres
                ? "SELECT tablename FROM pg_tables WHERE schemaname = current_schema() ORDER BY 1"
                : "SELECT TABLE_NAME FROM INFORMATION_SCHEMA.TABLES WHERE TABLE_SCHEMA = 'PUBLIC'"
                        + " AND TABLE_TYPE = 'BASE TABLE' ORDER BY 1")) {
            while (r.next()) {
                tables.add(r.getString(1));
            }
        }
        List<TableSize> out = new ArrayList<>();
        for (String table : tables) {
            String quoted = "\"" + table.replace("\"", "\"\"") + "\"";
            long rows;
            try (ResultSet r = c.createStatement().executeQuery("SELECT COUNT(*) FROM " + quoted)) {
                r.next();
                rows = r.getLong(1);
            }
            try (PreparedStatement p = c.prepareStatement(postgres ? "SELECT pg_total_relation_size(CAST(? AS regclass))"
                    : "SELECT DISK_SPACE_USED(?)")) {
                p.setString(1, quoted);
                try (ResultSet r = p.executeQuery()) {
                    r.next();
                    out.add(new TableSize(table, rows, r.getLong(1)));
                }
            }
        }
        out.sort((a, b) -> Long.compare(b.bytes(), a.bytes()));
        return out;
    }
}
