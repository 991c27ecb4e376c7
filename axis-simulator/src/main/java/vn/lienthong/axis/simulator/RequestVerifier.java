package vn.lienthong.axis.simulator;

import com.sun.net.httpserver.Headers;
import jakarta.json.Json;
import jakarta.json.JsonReaderFactory;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Server-side check of the {@code XroadVnpt-*} headers (spec axis-vxp-api §3.4): known system, HMAC over the sign
 * header exactly as received, every signed member equal to the header sent, key list consistent, optional
 * timestamp window. Parameters are taken from the signed members only, so unsigned extra headers have no effect.
 */
final class RequestVerifier {

    /** Created once: {@code Json.createReader} looks the provider up (a ServiceLoader scan) on every call. */
    private static final JsonReaderFactory READERS = Json.createReaderFactory(null);

    static final String PREFIX = "XroadVnpt-";
    private static final ZoneId AXIS_ZONE = ZoneId.of("Asia/Ho_Chi_Minh");

    private final Map<String, SystemAccount> systems = new HashMap<>();
    private final Map<String, SecretKeySpec> keys = new HashMap<>();
    private final Duration timestampWindow;
    private final Clock clock;

    RequestVerifier(List<SystemAccount> accounts, Duration timestampWindow, Clock clock) {
        for (SystemAccount account : accounts) {
            systems.put(account.systemId(), account);
            keys.put(account.systemId(), new SecretKeySpec(
                    new String(account.secret()).getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        }
        this.timestampWindow = timestampWindow;
        this.clock = clock;
    }

    VerifiedRequest verify(Headers headers) throws AuthenticationFailure {
        String systemId = headers.getFirst(PREFIX + "systemid");
        String signHeader = headers.getFirst(PREFIX + "sign-header");
        String hash = headers.getFirst(PREFIX + "hash-header");
        String keyList = headers.getFirst(PREFIX + "sign-header-key");
        if (systemId == null || signHeader == null || hash == null || keyList == null) {
            throw new AuthenticationFailure(401, "MISSING_SIGNATURE",
                    "XroadVnpt-systemid, -sign-header, -sign-header-key and -hash-header are required");
        }
        SystemAccount system = systems.get(systemId);
        if (system == null) {
            throw new AuthenticationFailure(403, "UNKNOWN_SYSTEM", "system id is not registered");
        }
        String expected = hmacHex(keys.get(systemId), signHeader);
        if (!MessageDigest.isEqual(expected.getBytes(StandardCharsets.US_ASCII),
                hash.trim().toLowerCase(Locale.ROOT).getBytes(StandardCharsets.US_ASCII))) {
            throw new AuthenticationFailure(401, "BAD_SIGNATURE", "hash-header does not match the sign header");
        }
        VerifiedRequest request = new VerifiedRequest(system,
                signedMembersMatchingHeaders(signHeader, keyList, headers));
        if (!request.signedValues("systemid").equals(List.of(systemId))) {
            throw new AuthenticationFailure(401, "HEADER_MISMATCH", "systemid is not (only) the signed one");
        }
        checkTimestamp(request.signedValues("timestamp"));
        return request;
    }

    private static List<Map.Entry<String, String>> signedMembersMatchingHeaders(String signHeader, String keyList,
                                                                   Headers headers) throws AuthenticationFailure {
        JsonObject signed;
        try (JsonReader reader = READERS.createReader(new StringReader(signHeader))) {
            signed = reader.readObject();
        } catch (RuntimeException e) {
            throw new AuthenticationFailure(401, "HEADER_MISMATCH", "sign header is not a JSON object");
        }
        List<Map.Entry<String, String>> parameters = new ArrayList<>();
        List<String> names = new ArrayList<>();
        for (Map.Entry<String, JsonValue> member : signed.entrySet()) {
            String headerName = member.getKey();
            if (!headerName.regionMatches(true, 0, PREFIX, 0, PREFIX.length())
                    || !(member.getValue() instanceof JsonString value)) {
                throw new AuthenticationFailure(401, "HEADER_MISMATCH", "unexpected signed member " + headerName);
            }
            if (!receivedValues(headers, headerName).contains(value.getString())) {
                throw new AuthenticationFailure(401, "HEADER_MISMATCH",
                        "header " + headerName + " differs from its signed value");
            }
            String name = headerName.substring(PREFIX.length());
            names.add(name);
            parameters.add(Map.entry(name, value.getString()));
        }
        if (!names.equals(List.of(keyList.split(";", -1)))) {
            throw new AuthenticationFailure(401, "HEADER_MISMATCH", "sign-header-key does not list the signed names");
        }
        return parameters;
    }

    /**
     * Every value received under this header name, whatever the spelling: the SDK keeps the headers of earlier
     * calls, so {@code XroadVnpt-docId} and {@code XroadVnpt-docid} can both arrive, each signed. HTTP names are
     * case-insensitive, so a signed member matches when any of them carries its value.
     */
    private static List<String> receivedValues(Headers headers, String headerName) {
        List<String> values = new ArrayList<>();
        headers.forEach((name, list) -> {
            if (name.equalsIgnoreCase(headerName) && list != null) {
                values.addAll(list);
            }
        });
        return values;
    }

    private void checkTimestamp(List<String> timestamps) throws AuthenticationFailure {
        if (timestampWindow == null) {
            return;
        }
        if (timestamps.size() != 1) {
            throw new AuthenticationFailure(401, "BAD_TIMESTAMP", "exactly one signed timestamp is required");
        }
        String timestamp = timestamps.get(0);
        try {
            // ddMMyyyy'T'HHmmss+SSSS: the "+SSSS" is milliseconds, not a zone offset. The value carries no zone:
            // the SDK formats the JVM's local time, Vietnam time on the axis operator's and its users' machines.
            LocalDateTime local = LocalDateTime.of(Integer.parseInt(timestamp.substring(4, 8)),
                    Integer.parseInt(timestamp.substring(2, 4)), Integer.parseInt(timestamp.substring(0, 2)),
                    Integer.parseInt(timestamp.substring(9, 11)), Integer.parseInt(timestamp.substring(11, 13)),
                    Integer.parseInt(timestamp.substring(13, 15)),
                    Integer.parseInt(timestamp.substring(16, 20)) * 1_000_000);
            Instant sent = local.atZone(AXIS_ZONE).toInstant();
            if (Duration.between(sent, clock.instant()).abs().compareTo(timestampWindow) > 0) {
                throw new AuthenticationFailure(401, "STALE_TIMESTAMP", "timestamp outside the accepted window");
            }
        } catch (RuntimeException e) {
            throw new AuthenticationFailure(401, "BAD_TIMESTAMP", "timestamp is not ddMMyyyy'T'HHmmss+SSSS");
        }
    }

    static String hmacHex(SecretKeySpec key, String text) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(key);
            return HexFormat.of().formatHex(mac.doFinal(text.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
