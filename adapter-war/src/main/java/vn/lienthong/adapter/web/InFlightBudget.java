package vn.lienthong.adapter.web;

/**
 * The request bytes all WS requests being processed may hold together. A request reserves its declared length
 * before it is read (a chunked one reserves block by block while it streams in) and gives it back when it is
 * answered; what does not fit is refused, so parallel large requests cannot exhaust the heap between them.
 */
final class InFlightBudget {

    private final long capacity;
    private long reserved;

    InFlightBudget(long capacity) {
        this.capacity = capacity;
    }

    synchronized boolean tryReserve(long bytes) {
        if (bytes < 0 || reserved + bytes > capacity) {
            return false;
        }
        reserved += bytes;
        return true;
    }

    synchronized void release(long bytes) {
        reserved = Math.max(0, reserved - bytes);
    }

    synchronized long reserved() {
        return reserved;
    }

    long capacity() {
        return capacity;
    }
}
