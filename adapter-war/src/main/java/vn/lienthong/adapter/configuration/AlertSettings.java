package vn.lienthong.adapter.configuration;

import java.net.URI;
import java.time.Duration;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.eclipse.microprofile.config.Config;

/**
 * The alert settings (issue 13), read with the other settings by {@link AdapterSettings#alerts()}. Kept in their
 * own class because there are many (one switch and one threshold per rule, SMTP, webhook) and a per-organisation
 * override needs the whole key space: {@code adapter.alerts.<rule>.<unit>.<organ-id>} overrides
 * {@code adapter.alerts.<rule>.<unit>}, {@code adapter.alerts.<rule>.enabled.<organ-id>} the rule's switch.
 *
 * <p>Overrides are settings, not database rows: thresholds are operating policy, set with the rest of the
 * configuration by whoever deploys the node, identical on every node and visible in one place; an override in the
 * database would need its own admin surface and could differ from what the operator's configuration says.
 * Contacts, which the agencies change, are in the database ({@code alert_contact}).
 */
public final class AlertSettings {

    public static final String PREFIX = "adapter.alerts.";
    /** Master switch of the alert evaluator; default true. */
    public static final String ENABLED = PREFIX + "enabled";
    /** How often the rules are evaluated and due notices sent; default 60 s. */
    public static final String INTERVAL = PREFIX + "interval-seconds";
    /** While an alert stays open (not acknowledged), it is notified again this often; default 240 minutes. */
    public static final String RENOTIFY = PREFIX + "renotify-minutes";
    /** Operator e-mail addresses (comma-separated) that receive every alert, besides the organisation's contacts. */
    public static final String MAIL_TO = PREFIX + "mail.to";
    /** SMTP server; default none: no e-mail is sent. */
    public static final String SMTP_HOST = PREFIX + "smtp.host";
    public static final String SMTP_PORT = PREFIX + "smtp.port";
    public static final String SMTP_FROM = PREFIX + "smtp.from";
    public static final String SMTP_USERNAME = PREFIX + "smtp.username";
    /** SMTP password; never logged. */
    public static final String SMTP_PASSWORD = PREFIX + "smtp.password";
    public static final String SMTP_STARTTLS = PREFIX + "smtp.starttls";
    /** Webhook (HTTP/HTTPS URL) that receives every alert as JSON, besides the contacts' own; default none. */
    public static final String WEBHOOK_URL = PREFIX + "webhook.url";
    public static final String WEBHOOK_TIMEOUT = PREFIX + "webhook.timeout-ms";
    /** Attempts per webhook call (1 = no retry); default 3. */
    public static final String WEBHOOK_ATTEMPTS = PREFIX + "webhook.attempts";
    /** The whole audit chain is verified this often; in between only new entries are (incremental); default 24 h. */
    public static final String AUDIT_FULL_EVERY = PREFIX + "audit-chain.full-every-hours";

    /**
     * A rule's configured switch and threshold: a number in the rule's unit, or an ISO-8601 duration
     * ({@code PT30S}) for a time rule — tests use tiny thresholds that way.
     */
    public record RuleSetting(boolean enabled, String value, long threshold) {

        /** The threshold as a duration, a number read in {@code unit} (minutes, hours, days). */
        public Duration duration(String unit) {
            if (value.startsWith("P") || value.startsWith("p")) {
                return Duration.parse(value);
            }
            return switch (unit) {
                case "minutes" -> Duration.ofMinutes(threshold);
                case "hours" -> Duration.ofHours(threshold);
                case "days" -> Duration.ofDays(threshold);
                default -> throw new IllegalArgumentException(unit + " is not a time unit");
            };
        }

        /** The threshold as written, with its unit when it is a plain number ("30 minutes", "PT5S"). */
        public String text(String unit) {
            return value.startsWith("P") || value.startsWith("p") ? value : threshold + " " + unit;
        }
    }

    private final boolean enabled;
    private final Duration interval;
    private final Duration renotify;
    private final List<String> mailTo;
    private final Optional<String> smtpHost;
    private final int smtpPort;
    private final String smtpFrom;
    private final Optional<String> smtpUsername;
    private final Optional<String> smtpPassword;
    private final boolean smtpStarttls;
    private final Optional<URI> webhookUrl;
    private final Duration webhookTimeout;
    private final int webhookAttempts;
    private final Duration auditFullEvery;
    private final Map<String, String> ruleKeys = new HashMap<>();

