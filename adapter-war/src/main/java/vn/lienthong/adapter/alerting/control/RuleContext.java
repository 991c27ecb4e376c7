package vn.lienthong.adapter.alerting.control;

import java.nio.file.Path;
import java.time.Duration;
import java.time.OffsetDateTime;
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

    /** The rule's threshold as a duration, for {@code organId} (a number in its unit, or an ISO-8601 duration). */
    public Duration threshold(AlertRule rule, String organId) {
        return setting(rule, organId).duration(rule.unit());
    }

    /** The threshold as written, for messages ("30 minutes", "PT5S"). */
    public String thresholdText(AlertRule rule, String organId) {
        return setting(rule, organId).text(rule.unit());
    }

    /** The same in Vietnamese ("30 phút"). */
    public String thresholdTextVi(AlertRule rule, String organId) {
        var s = setting(rule, organId);
        String unit = switch (rule.unit()) {
            case "minutes" -> "phút";
            case "hours" -> "giờ";
            case "days" -> "ngày";
            default -> rule.unit();
        };
        return s.value().startsWith("P") || s.value().startsWith("p") ? s.value() : s.threshold() + " " + unit;
    }

    /** The earliest time any organisation's threshold can have passed: rows newer than it cannot match. */
    public OffsetDateTime earliestCutoff(AlertRule rule) {
        return now.minus(settings.smallestDuration(rule.id(), rule.unit(), rule.defaultThreshold()));
    }

    /**
     * The oldest time a rule that looks back over sent documents still reads: the largest threshold of any
     * organisation plus {@code grace}. Rows older than it are only re-checked through the rule's open alerts, so a
     * round reads a bounded window of the store instead of its whole history.
     */
    public OffsetDateTime lookbackStart(AlertRule rule, java.time.Duration grace) {
        return now.minus(settings.largestDuration(rule.id(), rule.unit(), rule.defaultThreshold())).minus(grace);
    }
}
