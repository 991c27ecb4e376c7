package vn.lienthong.adapter.retention.control;

import java.io.IOException;
import java.io.OutputStream;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;

import jakarta.persistence.EntityManager;

/**
 * The audit entries of one month ({@code occurred_at} in the month), copied into the month's first archive with
 * their chain fields ({@code chain_seq}, {@code prev_hash}, {@code entry_hash}, {@code chain_key_id}). The audit
 * trail itself is never shortened: the live chain keeps every entry, so it verifies after retention as before; the
 * copy lets the archive be read on its own (who did what with the archived documents), and with the audit key
 * each entry's MAC can be recomputed from its row and the previous value ({@code audit.control.AuditChain#mac}).
 */
final class AuditSegment {

    /** What was copied: entries, the first and last chain positions, the value before the first, the last value. */
    record Anchor(int entries, Long fromSeq, Long toSeq, String prevHash, String lastHash, long headSeq,
            String headHash) {

        String properties() {
            return "# The audit segment of this archive (audit/entries.jsonl) and where it sits in the live chain\n"
                    + "entries=" + entries + "\nfirstSeq=" + (fromSeq == null ? "" : fromSeq)
                    + "\nlastSeq=" + (toSeq == null ? "" : toSeq)
                    + "\nprevHashOfFirst=" + (prevHash == null ? "" : prevHash)
                    + "\nhashOfLast=" + (lastHash == null ? "" : lastHash)
                    + "\nliveHeadSeqWhenArchived=" + headSeq + "\nliveHeadHashWhenArchived=" + headHash + "\n";
        }
    }

    private AuditSegment() {
    }

    static Anchor write(EntityManager em, OffsetDateTime from, OffsetDateTime to, OutputStream out)
            throws IOException {
        Connection c = em.unwrap(Connection.class);
        int entries = 0;
        Long first = null;
        Long last = null;
        String prev = null;
        String lastHash = null;
        try (PreparedStatement ps = c.prepareStatement("SELECT * FROM audit_entry WHERE occurred_at >= ?"
                + " AND occurred_at < ? ORDER BY chain_seq, occurred_at, id")) {
            ps.setObject(1, from);
            ps.setObject(2, to);
            ps.setFetchSize(1000);
            try (ResultSet rs = ps.executeQuery()) {
                java.sql.ResultSetMetaData md = rs.getMetaData();
                while (rs.next()) {
                    Map<String, Object> row = ArchivedRows.row(rs, md);
                    ArchivedRows.writeJsonLines(List.of(row), out);
                    entries++;
                    if (row.get("chain_seq") instanceof Number seq) {
                        if (first == null) {
                            first = seq.longValue();
                            prev = (String) row.get("prev_hash");
                        }
                        last = seq.longValue();
                        lastHash = (String) row.get("entry_hash");
                    }
                }
            }
            Object[] head = (Object[]) em.createNativeQuery("SELECT last_seq, last_hash FROM audit_chain_head")
                    .getSingleResult();
            return new Anchor(entries, first, last, prev, lastHash, ((Number) head[0]).longValue(), (String) head[1]);
        } catch (SQLException e) {
            throw new IOException("cannot read the audit segment: " + e.getMessage(), e);
        }
    }
}
