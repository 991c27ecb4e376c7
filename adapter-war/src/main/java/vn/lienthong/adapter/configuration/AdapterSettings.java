package vn.lienthong.adapter.configuration;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;

import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;

import vn.lienthong.adapter.platform.store.DatabaseSettings;

/**
 * Every setting of the adapter, with its default, in one place.
 *
 * <p>Values come from MicroProfile Config: system properties ({@code -Dadapter.db.url=...}), environment
 * variables ({@code ADAPTER_DB_URL}) or {@code META-INF/microprofile-config.properties}. Secrets (database
 * password, axis secret, key store passwords) are never logged; {@link #toString()} leaves them out.
 */
public final class AdapterSettings {

    /** Folder for the embedded database, key stores, packages and attachments; default ~/lienthong-data. */
    public static final String DATA_DIR = DatabaseSettings.DATA_DIR;
    /** JDBC URL; default: an H2 file database under the data folder. PostgreSQL: jdbc:postgresql://host/db. */
    public static final String DB_URL = DatabaseSettings.DB_URL;
    /** Database user; default sa. */
    public static final String DB_USER = DatabaseSettings.DB_USER;
    /** Database password; default empty. */
    public static final String DB_PASSWORD = DatabaseSettings.DB_PASSWORD;
    /** Folder with adapter.p12 (our signing key), truststore.p12 (trusted client CAs); default data/keys. */
    public static final String KEYS_DIR = "adapter.keys.dir";
    /** Password of the key stores; default: generated on first start into keys/keystore.password. */
    public static final String KEYSTORE_PASSWORD = "adapter.keys.password";
    /** Create demo CA, keys and a demo client credential on first start. Switch off in production. */
    public static final String DEMO_ENABLED = "adapter.demo.enabled";
    /** Organisation id the demo client may act for. */
    public static final String DEMO_ORGAN_ID = "adapter.demo.organ-id";
    /** Base URL of the axis API (VXP endpoint). */
    public static final String AXIS_ENDPOINT = "adapter.axis.endpoint";
    /** System id issued by the axis operator. */
    public static final String AXIS_SYSTEM_ID = "adapter.axis.system-id";
    /** HMAC secret issued by the axis operator; default: the demo secret file written by the launcher. */
    public static final String AXIS_SECRET = "adapter.axis.secret";
    public static final String AXIS_CONNECT_TIMEOUT = "adapter.axis.connect-timeout-ms";
    public static final String AXIS_READ_TIMEOUT = "adapter.axis.read-timeout-ms";
    /** How often the outbox is worked. */
    public static final String OUTBOX_INTERVAL = "adapter.outbox.interval-ms";
    /**
     * How long a node owns a document it claimed from the outbox; default connect + read timeout + 30 s, so a
     * lease never ends while its owner may still be talking to the axis. A dead node's work waits this long.
     */
    public static final String OUTBOX_LEASE = "adapter.outbox.lease-ms";
    /** Age (since queued) after which a document that still fails goes DEAD with an ALERT; default 24 h. */
    public static final String OUTBOX_MAX_AGE = "adapter.outbox.max-age-minutes";
    /** First wait between two probes of an unavailable axis (doubling, ±20 % jitter); default 2 s. */
    public static final String OUTBOX_PROBE_MIN = "adapter.outbox.breaker.probe-min-ms";
    /** Longest wait between two probes: sending resumes at most this long (+20 %) after the axis answers. */
    public static final String OUTBOX_PROBE_MAX = "adapter.outbox.breaker.probe-max-ms";
    /** How long the axis may stay unavailable before an ALERT log line; default 10 minutes. */
    public static final String OUTBOX_OUTAGE_ALERT = "adapter.outbox.breaker.alert-after-minutes";
    /** This instance's name in outbox leases; must differ between nodes. Default: host name + "-" + process id. */
    public static final String NODE_ID = "adapter.node-id";
    /**
     * Bearer token of the admin operations ({@code /admin/*}); at least 32 characters. Default: none (admin
     * operations refused), in demo mode generated on first start into {@code <data>/admin-token}. Never logged.
     */
    public static final String ADMIN_TOKEN = "adapter.admin.token";
    /** Largest accepted attachment, decoded bytes. */
    public static final String MAX_ATTACHMENT_BYTES = "adapter.limits.attachment-bytes";
    /** Most attachments in one document. */
    public static final String MAX_ATTACHMENTS = "adapter.limits.attachments";
    /** Extra organisation ids served by this adapter (comma-separated), besides those of client credentials. */
    public static final String ORGANISATIONS = "adapter.organisations";
    /** How often the axis is polled for incoming documents and statuses. */
    public static final String RECEIVE_INTERVAL = "adapter.receive.interval-ms";
    /** How often the agency directory is synchronised from the axis (also once at start). */
    public static final String DIRECTORY_SYNC_INTERVAL = "adapter.directory.sync-interval-minutes";
    /** Allowed age of a WS-Security Timestamp, seconds. */
    public static final String WS_TIMESTAMP_TTL = "adapter.ws.timestamp-ttl-seconds";
    /**
     * Largest old-protocol (e-doc.vn) request, bytes, all MIME parts included; cut off while it streams in.
     * Default 64 MiB. Attachment count and size: {@link #MAX_ATTACHMENTS}, {@link #MAX_ATTACHMENT_BYTES}.
     */
    public static final String LEGACY_MAX_MESSAGE_BYTES = "adapter.legacy.max-message-bytes";
    /** Largest old-protocol SOAP envelope part (parsed in memory), bytes; default 2 MiB. */
    public static final String LEGACY_MAX_ENVELOPE_BYTES = "adapter.legacy.max-envelope-bytes";

