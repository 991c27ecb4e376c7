package vn.lienthong.adapter.statistics.control;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Types;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.UUID;

/**
 * Writes documents, recipients, status events, transport attempts and received packages straight into the
 * store's tables with JDBC batches — the shape the adapter writes, at the speed a million rows need. Call
 * {@link #flush()} (or close) to send what is batched.
 */
final class StoreSeed implements AutoCloseable {

    private final Connection c;
    private final PreparedStatement document;
    private final PreparedStatement recipient;
    private final PreparedStatement status;
    private final PreparedStatement attempt;
    private final PreparedStatement received;
    private int pending;

    StoreSeed(Connection c) throws SQLException {
        this.c = c;
        document = c.prepareStatement("INSERT INTO document (id, direction, document_id, sender_organ_id, priority,"
                + " business_type, state, attempts, created_at, updated_at, version, message_type, dedup_key,"
                + " document_type, due_date) VALUES (?, ?, ?, ?, ?, ?, ?, 0, ?, ?, 0, ?, ?, ?, ?)");
        recipient = c.prepareStatement("INSERT INTO recipient (id, document_ref, organ_id) VALUES (?, ?, ?)");
        status = c.prepareStatement("INSERT INTO status_event (id, document_ref, organ_id, status_code, occurred_at,"
                + " recorded_at) VALUES (?, ?, ?, ?, ?, ?)");
        attempt = c.prepareStatement("INSERT INTO transport_attempt (id, document_ref, attempted_at, outcome)"
                + " VALUES (?, ?, ?, ?)");
        received = c.prepareStatement("INSERT INTO received_package (id, axis_doc_id, message_type, from_organ_id,"
                + " outcome, received_at) VALUES (?, ?, 'EDOC', ?, ?, ?)");
    }

    /** A document row; returns its key. {@code documentType} and {@code due} may be null. */
    String document(String direction, String messageType, String sender, int businessType, Integer documentType,
            int priority, String state, OffsetDateTime createdAt, LocalDate due) throws SQLException {
        String id = UUID.randomUUID().toString();
        document.setString(1, id);
        document.setString(2, direction);
        document.setString(3, "doc-" + id);
        document.setString(4, sender);
        document.setInt(5, priority);
        document.setInt(6, businessType);
        document.setString(7, state);
        document.setObject(8, createdAt);
        document.setObject(9, createdAt);
        document.setString(10, messageType);
        document.setString(11, direction + "|" + id);
        if (documentType == null) {
            document.setNull(12, Types.INTEGER);
        } else {
            document.setInt(12, documentType);
        }
        if (due == null) {
            document.setNull(13, Types.DATE);
        } else {
            document.setObject(13, due);
        }
        document.addBatch();
        count();
        return id;
    }

    String sent(String sender, int businessType, Integer documentType, int priority, String state,
            OffsetDateTime createdAt, LocalDate due) throws SQLException {
        return document("OUT", "EDOC", sender, businessType, documentType, priority, state, createdAt, due);
    }

    String received(String sender, int businessType, Integer documentType, int priority, OffsetDateTime createdAt,
            LocalDate due) throws SQLException {
        return document("IN", "EDOC", sender, businessType, documentType, priority, "RECEIVED", createdAt, due);
    }

    void recipient(String documentRef, String organ) throws SQLException {
        recipient.setString(1, UUID.randomUUID().toString());
        recipient.setString(2, documentRef);
        recipient.setString(3, organ);
        recipient.addBatch();
        count();
    }

    void status(String documentRef, String organ, String code, OffsetDateTime at) throws SQLException {
        status.setString(1, UUID.randomUUID().toString());
        status.setString(2, documentRef);
        status.setString(3, organ);
        status.setString(4, code);
        status.setObject(5, at);
        status.setObject(6, at);
        status.addBatch();
        count();
    }

    void attempt(String documentRef, String outcome, OffsetDateTime at) throws SQLException {
        attempt.setString(1, UUID.randomUUID().toString());
        attempt.setString(2, documentRef);
        attempt.setObject(3, at);
        attempt.setString(4, outcome);
        attempt.addBatch();
        count();
    }

    void arrival(String from, String outcome, OffsetDateTime at) throws SQLException {
        String id = UUID.randomUUID().toString();
        received.setString(1, id);
        received.setString(2, "axis-" + id);
        received.setString(3, from);
        received.setString(4, outcome);
        received.setObject(5, at);
        received.addBatch();
        count();
    }

    private void count() throws SQLException {
        if (++pending >= 5000) {
            flush();
        }
    }

    /** Documents first: the other rows refer to them. */
    void flush() throws SQLException {
        document.executeBatch();
        recipient.executeBatch();
        status.executeBatch();
        attempt.executeBatch();
        received.executeBatch();
        if (!c.getAutoCommit()) {
            c.commit();
        }
        pending = 0;
    }

    @Override
    public void close() throws SQLException {
        flush();
        document.close();
        recipient.close();
        status.close();
        attempt.close();
        received.close();
    }
}
