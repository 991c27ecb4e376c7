package vn.lienthong.axis.simulator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.Headers;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import vn.lienthong.axis.client.AxisAuthenticationException;
import vn.lienthong.axis.client.AxisClient;
import vn.lienthong.axis.client.HmacHeaderSigner;
import vn.lienthong.axis.client.MessageType;

/** Spec axis-vxp-api §3.4 from the server side: the worked vector and the negative cases. */
class SignatureVerificationTest extends SimulatorTestSupport {

    private static final String VECTOR_SIGN_HEADER = "{\"XroadVnpt-systemid\":\"demo.system.01\","
            + "\"XroadVnpt-servicetype\":\"eDoc\",\"XroadVnpt-messagetype\":\"edoc\","
            + "\"XroadVnpt-timestamp\":\"22112025T101502+0045\",\"XroadVnpt-Content-Type\":\"application/json\"}";

    private static AxisSimulator sim;

    @BeforeAll
    static void start() throws Exception {
        sim = AxisSimulator.start(twoSystems().build());
    }

    @AfterAll
    static void stop() {
        sim.close();
    }

    @Test
    void acceptsTheWorkedVector() throws Exception {
        RequestVerifier verifier = new RequestVerifier(
                List.of(SystemAccount.of("demo.system.01", "demo-secret-not-real")), null, Clock.systemUTC());
        VerifiedRequest request = verifier.verify(vectorHeaders("bf4975b969b57d7c70c8e9153d053ceaca3b27147c4bed319771f4f9d3b85858"));
        assertEquals("demo.system.01", request.system().systemId());
        assertEquals("edoc", request.parameter("MessageType"));
        assertEquals("eDoc", request.parameter("servicetype"));
    }

    @Test
    void vectorWithAnotherHashIsRefused() {
        RequestVerifier verifier = new RequestVerifier(
                List.of(SystemAccount.of("demo.system.01", "demo-secret-not-real")), null, Clock.systemUTC());
        AuthenticationFailure failure = assertThrows(AuthenticationFailure.class,
                () -> verifier.verify(vectorHeaders("00" + "bf4975b969b57d7c70c8e9153d053ceaca3b27147c4bed319771f4f9d3b858".substring(0, 62))));
        assertEquals("BAD_SIGNATURE", failure.errorCode());
    }

    @Test
    void timestampWindowIsOptional() {
        Clock later = Clock.fixed(Instant.parse("2025-11-22T05:15:02Z"), java.time.ZoneOffset.UTC);
        RequestVerifier strict = new RequestVerifier(
                List.of(SystemAccount.of("demo.system.01", "demo-secret-not-real")), Duration.ofMinutes(10), later);
        assertEquals("STALE_TIMESTAMP", assertThrows(AuthenticationFailure.class,
                () -> strict.verify(vectorHeaders("bf4975b969b57d7c70c8e9153d053ceaca3b27147c4bed319771f4f9d3b85858")))
                .errorCode());
        RequestVerifier lenient = new RequestVerifier(
                List.of(SystemAccount.of("demo.system.01", "demo-secret-not-real")), Duration.ofHours(3), later);
        assertTrue(assertDoesNotThrow(() -> lenient.verify(
                vectorHeaders("bf4975b969b57d7c70c8e9153d053ceaca3b27147c4bed319771f4f9d3b85858"))) != null);
    }

    @Test
    void signedMemberMatchesAnyReceivedHeaderOfThatNameWhateverItsCase() throws Exception {
        // A docId left over from an earlier call next to this call's docid, both signed (the SDK's header map).
        String signHeader = "{\"XroadVnpt-systemid\":\"demo.system.01\",\"XroadVnpt-docId\":\"old\","
                + "\"XroadVnpt-docid\":\"new\",\"XroadVnpt-timestamp\":\"22112025T101502+0045\"}";
        RequestVerifier verifier = new RequestVerifier(
                List.of(SystemAccount.of("demo.system.01", "demo-secret-not-real")), null, Clock.systemUTC());
        Headers headers = new Headers();
        headers.add("XroadVnpt-systemid", "demo.system.01");
        headers.add("XroadVnpt-docId", "old");
        headers.add("XroadVnpt-docid", "new");
        headers.add("XroadVnpt-timestamp", "22112025T101502+0045");
        headers.add("XroadVnpt-sign-header-key", "systemid;docId;docid;timestamp");
        headers.add("XroadVnpt-sign-header", signHeader);
        headers.add("XroadVnpt-hash-header", RequestVerifier.hmacHex(
                new javax.crypto.spec.SecretKeySpec("demo-secret-not-real".getBytes(), "HmacSHA256"), signHeader));
        VerifiedRequest request = verifier.verify(headers);
        assertEquals(List.of("old", "new"), request.signedValues("DOCID"));
        assertEquals("old", request.parameter("docId"), "the spelling the operation uses wins");
        assertEquals("new", request.parameter("docid"));
        assertEquals("AMBIGUOUS_PARAMETER", assertThrows(RoutingException.class, () -> request.parameter("DocID"))
                .errorCode(), "no exact spelling and two values: the simulator cannot tell which one is meant");

        headers.put("XroadVnpt-docid", List.of("old", "other"));
        assertEquals("HEADER_MISMATCH", assertThrows(AuthenticationFailure.class, () -> verifier.verify(headers))
                .errorCode(), "a signed value that no received header carries is still refused");
    }

