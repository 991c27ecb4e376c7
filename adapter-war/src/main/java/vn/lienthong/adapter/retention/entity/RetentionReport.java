package vn.lienthong.adapter.retention.entity;

import java.time.OffsetDateTime;
import java.util.List;

/**
 * What one run of the retention job did. {@code outcome}: OFF (policy switched off), BUSY (another node holds the
 * lease), DONE, FAILED (stopped at a batch; what was archived before it stays archived, the rest stays live).
 */
public record RetentionReport(String outcome, OffsetDateTime cutoff, List<ArchiveRecord> archived, int abandoned,
        int filesRemoved, String detail) {

    public int documents() {
        return archived.stream().mapToInt(ArchiveRecord::documents).sum();
    }
}
