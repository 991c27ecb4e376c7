package vn.lienthong.adapter.retention.control;

import java.io.IOException;
import java.io.OutputStream;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import jakarta.json.Json;
import jakarta.json.stream.JsonGenerator;
import jakarta.persistence.EntityManager;

import vn.lienthong.adapter.platform.time.VietnamTime;
import vn.lienthong.edxml.attach.NonClosingOutputStream;

/**
 * The rows of a batch of documents, read whole ({@code SELECT *}, so columns a later migration adds are archived
 * too) from every table that belongs to a document: the document rows, then the tables pointing at them. Each table
 * is written as JSON lines (one object per row, column names in lower case, times in Vietnam time ISO 8601).
 * The delete step removes exactly these rows by their keys — a row that appeared after they were read is not in the
 * archive, so it must not be deleted: the document's foreign keys then refuse the delete and the batch rolls back.
 */
final class ArchivedRows {

    /** A table belonging to a document: its name, its key column, and how its rows are found. */
    record Table(String name, String key, String where) {
    }

    /** In this order: children first, so they can be deleted in the same order. */
    static final List<Table> TABLES = List.of(
            // Issue 14's verdicts (the document's legal value) travel with the document into its archive.
            new Table("attachment_signature", "id", "document_ref IN (%1$s)"),
            new Table("document_signature", "document_ref", "document_ref IN (%1$s)"),
            new Table("legacy_number", "number", "document_ref IN (%1$s) OR inbox_item_ref IN (SELECT i.id FROM"
                    + " inbox_item i WHERE i.document_ref IN (%1$s))"),
            new Table("inbox_item", "id", "document_ref IN (%1$s)"),
            new Table("status_event", "id", "document_ref IN (%1$s)"),
            new Table("transport_attempt", "id", "document_ref IN (%1$s)"),
            new Table("stored_attachment", "id", "document_ref IN (%1$s)"),
            new Table("recipient", "id", "document_ref IN (%1$s)"),
            new Table("received_package", "id", "document_ref IN (%1$s)"),
            new Table("document", "id", "id IN (%1$s)"));

    /** Columns naming a file under the data folder, per table. */
    static final Map<String, String> FILE_COLUMNS = Map.of("document", "package_path",
            "stored_attachment", "storage_path", "received_package", "storage_path");

    final Map<String, List<Map<String, Object>>> rows = new LinkedHashMap<>();

    private ArchivedRows() {
    }

    /** Reads every row of the documents {@code ids} (within the caller's transaction). */
    static ArchivedRows read(EntityManager em, List<String> ids) {
        ArchivedRows out = new ArchivedRows();
        Connection c = em.unwrap(Connection.class);
        try {
            for (Table t : TABLES) {
                List<Map<String, Object>> all = new ArrayList<>();
                for (List<String> chunk : EligibleDocuments.chunks(ids)) {
                    String in = String.join(", ", java.util.Collections.nCopies(chunk.size(), "?"));
                    String where = String.format(t.where(), in);
                    int uses = where.split("\\?", -1).length - 1;
                    try (PreparedStatement ps = c.prepareStatement("SELECT * FROM " + t.name() + " WHERE " + where
                            + " ORDER BY " + t.key())) {
                        for (int i = 0; i < uses; i++) {
                            ps.setString(i + 1, chunk.get(i % chunk.size()));
                        }
                        try (ResultSet rs = ps.executeQuery()) {
                            all.addAll(maps(rs));
                        }
                    }
                }
                out.rows.put(t.name(), all);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read the rows to archive: " + e.getMessage(), e);
        }
        return out;
    }

    static List<Map<String, Object>> maps(ResultSet rs) throws SQLException {
        ResultSetMetaData md = rs.getMetaData();
        List<Map<String, Object>> out = new ArrayList<>();
        while (rs.next()) {
            out.add(row(rs, md));
        }
        return out;
    }

    /** The current row of {@code rs}. */
    static Map<String, Object> row(ResultSet rs, ResultSetMetaData md) throws SQLException {
        Map<String, Object> row = new LinkedHashMap<>();
        for (int i = 1; i <= md.getColumnCount(); i++) {
            row.put(md.getColumnLabel(i).toLowerCase(Locale.ROOT), value(rs.getObject(i)));
        }
        return row;
    }

    /** JSON-ready: text, numbers, booleans, times as Vietnam-time ISO 8601, dates as ISO dates. */
    static Object value(Object v) {
        if (v == null || v instanceof String || v instanceof Number || v instanceof Boolean) {
            return v;
        }
        if (v instanceof java.sql.Timestamp t) {
            return VietnamTime.iso(t.toInstant().atZone(VietnamTime.ZONE).toOffsetDateTime());
        }
        if (v instanceof OffsetDateTime t) {
            return VietnamTime.iso(t);
        }
        if (v instanceof java.sql.Date d) {
            return d.toLocalDate().toString();
        }
        return v.toString();
    }

    int count() {
        return rows.values().stream().mapToInt(List::size).sum();
    }

    List<Object> keys(Table t) {
        return rows.get(t.name()).stream().map(r -> r.get(t.key())).toList();
    }

    /** The data-folder files the rows name (relative paths as stored), each once. */
    List<String> files() {
        List<String> out = new ArrayList<>();
        FILE_COLUMNS.forEach((table, column) -> rows.getOrDefault(table, List.of()).forEach(r -> {
            Object p = r.get(column);
            if (p instanceof String s && !s.isBlank() && !out.contains(s)) {
                out.add(s);
            }
        }));
        return out;
    }

    static void writeJsonLines(List<Map<String, Object>> rows, OutputStream out) throws IOException {
        for (Map<String, Object> row : rows) {
            JsonGenerator g = Json.createGenerator(new NonClosingOutputStream(out));
            g.writeStartObject();
            row.forEach((k, v) -> {
                if (v == null) {
                    g.writeNull(k);
                } else if (v instanceof Boolean b) {
                    g.write(k, b);
                } else if (v instanceof Integer || v instanceof Long || v instanceof Short) {
                    g.write(k, ((Number) v).longValue());
                } else if (v instanceof Number n) {
                    g.write(k, new java.math.BigDecimal(n.toString()));
                } else {
                    g.write(k, v.toString());
                }
            });
            g.writeEnd();
            g.close();
            out.write('\n');
        }
    }
}
