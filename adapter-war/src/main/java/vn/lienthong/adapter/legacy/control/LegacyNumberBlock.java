package vn.lienthong.adapter.legacy.control;

import java.util.function.IntToLongFunction;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/**
 * This node's block of old-protocol numbers: {@value #SIZE} values of the shared counter reserved at a time, in a
 * short transaction of their own ({@link LegacyNumberReservations}), then handed out from memory. Before (issue 11),
 * every SendDocument locked the counter row from its number until its commit — an UPDATE per document and every
 * sender of the node (and of the other nodes) waiting on that one row. Numbers stay unique (each block is the
 * counter's alone) and increase on one node; a node that stops leaves the rest of its block unused.
 */
@ApplicationScoped
public class LegacyNumberBlock {

    /** Values per reservation: one counter transaction per this many documents. */
    static final int SIZE = 50;

    private IntToLongFunction reserve;
    private long next;
    private long end;

    /** For CDI. */
    public LegacyNumberBlock() {
    }

    /** For tests: {@code reserve} takes a count and returns the first of that many reserved values. */
    LegacyNumberBlock(IntToLongFunction reserve) {
        this.reserve = reserve;
    }

    @Inject
    void reserveWith(LegacyNumberReservations reservations) {
        this.reserve = reservations::reserve;
    }

    /** The next number of this node's block, reserving a new block when it is used up. */
    public synchronized long take() {
        if (next == end) {
            next = reserve.applyAsLong(SIZE);
            end = next + SIZE;
        }
        return next++;
    }
}
