package vn.lienthong.adapter.retention.control;

import java.time.OffsetDateTime;
import java.util.List;

import jakarta.persistence.EntityManager;

import vn.lienthong.adapter.retention.entity.ArchiveRecord;

/** The rows of {@code retention_archive}: what the retention job wrote, and in which state each archive is. */
public final class ArchiveTable {

    private static final String COLUMNS = "id, file_name, period, state, sha256, size_bytes, documents, data_rows,"
            + " files, audit_entries, audit_from_seq, audit_to_seq, files_pending, node_id, started_at, completed_at,"
            + " detail";

    private final EntityManager em;

    public ArchiveTable(EntityManager em) {
        this.em = em;
    }

    void begin(String id, String fileName, String period, String nodeId, OffsetDateTime now) {
        em.createNativeQuery("INSERT INTO retention_archive (id, file_name, period, state, documents, data_rows,"
                        + " files, audit_entries, files_pending, node_id, started_at)"
                        + " VALUES (?1, ?2, ?3, 'WRITING', 0, 0, 0, 0, FALSE, ?4, ?5)")
                .setParameter(1, id).setParameter(2, fileName).setParameter(3, period).setParameter(4, nodeId)
                .setParameter(5, now).executeUpdate();
    }

    /** WRITING → ARCHIVED, in the transaction that deletes the archived rows; false if it was not WRITING. */
    boolean archived(String id, String sha256, long size, int documents, int rows, int files,
            AuditSegment.Anchor audit, OffsetDateTime now, String detail) {
        // No audit segment: NULL literals (a null parameter is typed as text by PostgreSQL's driver).
        String seqs = audit == null || audit.fromSeq() == null ? "audit_from_seq = NULL, audit_to_seq = NULL"
                : "audit_from_seq = " + audit.fromSeq().longValue() + ", audit_to_seq = " + audit.toSeq().longValue();
        return em.createNativeQuery("UPDATE retention_archive SET state = 'ARCHIVED', sha256 = ?1, size_bytes = ?2,"
                        + " documents = ?3, data_rows = ?4, files = ?5, audit_entries = ?6, " + seqs + ","
                        + " files_pending = TRUE, completed_at = ?7, detail = ?8 WHERE id = ?9 AND state = 'WRITING'")
                .setParameter(1, sha256).setParameter(2, size).setParameter(3, documents).setParameter(4, rows)
                .setParameter(5, files).setParameter(6, audit == null ? 0 : audit.entries())
                .setParameter(7, now).setParameter(8, cut(detail)).setParameter(9, id).executeUpdate() == 1;
    }

    void abandoned(String id, OffsetDateTime now, String why) {
        em.createNativeQuery("UPDATE retention_archive SET state = 'ABANDONED', completed_at = ?1, detail = ?2"
                        + " WHERE id = ?3 AND state = 'WRITING'")
                .setParameter(1, now).setParameter(2, cut(why)).setParameter(3, id).executeUpdate();
    }

    void filesRemoved(String id) {
        em.createNativeQuery("UPDATE retention_archive SET files_pending = FALSE WHERE id = ?1")
                .setParameter(1, id).executeUpdate();
    }

    /** True when an ARCHIVED archive of {@code period} already carries the month's audit segment. */
    boolean auditSegmentArchived(String period) {
        return ((Number) em.createNativeQuery("SELECT COUNT(*) FROM retention_archive WHERE period = ?1"
                        + " AND state = 'ARCHIVED' AND audit_entries > 0")
                .setParameter(1, period).getSingleResult()).longValue() > 0;
    }

    List<ArchiveRecord> inState(String state) {
        return select("WHERE state = ?1 ORDER BY started_at", 10_000, state);
    }

    List<ArchiveRecord> filesPending() {
        return select("WHERE state = 'ARCHIVED' AND files_pending = TRUE ORDER BY started_at", 10_000);
    }

    /** The newest archives first (every state), at most {@code limit}. */
    public List<ArchiveRecord> newest(int limit) {
        return select("ORDER BY started_at DESC, file_name DESC", limit);
    }

    public ArchiveRecord find(String id) {
        List<ArchiveRecord> r = select("WHERE id = ?1", 1, id);
        return r.isEmpty() ? null : r.get(0);
    }

    @SuppressWarnings("unchecked")
    private List<ArchiveRecord> select(String where, int limit, Object... params) {
        jakarta.persistence.Query q = em.createNativeQuery("SELECT " + COLUMNS + " FROM retention_archive " + where)
                .setMaxResults(limit);
        for (int i = 0; i < params.length; i++) {
            q.setParameter(i + 1, params[i]);
        }
        List<Object[]> rows = q.getResultList();
        return rows.stream().map(r -> new ArchiveRecord((String) r[0], (String) r[1], (String) r[2], (String) r[3],
                (String) r[4], r[5] == null ? null : ((Number) r[5]).longValue(), ((Number) r[6]).intValue(),
                ((Number) r[7]).intValue(), ((Number) r[8]).intValue(), ((Number) r[9]).intValue(),
                r[10] == null ? null : ((Number) r[10]).longValue(), r[11] == null ? null : ((Number) r[11]).longValue(),
                Boolean.TRUE.equals(r[12]), (String) r[13], time(r[14]), r[15] == null ? null : time(r[15]),
                (String) r[16])).toList();
    }

    private static OffsetDateTime time(Object o) {
        return EligibleDocuments.toOffset(o).atZoneSameInstant(vn.lienthong.adapter.platform.time.VietnamTime.ZONE)
                .toOffsetDateTime();
    }

    private static String cut(String s) {
        return s == null || s.length() <= 1000 ? s : s.substring(0, 1000);
    }
}