    private AlertSettings(Config c) {
        enabled = c.getOptionalValue(ENABLED, Boolean.class).orElse(true);
        interval = Duration.ofSeconds(Math.max(1, c.getOptionalValue(INTERVAL, Long.class).orElse(60L)));
        renotify = Duration.ofMinutes(Math.max(1, c.getOptionalValue(RENOTIFY, Long.class).orElse(240L)));
        mailTo = list(c.getOptionalValue(MAIL_TO, String.class).orElse(""));
        smtpHost = c.getOptionalValue(SMTP_HOST, String.class).map(String::trim).filter(h -> !h.isEmpty());
        smtpPort = c.getOptionalValue(SMTP_PORT, Integer.class).orElse(25);
        smtpFrom = c.getOptionalValue(SMTP_FROM, String.class).orElse("lienthong-adapter@localhost");
        smtpUsername = c.getOptionalValue(SMTP_USERNAME, String.class).filter(u -> !u.isBlank());
        smtpPassword = c.getOptionalValue(SMTP_PASSWORD, String.class);
        smtpStarttls = c.getOptionalValue(SMTP_STARTTLS, Boolean.class).orElse(false);
        webhookUrl = c.getOptionalValue(WEBHOOK_URL, String.class).map(String::trim).filter(u -> !u.isEmpty())
                .map(URI::create);
        webhookTimeout = Duration.ofMillis(c.getOptionalValue(WEBHOOK_TIMEOUT, Long.class).orElse(5_000L));
        webhookAttempts = Math.max(1, c.getOptionalValue(WEBHOOK_ATTEMPTS, Integer.class).orElse(3));
        auditFullEvery = Duration.ofHours(Math.max(1, c.getOptionalValue(AUDIT_FULL_EVERY, Long.class).orElse(24L)));
        // Every adapter.alerts.<rule>.* key, for the per-rule switches, thresholds and per-organisation overrides.
        for (String name : c.getPropertyNames()) {
            // Not the SMTP and webhook keys: the password stays out of this map.
            if (name.startsWith(PREFIX) && !name.startsWith(PREFIX + "smtp.") && !name.startsWith(PREFIX + "webhook.")) {
                c.getOptionalValue(name, String.class).ifPresent(v -> ruleKeys.put(name, v.trim()));
            }
        }
    }

    public static AlertSettings from(Config c) {
        return new AlertSettings(c);
    }

    /** Settings from explicit keys (tests, tools): everything else at its default. */
    public static AlertSettings of(Map<String, String> values) {
        return new AlertSettings(new MapConfig(values));
    }

    /**
     * The switch and threshold of rule {@code rule} (e.g. {@code no-arrival}) measured in {@code unit} (e.g.
     * {@code minutes}) for {@code organId} (null: the adapter-wide value).
     */
    public RuleSetting rule(String rule, String unit, long defaultThreshold, String organId) {
        String base = PREFIX + rule + ".";
        boolean on = bool(ruleKeys.get(base + "enabled"), true);
        String value = valid(ruleKeys.get(base + unit), String.valueOf(defaultThreshold));
        if (organId != null) {
            on = bool(ruleKeys.get(base + "enabled." + organId), on);
            value = valid(ruleKeys.get(base + unit + "." + organId), value);
        }
        return setting(on, value);
    }

    /** The smallest time threshold of a rule over the adapter-wide value and every organisation's override. */
    public Duration smallestDuration(String rule, String unit, long defaultThreshold) {
        String key = PREFIX + rule + "." + unit;
        Duration least = setting(true, valid(ruleKeys.get(key), String.valueOf(defaultThreshold))).duration(unit);
        for (Map.Entry<String, String> e : ruleKeys.entrySet()) {
            if (e.getKey().startsWith(key + ".") && valid(e.getValue(), null) != null) {
                Duration d = setting(true, e.getValue()).duration(unit);
                least = d.compareTo(least) < 0 ? d : least;
            }
        }
        return least;
    }

