package vn.lienthong.adapter.retention.entity;

import java.time.OffsetDateTime;

/**
 * One archive written by the retention job (a row of {@code retention_archive}). {@code state}: WRITING (begun;
 * nothing deleted yet), ARCHIVED (its documents were deleted in the transaction that set this), ABANDONED (a run
 * that stopped before deleting; the file was removed, the documents stayed live and go into a later archive).
 */
public record ArchiveRecord(String id, String fileName, String period, String state, String sha256, Long sizeBytes,
        int documents, int dataRows, int files, int auditEntries, Long auditFromSeq, Long auditToSeq,
        boolean filesPending, String nodeId, OffsetDateTime startedAt, OffsetDateTime completedAt, String detail) {

    public static final String WRITING = "WRITING";
    public static final String ARCHIVED = "ARCHIVED";
    public static final String ABANDONED = "ABANDONED";
}
