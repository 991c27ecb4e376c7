package vn.lienthong.adapter.configuration;

import java.nio.file.Path;
import java.time.Duration;

import org.eclipse.microprofile.config.Config;

/**
 * The retention policy (issue 13, Decision 28 art. 19), read with the other settings by
 * {@link AdapterSettings#retention()}. Off by default: nothing leaves the live store unless an operator sets
 * {@value #MONTHS}. What is eligible and how it is archived: {@code docs/retention.md}.
 *
 * @param months     documents whose whole life ended more than this many calendar months ago are archived; 0 = off
 * @param archiveDir where the signed monthly archives are written
 * @param interval   how often the job runs on its own (one node at a time, whichever claims the lease)
 * @param batchSize  most documents (with their related packages) in one archive and one delete transaction
 * @param lease      how long a node owns the job before another may take it over (renewed every batch)
 */
public record RetentionSettings(int months, Path archiveDir, Duration interval, int batchSize, Duration lease) {

    public static final String MONTHS = "adapter.retention.months";
    /** Folder of the archives; default {@code <data>/archives}. */
    public static final String DIR = "adapter.retention.dir";
    /** Hours between two runs of the job; default 24 (first run 10 minutes after start). */
    public static final String INTERVAL_HOURS = "adapter.retention.interval-hours";
    /** Documents per archive and per delete transaction; default 500. */
    public static final String BATCH_SIZE = "adapter.retention.batch-size";
    /** Minutes a node's claim on the job lasts without renewal; default 30. */
    public static final String LEASE_MINUTES = "adapter.retention.lease-minutes";

    public boolean enabled() {
        return months > 0;
    }

    static RetentionSettings from(Config c, Path dataDir) {
        return new RetentionSettings(Math.max(0, c.getOptionalValue(MONTHS, Integer.class).orElse(0)),
                c.getOptionalValue(DIR, String.class).map(Path::of).orElse(dataDir.resolve("archives")),
                Duration.ofHours(Math.max(1, c.getOptionalValue(INTERVAL_HOURS, Long.class).orElse(24L))),
                Math.max(1, c.getOptionalValue(BATCH_SIZE, Integer.class).orElse(500)),
                Duration.ofMinutes(Math.max(1, c.getOptionalValue(LEASE_MINUTES, Long.class).orElse(30L))));
    }
}
