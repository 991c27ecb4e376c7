package vn.lienthong.adapter.alerting.control;

import java.nio.file.Path;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.function.Supplier;

import jakarta.persistence.EntityManager;

import vn.lienthong.adapter.alerting.entity.AlertRule;
import vn.lienthong.adapter.audit.control.ChainKey;
import vn.lienthong.adapter.configuration.AlertSettings;

/**
 * What a rule may look at in one round: the store (in the round's transaction), the time, the settings, and the
 * adapter's own resources (axis endpoint, certificates, data folder, audit key).
 */
public record RuleContext(EntityManager em, OffsetDateTime now, AlertSettings settings, String axisEndpoint,
                          Supplier<List<WatchedCertificate>> certificates, Path dataDir, ChainKey auditKey) {

    /** Most findings one rule reports in one round; beyond it the rule resolves nothing that round. */
    public static final int MAX_FINDINGS = 1000;

    public AlertSettings.RuleSetting setting(AlertRule rule, String organId) {
        return settings.rule(rule.id(), rule.unit(), rule.defaultThreshold(), organId);
    }

    /** The rule's threshold as a duration, for {@code organId} (its unit: minutes, hours or days). */
    public Duration threshold(AlertRule rule, String organId) {
        return duration(rule, setting(rule, organId).threshold());
    }

    /** The earliest time any organisation's threshold can have passed: rows newer than it cannot match. */
    public OffsetDateTime earliestCutoff(AlertRule rule) {
        return now.minus(duration(rule, settings.smallestThreshold(rule.id(), rule.unit(), rule.defaultThreshold())));
    }

    private static Duration duration(AlertRule rule, long n) {
        return switch (rule.unit()) {
            case "minutes" -> Duration.of(n, ChronoUnit.MINUTES);
            case "hours" -> Duration.of(n, ChronoUnit.HOURS);
            case "days" -> Duration.of(n, ChronoUnit.DAYS);
            default -> throw new IllegalArgumentException(rule + " has no duration threshold");
        };
    }
}
