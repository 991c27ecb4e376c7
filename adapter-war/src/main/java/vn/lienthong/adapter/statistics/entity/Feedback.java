package vn.lienthong.adapter.statistics.entity;

/**
 * Status feedback over (document, recipient) pairs, in the Government Office's categories — each pair in exactly
 * one: {@code complete} (06 done or 02 refused reported), {@code partial} (03, 04 or 05 but neither 06 nor 02),
 * {@code arrivedOnly} (only 01), {@code none} (no status at all). {@code overdue}: pairs whose document's deadline
 * (due date) has passed without a 06. Times are from the document's acceptance (sent) or arrival (received) here.
 */
public record Feedback(long pairs, long complete, long partial, long arrivedOnly, long none, long overdue,
        Timing to01, Timing to03, Timing to06) {

    public static final Feedback EMPTY = new Feedback(0, 0, 0, 0, 0, 0, Timing.NONE, Timing.NONE, Timing.NONE);
}
