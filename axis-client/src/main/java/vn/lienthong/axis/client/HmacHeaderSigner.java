package vn.lienthong.axis.client;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Clock;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Builds the {@code XroadVnpt-*} header set of one request exactly as the vendor SDK does (spec axis-vxp-api §3.1).
 *
 * <p>The member order of the signed JSON is whatever a {@code java.util.HashMap} gives for the key strings; we
 * fill a real HashMap with the same keys so the order is reproduced byte for byte. Unlike the SDK, every call gets a
 * fresh map and a fresh timestamp, so keys of one call never leak into the next, and no name is sent in two
 * spellings (the SDK can send {@code XroadVnpt-docId} and {@code XroadVnpt-docid} in one request).
 */
public final class HmacHeaderSigner {

    public static final String HEADER_PREFIX = "XroadVnpt-";
    public static final String SIGN_HEADER_KEY = HEADER_PREFIX + "sign-header-key";
    public static final String SIGN_HEADER = HEADER_PREFIX + "sign-header";
    public static final String HASH_HEADER = HEADER_PREFIX + "hash-header";
    public static final String VERSION_HEADER = HEADER_PREFIX + "version";
    public static final String USER_AGENT = "JAVASDKAgent/1.0.0 XRoad/VPCP";
    public static final String SDK_VERSION = "3.0.201608";

    /** Time zone of the axis operator; the SDK uses the JVM default, which on their nodes is Vietnam time. */
    public static final ZoneId AXIS_ZONE = ZoneId.of("Asia/Ho_Chi_Minh");

    private static final String HMAC = "HmacSHA256";

    private final String systemId;
    private final SecretKeySpec key;
    private final Clock clock;

    public HmacHeaderSigner(String systemId, char[] secret, Clock clock) {
        this.systemId = Objects.requireNonNull(systemId, "systemId");
        this.key = new SecretKeySpec(utf8(secret), HMAC);
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /**
     * @param contentType the logical Content-Type ({@code application/json}, or {@code application/octet-stream}
     *                    for sendEdoc); it is signed and also sent plainly
     * @param parameters  the call's parameters (logical names without prefix); ASCII values only
     * @return HTTP headers to put on the request, in a stable order
     */
    public Map<String, String> sign(String contentType, Map<String, String> parameters) {
        return sign(contentType, parameters, formatTimestamp(ZonedDateTime.now(clock.withZone(AXIS_ZONE))));
    }

    Map<String, String> sign(String contentType, Map<String, String> parameters, String timestamp) {
        Map<String, String> logical = new HashMap<>();
        logical.put("systemid", systemId);
        logical.put("timestamp", timestamp);
        logical.put("Content-Type", contentType);
        Set<String> namesIgnoringCase = new HashSet<>();
        logical.keySet().forEach(name -> namesIgnoringCase.add(name.toLowerCase(Locale.ROOT)));
        parameters.forEach((name, value) -> {
            // HTTP header names are case-insensitive: docId and docid would be one header sent twice.
            if (!namesIgnoringCase.add(name.toLowerCase(Locale.ROOT))) {
                throw new IllegalArgumentException("parameter " + name + " is already set (names ignore case)");
            }
            logical.put(name, requireHeaderSafe(name, value));
        });

        Map<String, String> headers = new LinkedHashMap<>();
        StringBuilder signHeader = new StringBuilder("{");
        StringBuilder keyList = new StringBuilder();
        for (Map.Entry<String, String> entry : logical.entrySet()) {
            String headerName = HEADER_PREFIX + entry.getKey();
            headers.put(headerName, entry.getValue());
            if (signHeader.length() > 1) {
                signHeader.append(',');
                keyList.append(';');
            }
            GsonStyleJson.appendQuoted(signHeader, headerName);
            signHeader.append(':');
            GsonStyleJson.appendQuoted(signHeader, entry.getValue());
            keyList.append(entry.getKey());
        }
        signHeader.append('}');
        String signHeaderText = signHeader.toString();

        headers.put("Content-Type", contentType);
        headers.put(SIGN_HEADER_KEY, keyList.toString());
        headers.put(SIGN_HEADER, signHeaderText);
        headers.put(HASH_HEADER, hmacHex(signHeaderText));
        headers.put("User-Agent", USER_AGENT);
        headers.put(VERSION_HEADER, SDK_VERSION);
        return headers;
    }

    /** Lower-case hex HMAC-SHA256 of the text with this signer's secret. */
    public String hmacHex(String text) {
        return hmacHex(key, text);
    }

    public static String hmacHex(SecretKeySpec key, String text) {
        try {
            Mac mac = Mac.getInstance(HMAC);
            mac.init(key);
            return HexFormat.of().formatHex(mac.doFinal(text.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is mandatory in every JDK", e);
        }
    }

    public static SecretKeySpec hmacKey(char[] secret) {
        return new SecretKeySpec(utf8(secret), HMAC);
    }

    /**
     * The SDK pattern {@code ddMMyyyy'T'HHmmss+SSSS} under SimpleDateFormat: milliseconds padded to four digits after
     * a literal plus sign (java.time's {@code SSSS} would mean a fraction and give a different value).
     */
    public static String formatTimestamp(ZonedDateTime time) {
        // The same text as String.format("%02d%02d%04dT%02d%02d%02d+%04d", …) without parsing a format string on
        // every request (issue 11: a third of the axis client's own time per send).
        StringBuilder b = new StringBuilder(22);
        padded(b, time.getDayOfMonth(), 2);
        padded(b, time.getMonthValue(), 2);
        padded(b, time.getYear(), 4);
        b.append('T');
        padded(b, time.getHour(), 2);
        padded(b, time.getMinute(), 2);
        padded(b, time.getSecond(), 2);
        b.append('+');
        padded(b, time.getNano() / 1_000_000, 4);
        return b.toString();
    }

    /** {@code value} with leading zeros to {@code width} digits (wider values in full, as %0Nd prints them). */
    private static void padded(StringBuilder b, int value, int width) {
        if (value < 0) {
            b.append(String.format("%0" + width + "d", value)); // never for a clock's fields; kept exact anyway
            return;
        }
        String digits = Integer.toString(value);
        for (int i = digits.length(); i < width; i++) {
            b.append('0');
        }
        b.append(digits);
    }

    private static String requireHeaderSafe(String name, String value) {
        Objects.requireNonNull(value, () -> "parameter " + name + " is null");
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c < 0x20 || c > 0x7e) {
                throw new IllegalArgumentException("parameter " + name + " must be printable ASCII");
            }
        }
        return value;
    }

    private static byte[] utf8(char[] secret) {
        ByteBuffer encoded = StandardCharsets.UTF_8.encode(CharBuffer.wrap(secret));
        byte[] bytes = new byte[encoded.remaining()];
        encoded.get(bytes);
        if (encoded.hasArray()) {
            Arrays.fill(encoded.array(), (byte) 0);
        }
        return bytes;
    }
}