    private final Path dataDir;
    private final String dbUrl;
    private final String dbUser;
    private final String dbPassword;
    private final Path keysDir;
    private final Optional<String> keystorePassword;
    private final boolean demoEnabled;
    private final String demoOrganId;
    private final URI axisEndpoint;
    private final String axisSystemId;
    private final Optional<String> axisSecret;
    private final Duration axisConnectTimeout;
    private final Duration axisReadTimeout;
    private final Duration outboxInterval;
    private final Duration outboxLease;
    private final Duration outboxMaxAge;
    private final Duration outboxProbeMin;
    private final Duration outboxProbeMax;
    private final Duration outboxOutageAlert;
    private final String nodeId;
    private final Optional<String> adminToken;
    private final long maxAttachmentBytes;
    private final int maxAttachments;
    private final int wsTimestampTtlSeconds;
    private final long legacyMaxMessageBytes;
    private final long legacyMaxEnvelopeBytes;
    private final java.util.List<String> organisations;
    private final Duration receiveInterval;
    private final Duration directorySyncInterval;

    private AdapterSettings(Config c) {
        dataDir = DatabaseSettings.dataDir(c);
        DatabaseSettings db = DatabaseSettings.from(c);
        dbUrl = db.url();
        dbUser = db.user();
        dbPassword = db.password();
        keysDir = c.getOptionalValue(KEYS_DIR, String.class).map(Path::of).orElse(dataDir.resolve("keys"));
        keystorePassword = c.getOptionalValue(KEYSTORE_PASSWORD, String.class);
        demoEnabled = c.getOptionalValue(DEMO_ENABLED, Boolean.class).orElse(true);
        demoOrganId = c.getOptionalValue(DEMO_ORGAN_ID, String.class).orElse("000.00.00.G22");
        axisEndpoint = URI.create(c.getOptionalValue(AXIS_ENDPOINT, String.class).orElse("http://127.0.0.1:18090/"));
        axisSystemId = c.getOptionalValue(AXIS_SYSTEM_ID, String.class).orElse("demo.adapter");
        axisSecret = c.getOptionalValue(AXIS_SECRET, String.class);
        axisConnectTimeout = Duration.ofMillis(c.getOptionalValue(AXIS_CONNECT_TIMEOUT, Long.class).orElse(5_000L));
        axisReadTimeout = Duration.ofMillis(c.getOptionalValue(AXIS_READ_TIMEOUT, Long.class).orElse(60_000L));
        outboxInterval = Duration.ofMillis(c.getOptionalValue(OUTBOX_INTERVAL, Long.class).orElse(1_000L));
        outboxLease = c.getOptionalValue(OUTBOX_LEASE, Long.class).map(Duration::ofMillis)
                .orElse(axisConnectTimeout.plus(axisReadTimeout).plusSeconds(30));
        outboxMaxAge = Duration.ofMinutes(c.getOptionalValue(OUTBOX_MAX_AGE, Long.class).orElse(24L * 60));
        outboxProbeMin = Duration.ofMillis(c.getOptionalValue(OUTBOX_PROBE_MIN, Long.class).orElse(2_000L));
        outboxProbeMax = Duration.ofMillis(c.getOptionalValue(OUTBOX_PROBE_MAX, Long.class).orElse(30_000L));
        outboxOutageAlert = Duration.ofMinutes(c.getOptionalValue(OUTBOX_OUTAGE_ALERT, Long.class).orElse(10L));
        nodeId = c.getOptionalValue(NODE_ID, String.class).orElseGet(AdapterSettings::defaultNodeId);
        adminToken = c.getOptionalValue(ADMIN_TOKEN, String.class);
        maxAttachmentBytes = c.getOptionalValue(MAX_ATTACHMENT_BYTES, Long.class).orElse(20L * 1024 * 1024);
        maxAttachments = c.getOptionalValue(MAX_ATTACHMENTS, Integer.class).orElse(20);
        wsTimestampTtlSeconds = c.getOptionalValue(WS_TIMESTAMP_TTL, Integer.class).orElse(300);
        legacyMaxMessageBytes = c.getOptionalValue(LEGACY_MAX_MESSAGE_BYTES, Long.class).orElse(64L * 1024 * 1024);
        legacyMaxEnvelopeBytes = c.getOptionalValue(LEGACY_MAX_ENVELOPE_BYTES, Long.class).orElse(2L * 1024 * 1024);
        organisations = c.getOptionalValue(ORGANISATIONS, String.class).map(v -> java.util.Arrays.stream(v.split(","))
                .map(String::trim).filter(x -> !x.isEmpty()).toList()).orElse(java.util.List.of());
        receiveInterval = Duration.ofMillis(c.getOptionalValue(RECEIVE_INTERVAL, Long.class).orElse(5_000L));
        directorySyncInterval = Duration.ofMinutes(
                c.getOptionalValue(DIRECTORY_SYNC_INTERVAL, Long.class).orElse(24L * 60));
    }