    @Test
    void wrongSecretIs401() {
        try (AxisClient client = client(sim, "sys.vpcp", "not-the-secret")) {
            AxisAuthenticationException e = assertThrows(AxisAuthenticationException.class,
                    () -> client.getReceivedEdocList(MessageType.EDOC));
            assertEquals(401, e.httpStatus());
            assertEquals("BAD_SIGNATURE", e.errorCode());
            assertFalse(e.isRetryable());
        }
    }

    @Test
    void unknownSystemIs403() {
        try (AxisClient client = client(sim, "sys.unknown", "secret-vpcp-test")) {
            AxisAuthenticationException e = assertThrows(AxisAuthenticationException.class,
                    client::countReceiveEdoc);
            assertEquals(403, e.httpStatus());
            assertEquals("UNKNOWN_SYSTEM", e.errorCode());
        }
    }

    @Test
    void headerAlteredAfterSigningIs401() throws Exception {
        Map<String, String> headers = signed(Map.of("servicetype", "eDoc", "messagetype", "edoc"));
        headers.put("XroadVnpt-messagetype", "status");
        HttpResponse<String> response = post("getReceivedEdocList", headers);
        assertEquals(401, response.statusCode());
        assertTrue(response.body().contains("HEADER_MISMATCH"), response.body());
    }

    @Test
    void signHeaderAlteredIs401() throws Exception {
        Map<String, String> headers = signed(Map.of("servicetype", "eDoc", "messagetype", "edoc"));
        headers.put("XroadVnpt-sign-header", headers.get("XroadVnpt-sign-header").replace("edoc", "status"));
        headers.put("XroadVnpt-messagetype", "status");
        HttpResponse<String> response = post("getReceivedEdocList", headers);
        assertEquals(401, response.statusCode());
        assertTrue(response.body().contains("BAD_SIGNATURE"), response.body());
    }

    @Test
    void keyListMustMatchTheSignedNames() throws Exception {
        Map<String, String> headers = signed(Map.of("servicetype", "eDoc", "messagetype", "edoc"));
        headers.put("XroadVnpt-sign-header-key", "systemid;timestamp");
        HttpResponse<String> response = post("getReceivedEdocList", headers);
        assertEquals(401, response.statusCode());
        assertTrue(response.body().contains("HEADER_MISMATCH"), response.body());
    }

    @Test
    void unsignedRequestIs401() throws Exception {
        HttpResponse<String> response = post("countReceiveEdoc", Map.of("Content-Type", "application/json"));
        assertEquals(401, response.statusCode());
        assertTrue(response.body().contains("MISSING_SIGNATURE"), response.body());
    }

    @Test
    void signedRequestFromAPlainHttpClientIsAccepted() throws Exception {
        HttpResponse<String> response = post("countReceiveEdoc", signed(Map.of()));
        assertEquals(200, response.statusCode());
        assertTrue(response.body().contains("\"count\":0"), response.body());
    }

    private static Map<String, String> signed(Map<String, String> parameters) {
        return new LinkedHashMap<>(new HmacHeaderSigner("sys.vpcp", "secret-vpcp-test".toCharArray(),
                Clock.systemUTC()).sign("application/json", parameters));
    }

    private static HttpResponse<String> post(String operation, Map<String, String> headers) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(sim.baseUri().resolve(operation))
                .POST(HttpRequest.BodyPublishers.ofString("{}"));
        headers.forEach(request::header);
        return HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static Headers vectorHeaders(String hash) {
        Headers headers = new Headers();
        headers.add("XroadVnpt-systemid", "demo.system.01");
        headers.add("XroadVnpt-servicetype", "eDoc");
        headers.add("XroadVnpt-messagetype", "edoc");
        headers.add("XroadVnpt-timestamp", "22112025T101502+0045");
        headers.add("XroadVnpt-Content-Type", "application/json");
        headers.add("XroadVnpt-sign-header-key", "systemid;servicetype;messagetype;timestamp;Content-Type");
        headers.add("XroadVnpt-sign-header", VECTOR_SIGN_HEADER);
        headers.add("XroadVnpt-hash-header", hash);
        return headers;
    }

    private static <T> T assertDoesNotThrow(org.junit.jupiter.api.function.ThrowingSupplier<T> supplier) {
        return org.junit.jupiter.api.Assertions.assertDoesNotThrow(supplier);
    }
}
