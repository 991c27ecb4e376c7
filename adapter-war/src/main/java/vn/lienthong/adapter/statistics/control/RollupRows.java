package vn.lienthong.adapter.statistics.control;

/**
 * The SQL that turns the live store into rollup rows, shared by the job that writes {@code stats_rollup} (V19) and by
 * the reads, which take the rows of recently changed documents from it directly: one source of truth for what a
 * row holds. A row is one (EDOC package, distinct recipient) — or (package, NULL) for a package without any
 * recipient — with the package's fixed facts, its state flags and, for the recipient, the first times it reported
 * 01 / 03 / 06 and whether it closed (02/06), reached the middle (03-05) or only arrival (01); exactly the
 * values {@link StatisticsSql} derives per document and per pair.
 */
final class RollupRows {

    /** The rollup's columns, in the order {@link #SELECT} produces them. */
    static final String COLUMNS = "document_ref, organ_id, direction, sender_organ_id, created_at, business_type,"
            + " document_type, priority, lead_row, dead, recalled, failed, due_date, t01, t03, t06, fin, mid, arr";

    /**
     * The rows of the documents chosen by a condition on {@code d} appended after it (starting with " AND"); grouped
     * per (document, recipient organisation) like the live pair query, so a recipient listed twice is one row.
     */
    static final String SELECT = "SELECT d.id, r.organ_id, d.direction, d.sender_organ_id, d.created_at,"
            + " d.business_type, COALESCE(d.document_type, -1), d.priority,"
            + " CASE WHEN r.organ_id IS NULL OR r.organ_id = (SELECT MIN(r2.organ_id) FROM recipient r2"
            + " WHERE r2.document_ref = d.id) THEN 1 ELSE 0 END,"
            + " CASE WHEN d.state = 'DEAD' THEN 1 ELSE 0 END, CASE WHEN d.state = 'RECALLED' THEN 1 ELSE 0 END,"
            + " CASE WHEN d.direction = 'OUT' AND EXISTS (SELECT 1 FROM transport_attempt ta"
            + " WHERE ta.document_ref = d.id AND ta.outcome <> 'SENT') THEN 1 ELSE 0 END,"
            + " d.due_date,"
            + " MIN(CASE WHEN se.status_code = '01' THEN se.occurred_at END),"
            + " MIN(CASE WHEN se.status_code = '03' THEN se.occurred_at END),"
            + " MIN(CASE WHEN se.status_code = '06' THEN se.occurred_at END),"
            + " MAX(CASE WHEN se.status_code IN ('02', '06') THEN 1 ELSE 0 END),"
            + " MAX(CASE WHEN se.status_code IN ('03', '04', '05') THEN 1 ELSE 0 END),"
            + " MAX(CASE WHEN se.status_code = '01' THEN 1 ELSE 0 END)"
            + " FROM document d LEFT JOIN recipient r ON r.document_ref = d.id"
            + " LEFT JOIN status_event se ON se.document_ref = d.id AND se.organ_id = r.organ_id"
            + " WHERE d.message_type = 'EDOC'";

    static final String GROUP = " GROUP BY d.id, r.organ_id, d.direction, d.sender_organ_id, d.created_at,"
            + " d.business_type, d.document_type, d.priority, d.state, d.due_date";

    /**
     * The documents that changed at or after a time (4 parameters, all that time): a status event recorded, a
     * transport attempt made, the row itself updated (DEAD, RECALLED, re-queued: {@code updated_at}) or created
     * (a new document, a recall package). Each part is a range scan of its time index (V13, V19).
     */
    static final String CHANGED_SINCE = "SELECT se.document_ref FROM status_event se WHERE se.recorded_at >= ?"
            + " UNION SELECT ta.document_ref FROM transport_attempt ta WHERE ta.attempted_at >= ?"
            + " UNION SELECT u.id FROM document u WHERE u.updated_at >= ?"
            + " UNION SELECT n.id FROM document n WHERE n.created_at >= ?";

    private RollupRows() {
    }

    /** The rows of the documents changed since a time (parameters: 4 × that time, then the extra condition's). */
    static String ofChanged(String extraCondition) {
        return SELECT + " AND d.id IN (" + CHANGED_SINCE + ")" + extraCondition + GROUP;
    }
}