    private static String defaultNodeId() {
        String host;
        try {
            host = java.net.InetAddress.getLocalHost().getHostName();
        } catch (java.io.IOException e) {
            host = "localhost";
        }
        // The process id makes a restarted node a new owner: its predecessor's leases expire normally.
        return host + "-" + ProcessHandle.current().pid();
    }

    /** Reads the settings of the calling application. */
    public static AdapterSettings load() {
        return new AdapterSettings(ConfigProvider.getConfig(AdapterSettings.class.getClassLoader()));
    }

    public static AdapterSettings from(Config config) {
        return new AdapterSettings(config);
    }

    public Path dataDir() { return dataDir; }
    public String dbUrl() { return dbUrl; }
    public String dbUser() { return dbUser; }
    public String dbPassword() { return dbPassword; }
    public Path keysDir() { return keysDir; }
    public Optional<String> keystorePassword() { return keystorePassword; }
    public boolean demoEnabled() { return demoEnabled; }
    public String demoOrganId() { return demoOrganId; }
    public URI axisEndpoint() { return axisEndpoint; }
    public String axisSystemId() { return axisSystemId; }
    public Optional<String> axisSecret() { return axisSecret; }
    public Duration axisConnectTimeout() { return axisConnectTimeout; }
    public Duration axisReadTimeout() { return axisReadTimeout; }
    public Duration outboxInterval() { return outboxInterval; }
    public Duration outboxLease() { return outboxLease; }
    public Duration outboxMaxAge() { return outboxMaxAge; }
    public Duration outboxProbeMin() { return outboxProbeMin; }
    public Duration outboxProbeMax() { return outboxProbeMax; }
    public Duration outboxOutageAlert() { return outboxOutageAlert; }
    public String nodeId() { return nodeId; }
    public Optional<String> adminToken() { return adminToken; }
    public long maxAttachmentBytes() { return maxAttachmentBytes; }
    public int maxAttachments() { return maxAttachments; }
    public int wsTimestampTtlSeconds() { return wsTimestampTtlSeconds; }
    public long legacyMaxMessageBytes() { return legacyMaxMessageBytes; }
    public long legacyMaxEnvelopeBytes() { return legacyMaxEnvelopeBytes; }
    public java.util.List<String> organisations() { return organisations; }
    public Duration receiveInterval() { return receiveInterval; }
    public Duration directorySyncInterval() { return directorySyncInterval; }
    public Path inboundDir() { return dataDir.resolve("inbound"); }
    public Path attachmentsDir() { return dataDir.resolve("attachments"); }
    public Path packagesDir() { return dataDir.resolve("packages"); }

    @Override
    public String toString() {
        // Secrets deliberately absent; the database URL is shown without credentials a user may have put in it.
        return "AdapterSettings[dataDir=" + dataDir + ", db=" + dbUrl.replaceAll("password=[^;&]*", "password=***")
                + ", keysDir=" + keysDir + ", demo=" + demoEnabled + ", axis=" + axisEndpoint
                + ", systemId=" + axisSystemId + "]";
    }
}
