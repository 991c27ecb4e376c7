package vn.lienthong.load;

import java.util.Arrays;

/** Response times of one run (microseconds), kept whole: a bounded run has at most a few hundred thousand. */
public final class Latencies {

    private long[] micros = new long[1024];
    private int size;

    public synchronized void add(long elapsedMicros) {
        if (size == micros.length) {
            micros = Arrays.copyOf(micros, size * 2);
        }
        micros[size++] = elapsedMicros;
    }

    public synchronized int count() {
        return size;
    }

    /** The nearest-rank percentile in milliseconds ({@code p} in (0, 100]); 0 when nothing was recorded. */
    public synchronized double percentileMillis(double p) {
        if (size == 0) {
            return 0;
        }
        long[] sorted = Arrays.copyOf(micros, size);
        Arrays.sort(sorted);
        int rank = (int) Math.ceil(p / 100.0 * size);
        return sorted[Math.max(0, Math.min(size, rank) - 1)] / 1000.0;
    }
}
