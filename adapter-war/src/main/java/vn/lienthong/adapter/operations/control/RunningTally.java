package vn.lienthong.adapter.operations.control;

import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.Map;

/**
 * Counts of an insert-only table (outgoing documents by face, transport attempts by face and outcome) kept by
 * adding only the rows stamped since the last reading: a reading counts the range {@code [settledUntil, now)} of the
 * table's time index and adds the part older than {@link #SETTLE_MINUTES} to the base, so the store is read in full
 * once per node (the first reading) and afterwards only its last minutes. Rows committed more than
 * {@link #SETTLE_MINUTES} after their time stamp, and rows deleted by retention, are not seen until the node
 * restarts (docs/operations.md). Not thread-safe: {@link FiguresCache} serialises its readings.
 */
public final class RunningTally {

    /** How long after its time stamp a row is assumed committed (transactions are seconds long). */
    static final long SETTLE_MINUTES = 5;

    private final Map<String, Map<String, Long>> settled = new HashMap<>();
    /** Rows stamped before this are in {@link #settled}; null until the first (full) reading. */
    private OffsetDateTime settledUntil;

    /** Where the next reading must start: null means from the beginning (the table's first full count). */
    OffsetDateTime settledUntil() {
        return settledUntil;
    }

    /** Where a reading at {@code now} settles the counts it took before (rows older than it no longer change). */
    static OffsetDateTime settleAt(OffsetDateTime now) {
        return now.minusMinutes(SETTLE_MINUTES);
    }

    /**
     * Adds a reading: {@code older} counted rows in {@code [settledUntil, settleAt)}, {@code recent} those from
     * {@code settleAt} on. Returns the totals now (settled + recent).
     */
    Map<String, Map<String, Long>> add(Map<String, Map<String, Long>> older, Map<String, Map<String, Long>> recent,
            OffsetDateTime settleAt) {
        if (settledUntil == null || settleAt.isAfter(settledUntil)) {
            merge(settled, older);
            settledUntil = settleAt;
        }
        Map<String, Map<String, Long>> total = new HashMap<>();
        merge(total, settled);
        merge(total, recent);
        return total;
    }

    private static void merge(Map<String, Map<String, Long>> into, Map<String, Map<String, Long>> from) {
        from.forEach((face, counts) -> counts.forEach((key, n) ->
                into.computeIfAbsent(face, f -> new HashMap<>()).merge(key, n, Long::sum)));
    }
}
