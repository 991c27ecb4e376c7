package vn.lienthong.axis.simulator;

import java.nio.charset.StandardCharsets;
import java.time.ZonedDateTime;
import java.util.AbstractMap.SimpleEntry;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javax.crypto.spec.SecretKeySpec;

/**
 * Builds requests with the header set the reference SDK puts on the wire (spec axis-vxp-api §2, §3), written
 * from the documented facts: one timestamp per service object, one header map per service object that is never
 * cleared (so names from earlier calls, in whatever spelling the caller used, are sent and signed again),
 * HashMap member order, Gson-style escaping, the unsigned extras and what HttpURLConnection adds by itself.
 */
final class SdkStyleService {

    static final String JSON = "application/json";
    static final String OCTETS = "application/octet-stream";

    private final String systemId;
    private final SecretKeySpec key;
    private final String timestamp;
    private final Map<String, String> headers = new HashMap<>();

    SdkStyleService(String systemId, String secret, ZonedDateTime created) {
        this.systemId = systemId;
        this.key = new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256");
        this.timestamp = String.format("%02d%02d%04dT%02d%02d%02d+%04d", created.getDayOfMonth(),
                created.getMonthValue(), created.getYear(), created.getHour(), created.getMinute(),
                created.getSecond(), created.getNano() / 1_000_000);
    }

    String timestamp() {
        return timestamp;
    }

    /** The wire headers of one call; {@code parameters} are added to what earlier calls left in the map. */
    List<Map.Entry<String, String>> call(String contentType, Map<String, String> parameters) {
        headers.put("systemid", systemId);
        headers.put("timestamp", timestamp);
        headers.put("Content-Type", contentType);
        headers.putAll(parameters);
        List<Map.Entry<String, String>> wire = new ArrayList<>();
        StringBuilder signHeader = new StringBuilder("{");
        StringBuilder keys = new StringBuilder();
        for (Map.Entry<String, String> header : headers.entrySet()) {
            wire.add(new SimpleEntry<>("XroadVnpt-" + header.getKey(), header.getValue()));
            if (signHeader.length() > 1) {
                signHeader.append(',');
                keys.append(';');
            }
            quoted(signHeader, "XroadVnpt-" + header.getKey()).append(':');
            quoted(signHeader, header.getValue());
            keys.append(header.getKey());
        }
        signHeader.append('}');
        wire.add(new SimpleEntry<>("Content-Type", contentType));
        wire.add(new SimpleEntry<>("XroadVnpt-sign-header-key", keys.toString()));
        wire.add(new SimpleEntry<>("XroadVnpt-sign-header", signHeader.toString()));
        wire.add(new SimpleEntry<>("XroadVnpt-hash-header", RequestVerifier.hmacHex(key, signHeader.toString())));
        wire.add(new SimpleEntry<>("User-Agent", "JAVASDKAgent/1.0.0 XRoad/VPCP"));
        wire.add(new SimpleEntry<>("XroadVnpt-version", "3.0.201608"));
        // Added by HttpURLConnection.
        wire.add(new SimpleEntry<>("Accept", "text/html, image/gif, image/jpeg, *; q=.2, */*; q=.2"));
        wire.add(new SimpleEntry<>("Connection", "keep-alive"));
        return wire;
    }

    /** The SDK's unpadded hex SHA-256 of the file bytes (spec §8). */
    static String hashFile(byte[] file) throws Exception {
        StringBuilder hex = new StringBuilder();
        for (byte b : java.security.MessageDigest.getInstance("SHA-256").digest(file)) {
            hex.append(Integer.toHexString(b & 0xff));
        }
        return hex.toString();
    }

    /** JSON string as Gson writes it by default (HTML-safe escapes). */
    private static StringBuilder quoted(StringBuilder out, String value) {
        out.append('"');
        for (char c : value.toCharArray()) {
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '<', '>', '&', '=', '\'' -> out.append(String.format("\\u%04x", (int) c));
                default -> out.append(c);
            }
        }
        return out.append('"');
    }
}
