package vn.lienthong.axis.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class HmacHeaderSignerTest {

    private final HmacHeaderSigner signer =
            new HmacHeaderSigner("demo.system.01", "demo-secret-not-real".toCharArray(), Clock.systemUTC());

    /** Worked example of spec axis-vxp-api §3.2. */
    @Test
    void reproducesTheWorkedVector() {
        Map<String, String> parameters = new LinkedHashMap<>();
        parameters.put("servicetype", "eDoc");
        parameters.put("messagetype", "edoc");

        Map<String, String> headers = signer.sign("application/json", parameters, "22112025T101502+0045");

        assertEquals("systemid;servicetype;messagetype;timestamp;Content-Type", headers.get("XroadVnpt-sign-header-key"));
        assertEquals("{\"XroadVnpt-systemid\":\"demo.system.01\",\"XroadVnpt-servicetype\":\"eDoc\","
                        + "\"XroadVnpt-messagetype\":\"edoc\",\"XroadVnpt-timestamp\":\"22112025T101502+0045\","
                        + "\"XroadVnpt-Content-Type\":\"application/json\"}",
                headers.get("XroadVnpt-sign-header"));
        assertEquals("bf4975b969b57d7c70c8e9153d053ceaca3b27147c4bed319771f4f9d3b85858",
                headers.get("XroadVnpt-hash-header"));
        assertEquals("demo.system.01", headers.get("XroadVnpt-systemid"));
        assertEquals("eDoc", headers.get("XroadVnpt-servicetype"));
        assertEquals("application/json", headers.get("XroadVnpt-Content-Type"));
        assertEquals("application/json", headers.get("Content-Type"));
        assertEquals("JAVASDKAgent/1.0.0 XRoad/VPCP", headers.get("User-Agent"));
        assertEquals("3.0.201608", headers.get("XroadVnpt-version"));
    }

    @Test
    void parameterOrderOfTheCallerDoesNotMatterOnlyTheKeys() {
        Map<String, String> reversed = new LinkedHashMap<>();
        reversed.put("messagetype", "edoc");
        reversed.put("servicetype", "eDoc");
        assertEquals("bf4975b969b57d7c70c8e9153d053ceaca3b27147c4bed319771f4f9d3b85858",
                signer.sign("application/json", reversed, "22112025T101502+0045").get("XroadVnpt-hash-header"));
    }

    @Test
    void escapesJsonArrayValuesLikeGson() {
        Map<String, String> headers = signer.sign("application/octet-stream",
                Map.of("to", GsonStyleJson.stringArray(java.util.List.of("000.00.00.H41", "000.00.00.H14"))),
                "22112025T101502+0045");
        assertEquals("[\"000.00.00.H41\",\"000.00.00.H14\"]", headers.get("XroadVnpt-to"));
        org.junit.jupiter.api.Assertions.assertTrue(headers.get("XroadVnpt-sign-header")
                .contains("\"XroadVnpt-to\":\"[\\\"000.00.00.H41\\\",\\\"000.00.00.H14\\\"]\""));
    }

    @Test
    void gsonHtmlSafeEscapes() {
        StringBuilder out = new StringBuilder();
        GsonStyleJson.appendQuoted(out, "a<b>&='\"\\\n");
        assertEquals("\"a\\u003cb\\u003e\\u0026\\u003d\\u0027\\\"\\\\\\n\"", out.toString());
    }

    @Test
    void freshTimestampPerRequest() {
        Clock first = Clock.fixed(Instant.parse("2025-11-22T03:15:02.045Z"), ZoneId.of("UTC"));
        HmacHeaderSigner fixed = new HmacHeaderSigner("demo.system.01", "s".toCharArray(), first);
        assertEquals("22112025T101502+0045", fixed.sign("application/json", Map.of()).get("XroadVnpt-timestamp"));
    }

    @Test
    void timestampUsesMillisecondsPaddedToFourDigits() {
        ZonedDateTime time = ZonedDateTime.of(2025, 1, 2, 3, 4, 5, 7_000_000, ZoneId.of("Asia/Ho_Chi_Minh"));
        assertEquals("02012025T030405+0007", HmacHeaderSigner.formatTimestamp(time));
    }

    /** The hand-written formatting gives exactly the SDK's format string's text (years below 1000 included). */
    @Test
    void timestampIsTheFormatStringsTextForAnyTime() {
        java.util.Random random = new java.util.Random(11);
        for (int i = 0; i < 2_000; i++) {
            ZonedDateTime time = Instant.ofEpochMilli(random.nextLong(-62_000_000_000_000L, 253_000_000_000_000L))
                    .atZone(ZoneId.of("Asia/Ho_Chi_Minh"));
            assertEquals(String.format("%02d%02d%04dT%02d%02d%02d+%04d", time.getDayOfMonth(), time.getMonthValue(),
                    time.getYear(), time.getHour(), time.getMinute(), time.getSecond(), time.getNano() / 1_000_000),
                    HmacHeaderSigner.formatTimestamp(time), time.toString());
        }
    }

    @Test
    void differentSecretGivesDifferentHash() {
        HmacHeaderSigner other = new HmacHeaderSigner("demo.system.01", "other".toCharArray(), Clock.systemUTC());
        assertNotEquals(signer.sign("application/json", Map.of(), "22112025T101502+0045").get("XroadVnpt-hash-header"),
                other.sign("application/json", Map.of(), "22112025T101502+0045").get("XroadVnpt-hash-header"));
    }

    @Test
    void rejectsNonAsciiParameterValues() {
        assertThrows(IllegalArgumentException.class,
                () -> signer.sign("application/json", Map.of("from", "Hà Nội"), "22112025T101502+0045"));
    }

    @Test
    void refusesAParameterNameThatDiffersOnlyInCase() {
        Map<String, String> twoSpellings = new LinkedHashMap<>();
        twoSpellings.put("docId", "a");
        twoSpellings.put("docid", "a");
        assertThrows(IllegalArgumentException.class,
                () -> signer.sign("application/json", twoSpellings, "22112025T101502+0045"));
        assertThrows(IllegalArgumentException.class,
                () -> signer.sign("application/json", Map.of("content-type", "text/plain"), "22112025T101502+0045"),
                "would be a second XroadVnpt-Content-Type");
        assertThrows(IllegalArgumentException.class,
                () -> signer.sign("application/json", Map.of("SystemId", "x"), "22112025T101502+0045"));
    }

    @Test
    void timestampIsVietnamWallClockTimeWithoutZone() {
        HmacHeaderSigner fixed = new HmacHeaderSigner("demo.system.01", "demo-secret-not-real".toCharArray(),
                Clock.fixed(Instant.parse("2025-11-22T03:15:02.045Z"), ZoneId.of("UTC")));
        assertEquals("22112025T101502+0045", fixed.sign("application/json", Map.of()).get("XroadVnpt-timestamp"));
    }
}
