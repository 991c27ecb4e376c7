package vn.lienthong.adapter.statistics.entity;

/**
 * How long until a status was first reported, over the (document, recipient) pairs that reached it: how many
 * did, the median and the 90th percentile (continuous, as PERCENTILE_CONT) in seconds; null when none did.
 */
public record Timing(long reached, Double medianSeconds, Double p90Seconds) {

    public static final Timing NONE = new Timing(0, null, null);
}
