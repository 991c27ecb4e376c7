package vn.lienthong.adapter.alerting.entity;

/**
 * A rule's condition holding for one subject right now, e.g. rule NO_ARRIVAL for document x / recipient y.
 *
 * @param organId the organisation whose contacts are told (null: adapter-wide, operators only)
 */
public record Finding(AlertRule rule, String subject, String organId, String messageVi, String messageEn) {

    /** The alert key: an alert is raised once per key while it stays open. */
    public String key() {
        return key(rule, subject);
    }

    public static String key(AlertRule rule, String subject) {
        return rule.id() + "|" + subject;
    }
}
