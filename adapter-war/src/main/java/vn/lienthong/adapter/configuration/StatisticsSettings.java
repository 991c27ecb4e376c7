package vn.lienthong.adapter.configuration;

import java.time.Duration;

import org.eclipse.microprofile.config.Config;

/**
 * The statistics rollup (issue 12, {@code docs/statistics.md} "The rollup"), read with the other settings by
 * {@link AdapterSettings#statistics()}.
 *
 * @param rollup  answer from the rollup table (plus the recently changed documents read live); false = every
 *                request runs the live joins only, and the job does not run
 * @param refresh how often the job brings the rollup up to date (one node at a time, whichever claims the lease)
 * @param settle  how long after its own time stamp a change may still become visible (the longest transaction of
 *                a writer plus the clock difference between nodes): documents changed within it are always read live
 * @param lease   how long a node's claim on the refresh lasts without renewal
 */
public record StatisticsSettings(boolean rollup, Duration refresh, Duration settle, Duration lease) {

    public static final String ROLLUP = "adapter.statistics.rollup";
    /** Seconds between two refreshes of the rollup; default 60 (first one 30 s after start). */
    public static final String REFRESH_SECONDS = "adapter.statistics.rollup.refresh-seconds";
    /** Seconds a change may take to become visible after its time stamp; default 300. */
    public static final String SETTLE_SECONDS = "adapter.statistics.rollup.settle-seconds";
    /** Minutes a node's claim on the refresh lasts; default 30 (the first build of a large store is renewed per month). */
    public static final String LEASE_MINUTES = "adapter.statistics.rollup.lease-minutes";

    public static final StatisticsSettings DEFAULTS = new StatisticsSettings(true, Duration.ofSeconds(60),
            Duration.ofSeconds(300), Duration.ofMinutes(30));

    static StatisticsSettings from(Config c) {
        return new StatisticsSettings(c.getOptionalValue(ROLLUP, Boolean.class).orElse(true),
                Duration.ofSeconds(Math.max(5, c.getOptionalValue(REFRESH_SECONDS, Long.class).orElse(60L))),
                Duration.ofSeconds(Math.max(0, c.getOptionalValue(SETTLE_SECONDS, Long.class).orElse(300L))),
                Duration.ofMinutes(Math.max(1, c.getOptionalValue(LEASE_MINUTES, Long.class).orElse(30L))));
    }
}
