package vn.lienthong.axis.client;

import java.net.URI;
import java.time.Duration;
import java.util.Objects;
import java.util.function.Function;

/**
 * Connection settings of one connected system. The secret is held as a char array so the owner can wipe it, and it
 * never appears in {@link #toString()} (configuration objects end up in logs).
 *
 * @param endpoint       base URI of the VXP node; operations are resolved below it ({@code <endpoint>/getEdoc})
 * @param systemId       the system id ("mã trung tâm") issued by the operator
 * @param secret         the HMAC key issued by the operator
 * @param connectTimeout TCP/TLS connect timeout
 * @param readTimeout    maximum wait for the response headers and, while a body streams, for the next bytes
 */
public record AxisClientConfig(URI endpoint, String systemId, char[] secret, Duration connectTimeout,
                               Duration readTimeout) {

    /** Keys read by {@link #fromSource(Function)}; the same names work as MicroProfile Config properties. */
    public static final String KEY_ENDPOINT = "axis.endpoint";
    public static final String KEY_SYSTEM_ID = "axis.system-id";
    public static final String KEY_SECRET = "axis.secret";
    public static final String KEY_CONNECT_TIMEOUT = "axis.connect-timeout";
    public static final String KEY_READ_TIMEOUT = "axis.read-timeout";

    public static final Duration DEFAULT_CONNECT_TIMEOUT = Duration.ofSeconds(10);
    public static final Duration DEFAULT_READ_TIMEOUT = Duration.ofSeconds(60);

    public AxisClientConfig {
        Objects.requireNonNull(endpoint, "endpoint");
        Objects.requireNonNull(systemId, "systemId");
        Objects.requireNonNull(secret, "secret");
        if (systemId.isBlank()) {
            throw new IllegalArgumentException("systemId is blank");
        }
        if (secret.length == 0) {
            throw new IllegalArgumentException("secret is empty");
        }
        connectTimeout = connectTimeout == null ? DEFAULT_CONNECT_TIMEOUT : connectTimeout;
        readTimeout = readTimeout == null ? DEFAULT_READ_TIMEOUT : readTimeout;
        if (connectTimeout.isNegative() || connectTimeout.isZero() || readTimeout.isNegative() || readTimeout.isZero()) {
            throw new IllegalArgumentException("timeouts must be positive");
        }
        // Operations are appended as relative paths; without the trailing slash URI.resolve would drop the last
        // path segment of the endpoint.
        String text = endpoint.toString();
        if (!text.endsWith("/")) {
            endpoint = URI.create(text + "/");
        }
    }

    public AxisClientConfig(URI endpoint, String systemId, String secret, Duration connectTimeout,
                            Duration readTimeout) {
        this(endpoint, systemId, Objects.requireNonNull(secret, "secret").toCharArray(), connectTimeout, readTimeout);
    }

    /**
     * Reads the settings from any key/value source (MicroProfile Config, environment, properties). Timeouts are
     * ISO-8601 durations ({@code PT30S}) or plain seconds.
     */
    public static AxisClientConfig fromSource(Function<String, String> source) {
        String endpoint = required(source, KEY_ENDPOINT);
        String systemId = required(source, KEY_SYSTEM_ID);
        String secret = required(source, KEY_SECRET);
        return new AxisClientConfig(URI.create(endpoint), systemId, secret.toCharArray(),
                duration(source.apply(KEY_CONNECT_TIMEOUT)), duration(source.apply(KEY_READ_TIMEOUT)));
    }

    private static String required(Function<String, String> source, String key) {
        String value = source.apply(key);
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException("missing configuration " + key);
        }
        return value.trim();
    }

    private static Duration duration(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        String trimmed = value.trim();
        return trimmed.chars().allMatch(Character::isDigit)
                ? Duration.ofSeconds(Long.parseLong(trimmed))
                : Duration.parse(trimmed);
    }

    @Override
    public String toString() {
        return "AxisClientConfig[endpoint=" + endpoint + ", systemId=" + systemId + ", secret=***"
                + ", connectTimeout=" + connectTimeout + ", readTimeout=" + readTimeout + "]";
    }
}
