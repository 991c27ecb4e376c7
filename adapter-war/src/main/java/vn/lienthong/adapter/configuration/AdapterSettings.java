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
    /** Largest accepted attachment, decoded bytes. */
    public static final String MAX_ATTACHMENT_BYTES = "adapter.limits.attachment-bytes";
    /** Most attachments in one document. */
    public static final String MAX_ATTACHMENTS = "adapter.limits.attachments";
    /** Allowed age of a WS-Security Timestamp, seconds. */
    public static final String WS_TIMESTAMP_TTL = "adapter.ws.timestamp-ttl-seconds";

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
    private final long maxAttachmentBytes;
    private final int maxAttachments;
    private final int wsTimestampTtlSeconds;

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
        maxAttachmentBytes = c.getOptionalValue(MAX_ATTACHMENT_BYTES, Long.class).orElse(20L * 1024 * 1024);
        maxAttachments = c.getOptionalValue(MAX_ATTACHMENTS, Integer.class).orElse(20);
        wsTimestampTtlSeconds = c.getOptionalValue(WS_TIMESTAMP_TTL, Integer.class).orElse(300);
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
    public long maxAttachmentBytes() { return maxAttachmentBytes; }
    public int maxAttachments() { return maxAttachments; }
    public int wsTimestampTtlSeconds() { return wsTimestampTtlSeconds; }
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