    /** The largest time threshold of a rule over the adapter-wide value and every organisation's override. */
    public Duration largestDuration(String rule, String unit, long defaultThreshold) {
        String key = PREFIX + rule + "." + unit;
        Duration most = setting(true, valid(ruleKeys.get(key), String.valueOf(defaultThreshold))).duration(unit);
        for (Map.Entry<String, String> e : ruleKeys.entrySet()) {
            if (e.getKey().startsWith(key + ".") && valid(e.getValue(), null) != null) {
                Duration d = setting(true, e.getValue()).duration(unit);
                most = d.compareTo(most) > 0 ? d : most;
            }
        }
        return most;
    }

    private static RuleSetting setting(boolean on, String value) {
        boolean duration = value.startsWith("P") || value.startsWith("p");
        return new RuleSetting(on, value, duration ? Duration.parse(value).toMinutes() : Long.parseLong(value));
    }

    /** {@code v} when it is a whole number or an ISO-8601 duration, else {@code otherwise} (a typo keeps the default). */
    private static String valid(String v, String otherwise) {
        if (v == null || v.isEmpty()) {
            return otherwise;
        }
        try {
            if (v.startsWith("P") || v.startsWith("p")) {
                Duration.parse(v);
            } else {
                Long.parseLong(v);
            }
            return v;
        } catch (RuntimeException e) {
            return otherwise;
        }
    }

    private static boolean bool(String v, boolean otherwise) {
        return v == null || v.isEmpty() ? otherwise : Boolean.parseBoolean(v);
    }

    private static List<String> list(String v) {
        return Arrays.stream(v.split(",")).map(String::trim).filter(x -> !x.isEmpty()).toList();
    }

    public boolean enabled() { return enabled; }
    public Duration interval() { return interval; }
    public Duration renotify() { return renotify; }
    public List<String> mailTo() { return mailTo; }
    public Optional<String> smtpHost() { return smtpHost; }
    public int smtpPort() { return smtpPort; }
    public String smtpFrom() { return smtpFrom; }
    public Optional<String> smtpUsername() { return smtpUsername; }
    public Optional<String> smtpPassword() { return smtpPassword; }
    public boolean smtpStarttls() { return smtpStarttls; }
    public Optional<URI> webhookUrl() { return webhookUrl; }
    public Duration webhookTimeout() { return webhookTimeout; }
    public int webhookAttempts() { return webhookAttempts; }
    public Duration auditFullEvery() { return auditFullEvery; }

    /** A {@link Config} over a map, for {@link #of(Map)}. */
    private static final class MapConfig implements Config {
        private final Map<String, String> values;

        MapConfig(Map<String, String> values) {
            this.values = Map.copyOf(values);
        }

        @Override
        public <T> T getValue(String name, Class<T> type) {
            return getOptionalValue(name, type).orElseThrow(() -> new java.util.NoSuchElementException(name));
        }

        @Override
        public org.eclipse.microprofile.config.ConfigValue getConfigValue(String name) {
            throw new UnsupportedOperationException();
        }

        @Override
        public <T> Optional<T> getOptionalValue(String name, Class<T> type) {
            String v = values.get(name);
            if (v == null) {
                return Optional.empty();
            }
            Object converted;
            if (type == String.class) {
                converted = v;
            } else if (type == Long.class) {
                converted = Long.valueOf(v.trim());
            } else if (type == Integer.class) {
                converted = Integer.valueOf(v.trim());
            } else if (type == Boolean.class) {
                converted = Boolean.valueOf(v.trim());
            } else {
                throw new IllegalArgumentException(type.getName());
            }
            return Optional.of(type.cast(converted));
        }

        @Override
        public Iterable<String> getPropertyNames() {
            return values.keySet();
        }

        @Override
        public Iterable<org.eclipse.microprofile.config.spi.ConfigSource> getConfigSources() {
            return List.of();
        }

        @Override
        public <T> Optional<org.eclipse.microprofile.config.spi.Converter<T>> getConverter(Class<T> forType) {
            return Optional.empty();
        }

        @Override
        public <T> T unwrap(Class<T> type) {
            throw new IllegalArgumentException(type.getName());
        }
    }
}
