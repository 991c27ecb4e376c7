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
    // --- delivery (issue 11): parallel outbox sends
    /** Most documents one node sends to one axis endpoint at the same time (default 8: I/O-bound, 2 cores). */
    public static final String OUTBOX_MAX_PARALLEL_SENDS = "adapter.outbox.max-parallel-sends";
    // --- end delivery
    /** This instance's name in outbox leases; must differ between nodes. Default: host name + "-" + process id. */
    public static final String NODE_ID = "adapter.node-id";
    /**
     * Bearer token of the admin operations ({@code /admin/*}); at least 32 characters. Default: none (admin
     * operations refused), in demo mode generated on first start into {@code <data>/admin-token}. Never logged.
     */
    public static final String ADMIN_TOKEN = "adapter.admin.token";
    /**
     * Admin operations also need a TLS client certificate issued by a CA of the trust store (so: HTTPS only).
     * Default false. The HTTPS listener must request client certificates (Payara {@code ssl.client-auth=want}).
     */
    public static final String ADMIN_REQUIRE_CLIENT_CERT = "adapter.admin.require-client-cert";
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
     * User names (comma-separated) of WS clients still allowed to sign with RSA-SHA1 / SHA-1 digests; every such
     * use is audited. Default empty: the signed profile accepts only what its policy says (SHA-256 and stronger).
     */
    public static final String WS_SHA1_CLIENTS = "adapter.ws.sha1-clients";
    /** Most replay marks (UsernameToken nonces, signature values) kept at once; beyond it requests are refused. */
    public static final String WS_REPLAY_CAP = "adapter.ws.replay-cap";
    /** Failed logins (WS UsernameToken, old-protocol token) per account or client address before it is locked. */
    public static final String AUTH_MAX_FAILURES = "adapter.auth.max-failures";
    /** Failed logins from one client address (all accounts) before the address is locked. */
    public static final String AUTH_MAX_FAILURES_PER_ADDRESS = "adapter.auth.max-failures-per-address";
    /** The window in which failed logins are counted, and how long a lock lasts from the first failure. */
    public static final String AUTH_FAILURE_WINDOW = "adapter.auth.failure-window-seconds";
    /**
     * Largest old-protocol (e-doc.vn) request, bytes, all MIME parts included; cut off while it streams in.
     * Default 64 MiB. Attachment count and size: {@link #MAX_ATTACHMENTS}, {@link #MAX_ATTACHMENT_BYTES}.
     */
    public static final String LEGACY_MAX_MESSAGE_BYTES = "adapter.legacy.max-message-bytes";
    /** Largest old-protocol SOAP envelope part (parsed in memory), bytes; default 2 MiB. */
    public static final String LEGACY_MAX_ENVELOPE_BYTES = "adapter.legacy.max-envelope-bytes";
    /**
     * Name of a request header (e.g. {@code X-Forwarded-Proto}) by which a TLS-terminating proxy in front of the
     * adapter tells that the client used HTTPS (value {@code https}). Default: none — only the adapter's own
     * HTTPS listener counts as TLS. Set it only when the plain HTTP port is reachable through that proxy alone.
     */
    public static final String TLS_TRUSTED_PROXY_HEADER = "adapter.tls.trusted-proxy-header";
    /**
     * Largest request on the WS-Security faces ({@code /services/DocumentExchange*}), bytes, all MIME parts
     * included; refused from Content-Length before the body is read, else cut off while it streams in. Default:
     * one attachment of the largest size in base64 (4/3 of {@link #MAX_ATTACHMENT_BYTES}) plus 1 MiB of envelope.
     * A plain request is also bounded by {@link #MAX_ENVELOPE_BYTES} (it is held as a DOM by WS-Security); the
     * MTOM parts of a multipart request stream to disk, so only its envelope takes heap.
     */
    public static final String MAX_REQUEST_BYTES = "adapter.limits.request-bytes";
    /**
     * Request bytes the WS faces process at the same time, over all requests; a request that would exceed it is
     * refused with {@code LIMIT.BUSY} (HTTP 503) instead of exhausting the heap. Default: an eighth of the
     * maximum heap, but at least one request of {@link #MAX_REQUEST_BYTES}.
     */
    public static final String MAX_IN_FLIGHT_BYTES = "adapter.limits.in-flight-bytes";
    /**
     * Largest SOAP envelope on the WS faces, bytes: a plain request, or the root (XML) part of an MTOM request —
     * what WS-Security holds as a DOM, inline base64 attachments included. MTOM parts stream to disk and count
     * only against {@link #MAX_REQUEST_BYTES}. Default: 4/3 of min({@link #MAX_ATTACHMENT_BYTES}, 20 MiB) + 1 MiB
     * (27.7 MiB), at most {@link #MAX_REQUEST_BYTES}; raising the attachment limit does not raise it
     * (docs/large-attachments.md).
     */
    public static final String MAX_ENVELOPE_BYTES = "adapter.limits.envelope-bytes";
    /** Most XML elements in one WS request (CXF {@code org.apache.cxf.stax.maxElementCount}); default 50 000. */
    public static final String MAX_XML_ELEMENTS = "adapter.limits.xml-elements";

    // Health, metrics and backups (issue 13): the operations package reads these through operations().
    /** Readiness is DOWN when the data folder's file system has less free space than this, MiB; default 512. */
    public static final String HEALTH_MIN_FREE_MB = "adapter.health.min-free-mb";
    /**
     * Readiness is DOWN while the axis breaker is open (the axis unreachable or refusing us). Default true; set
     * false where a load balancer should keep sending submissions to a node during an axis outage (they queue).
     */
    public static final String HEALTH_AXIS_REQUIRED = "adapter.health.axis-required";
    /** How long the store figures behind readiness and the metrics (one cheap query each) are reused, ms. */
    public static final String METRICS_CACHE_MS = "adapter.metrics.cache-ms";
    /** Folder the backups are written to ({@code POST /admin/backup}); default {@code <data>/backups}. */
    public static final String BACKUP_DIR = "adapter.backup.dir";
    /** The pg_dump program used to back up a PostgreSQL store; default {@code pg_dump} on the PATH. */
    public static final String BACKUP_PG_DUMP = "adapter.backup.pg-dump";
    // --- per-request cost (issue 11, wscost) ---
    /**
     * Seconds a successful PBKDF2 password check is remembered (keyed by an HMAC under a per-process secret, bound
     * to the credential's current hash); default 300, 0 = check PBKDF2 on every request.
     */
    public static final String VERIFIED_CREDENTIAL_TTL = "adapter.security.verified-credential-ttl-seconds";
    /** Crypto provider for signatures and digests: {@code auto} (ACCP when it loads, else the JDK), {@code jdk}, {@code accp}. */
    public static final String CRYPTO_PROVIDER = "adapter.crypto.provider";

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
    private final boolean adminRequireClientCert;
    private final long maxAttachmentBytes;
    private final int maxAttachments;
    private final int wsTimestampTtlSeconds;
    private final java.util.Set<String> wsSha1Clients;
    private final long wsReplayCap;
    private final int authMaxFailures;
    private final int authMaxFailuresPerAddress;
    private final Duration authFailureWindow;
    private final long legacyMaxMessageBytes;
    private final long legacyMaxEnvelopeBytes;
    private final Optional<String> tlsTrustedProxyHeader;
    private final long maxRequestBytes;
    private final long maxInFlightBytes;
    private final long maxEnvelopeBytes;
    private final int maxXmlElements;
    private final java.util.List<String> organisations;
    private final Duration receiveInterval;
    private final int outboxMaxParallelSends; // delivery (issue 11)
    private final Duration directorySyncInterval;
    // Alerts (issue 13): their keys, defaults and per-organisation overrides are in AlertSettings.
    private final AlertSettings alerts;
    private final Operations operations;
    private final Duration verifiedCredentialTtl; // wscost
    private final String cryptoProvider; // wscost
    private final RetentionSettings retention; // retention (issue 13)
    private final SignatureSettings signatures; // docsig (issue 14): keys and defaults in SignatureSettings
    private final StatisticsSettings statistics; // rollup (issue 12): keys and defaults in StatisticsSettings

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
        adminRequireClientCert = c.getOptionalValue(ADMIN_REQUIRE_CLIENT_CERT, Boolean.class).orElse(false);
        maxAttachmentBytes = c.getOptionalValue(MAX_ATTACHMENT_BYTES, Long.class).orElse(20L * 1024 * 1024);
        maxAttachments = c.getOptionalValue(MAX_ATTACHMENTS, Integer.class).orElse(20);
        wsTimestampTtlSeconds = c.getOptionalValue(WS_TIMESTAMP_TTL, Integer.class).orElse(300);
        wsSha1Clients = java.util.Set.copyOf(c.getOptionalValue(WS_SHA1_CLIENTS, String.class)
                .map(v -> java.util.Arrays.stream(v.split(",")).map(String::trim).filter(x -> !x.isEmpty()).toList())
                .orElse(java.util.List.of()));
        wsReplayCap = c.getOptionalValue(WS_REPLAY_CAP, Long.class).orElse(1_000_000L);
        authMaxFailures = c.getOptionalValue(AUTH_MAX_FAILURES, Integer.class).orElse(10);
        authMaxFailuresPerAddress = c.getOptionalValue(AUTH_MAX_FAILURES_PER_ADDRESS, Integer.class).orElse(100);
        authFailureWindow = Duration.ofSeconds(c.getOptionalValue(AUTH_FAILURE_WINDOW, Long.class).orElse(300L));
        legacyMaxMessageBytes = c.getOptionalValue(LEGACY_MAX_MESSAGE_BYTES, Long.class).orElse(64L * 1024 * 1024);
        legacyMaxEnvelopeBytes = c.getOptionalValue(LEGACY_MAX_ENVELOPE_BYTES, Long.class).orElse(2L * 1024 * 1024);
        tlsTrustedProxyHeader = c.getOptionalValue(TLS_TRUSTED_PROXY_HEADER, String.class)
                .map(String::trim).filter(h -> !h.isEmpty());
        maxRequestBytes = c.getOptionalValue(MAX_REQUEST_BYTES, Long.class)
                .orElse((maxAttachmentBytes * 4 + 2) / 3 + 1024L * 1024);
        maxEnvelopeBytes = c.getOptionalValue(MAX_ENVELOPE_BYTES, Long.class).orElse(Math.min(maxRequestBytes,
                (Math.min(maxAttachmentBytes, 20L * 1024 * 1024) * 4 + 2) / 3 + 1024L * 1024));
        // Only envelopes are held in the heap (MTOM parts spill to disk), so the budget is counted in envelopes.
        maxInFlightBytes = c.getOptionalValue(MAX_IN_FLIGHT_BYTES, Long.class)
                .orElse(Math.max(maxEnvelopeBytes, Runtime.getRuntime().maxMemory() / 8));
        maxXmlElements = c.getOptionalValue(MAX_XML_ELEMENTS, Integer.class).orElse(50_000);
        organisations = c.getOptionalValue(ORGANISATIONS, String.class).map(v -> java.util.Arrays.stream(v.split(","))
                .map(String::trim).filter(x -> !x.isEmpty()).toList()).orElse(java.util.List.of());
        receiveInterval = Duration.ofMillis(c.getOptionalValue(RECEIVE_INTERVAL, Long.class).orElse(5_000L));
        directorySyncInterval = Duration.ofMinutes(
                c.getOptionalValue(DIRECTORY_SYNC_INTERVAL, Long.class).orElse(24L * 60));
        verifiedCredentialTtl = Duration.ofSeconds(Math.max(0L,
                c.getOptionalValue(VERIFIED_CREDENTIAL_TTL, Long.class).orElse(300L)));
        cryptoProvider = c.getOptionalValue(CRYPTO_PROVIDER, String.class).map(String::trim).orElse("auto");
        outboxMaxParallelSends = Math.max(1, c.getOptionalValue(OUTBOX_MAX_PARALLEL_SENDS, Integer.class).orElse(8));
        alerts = AlertSettings.from(c);
        signatures = SignatureSettings.from(c, demoEnabled, keysDir);
        operations = new Operations(
                c.getOptionalValue(HEALTH_MIN_FREE_MB, Long.class).orElse(512L) * 1024 * 1024,
                c.getOptionalValue(HEALTH_AXIS_REQUIRED, Boolean.class).orElse(true),
                Duration.ofMillis(c.getOptionalValue(METRICS_CACHE_MS, Long.class).orElse(5_000L)),
                c.getOptionalValue(BACKUP_DIR, String.class).map(Path::of).orElse(dataDir.resolve("backups")),
                c.getOptionalValue(BACKUP_PG_DUMP, String.class).orElse("pg_dump"));
        retention = RetentionSettings.from(c, dataDir);
        statistics = StatisticsSettings.from(c);
    }

    /** Settings of health, metrics and backups (issue 13), defaults above at their keys. */
    public record Operations(long minFreeBytes, boolean axisRequired, Duration metricsCache, Path backupDir,
            String pgDump) {
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
    public int outboxMaxParallelSends() { return outboxMaxParallelSends; }
    public String nodeId() { return nodeId; }
    public Optional<String> adminToken() { return adminToken; }
    public boolean adminRequireClientCert() { return adminRequireClientCert; }
    public long maxAttachmentBytes() { return maxAttachmentBytes; }
    public int maxAttachments() { return maxAttachments; }
    public int wsTimestampTtlSeconds() { return wsTimestampTtlSeconds; }
    public java.util.Set<String> wsSha1Clients() { return wsSha1Clients; }
    public long wsReplayCap() { return wsReplayCap; }
    public int authMaxFailures() { return authMaxFailures; }
    public int authMaxFailuresPerAddress() { return authMaxFailuresPerAddress; }
    public Duration authFailureWindow() { return authFailureWindow; }
    public long legacyMaxMessageBytes() { return legacyMaxMessageBytes; }
    public long legacyMaxEnvelopeBytes() { return legacyMaxEnvelopeBytes; }
    public Optional<String> tlsTrustedProxyHeader() { return tlsTrustedProxyHeader; }
    public long maxRequestBytes() { return maxRequestBytes; }
    public long maxInFlightBytes() { return maxInFlightBytes; }
    public long maxEnvelopeBytes() { return maxEnvelopeBytes; }
    /** Largest attachment returned inline (base64 in a signed DOM envelope): what fits in an envelope. */
    public long maxInlineAttachmentBytes() {
        return Math.min(maxAttachmentBytes, Math.max(0, maxEnvelopeBytes - 1024L * 1024) / 4 * 3);
    }
    public int maxXmlElements() { return maxXmlElements; }
    public java.util.List<String> organisations() { return organisations; }
    public Duration receiveInterval() { return receiveInterval; }
    public Duration directorySyncInterval() { return directorySyncInterval; }
    public AlertSettings alerts() { return alerts; }
    public Duration verifiedCredentialTtl() { return verifiedCredentialTtl; }
    public String cryptoProvider() { return cryptoProvider; }
    public Path inboundDir() { return dataDir.resolve("inbound"); }
    public Path attachmentsDir() { return dataDir.resolve("attachments"); }
    public Path packagesDir() { return dataDir.resolve("packages"); }
    public Operations operations() { return operations; }
    /** The retention policy (issue 13): keys and defaults in {@link RetentionSettings}. */
    public RetentionSettings retention() { return retention; }
    public SignatureSettings signatures() { return signatures; }
    /** The statistics rollup (issue 12): keys and defaults in {@link StatisticsSettings}. */
    public StatisticsSettings statistics() { return statistics; }

    @Override
    public String toString() {
        // Secrets deliberately absent; the database URL is shown without credentials a user may have put in it.
        return "AdapterSettings[dataDir=" + dataDir + ", db=" + dbUrl.replaceAll("password=[^;&]*", "password=***")
                + ", keysDir=" + keysDir + ", demo=" + demoEnabled + ", axis=" + axisEndpoint
                + ", systemId=" + axisSystemId + "]";
    }
}
