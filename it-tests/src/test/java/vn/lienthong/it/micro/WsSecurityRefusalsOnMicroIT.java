package vn.lienthong.it.micro;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.net.HttpURLConnection;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import vn.lienthong.it.support.AdapterOnMicro;
import vn.lienthong.it.support.Await;
import vn.lienthong.it.support.AxisSimulatorExtension;
import vn.lienthong.it.support.Documents;
import vn.lienthong.it.support.RawSecuredRequest;
import vn.lienthong.it.support.RawSecuredRequest.Answer;

/**
 * Every refusal at the WS-Security layer of the real WAR on Payara Micro: its stable code in the fault (no stack
 * trace), nothing stored, one audit entry read back through the admin API; the lockout after repeated wrong
 * passwords; and valid requests still accepted afterwards.
 */
class WsSecurityRefusalsOnMicroIT extends AdapterOnMicro {

    private static final String SUBMIT = "urn:lienthong:exchange:1:SubmitDocument";
    private static final String STATUS = "urn:lienthong:exchange:1:GetDocumentStatus";
    /** The Micro of the integration tests counts failures in a 20 s window (arquillian.xml). */
    private static final Duration WINDOW = Duration.ofSeconds(20);

    private URL signed;
    private URL tls;

    @BeforeEach
    void endpoints() throws Exception {
        signed = new URL(base, "services/DocumentExchange");
        // The UsernameToken profile answers over HTTPS only (TlsRequiredInterceptor).
        tls = vn.lienthong.it.support.TlsKeyStoreExtension.https(base, "services/DocumentExchangeTls");
    }

    @Test
    void aSha1SignatureIsRefusedWithAStableCodeAuditedAndNothingIsStored() throws Exception {
        String number = number();
        String envelope = RawSecuredRequest.sign(submit(number, "SHA-1"), demo, demo.password(), Instant.now(),
                RawSecuredRequest.RSA_SHA1, RawSecuredRequest.SHA1);
        assertRefused(RawSecuredRequest.post(signed, SUBMIT, envelope), "AUTH.ALGORITHM");
        assertAudited("AUTH.ALGORITHM", "face=DocumentExchangePort");
        assertNotStored(number);

        // A SHA-1 digest under an RSA-SHA256 signature is refused as well.
        String mixed = RawSecuredRequest.sign(submit(number(), "SHA-1 digest"), demo, demo.password(), Instant.now(),
                RawSecuredRequest.RSA_SHA256, RawSecuredRequest.SHA1);
        assertRefused(RawSecuredRequest.post(signed, SUBMIT, mixed), "AUTH.ALGORITHM");

        // The same request with the policy's algorithms is accepted.
        Answer ok = RawSecuredRequest.post(signed, SUBMIT, RawSecuredRequest.signNow(submit(number(), "SHA-256"), demo));
        assertEquals(200, ok.status(), ok.body());
    }

    @Test
    void theSameSignedBytesTwiceAreRefusedAsAReplay() throws Exception {
        String envelope = RawSecuredRequest.signNow(submit(number(), "Một lần"), demo);
        Answer first = RawSecuredRequest.post(signed, SUBMIT, envelope);
        assertEquals(200, first.status(), first.body());
        assertRefused(RawSecuredRequest.post(signed, SUBMIT, envelope), "AUTH.REPLAY");
        assertAudited("AUTH.REPLAY", "face=DocumentExchangePort");
    }

    @Test
    void theSameUsernameTokenRequestTwiceIsRefusedAsAReplay() throws Exception {
        String envelope = RawSecuredRequest.usernameToken(submit(number(), "UsernameToken"), demo.tlsUsername(),
                demo.tlsPassword(), true);
        Answer first = RawSecuredRequest.post(tls, SUBMIT, envelope);
        assertEquals(200, first.status(), first.body());
        assertTrue(first.body().contains("QUEUED"), first.body());
        Answer again = RawSecuredRequest.post(tls, SUBMIT, envelope);
        assertRefused(again, "AUTH.REPLAY");
        assertFalse(again.body().contains("QUEUED"), "the original receipt does not come back");
        assertAudited("AUTH.REPLAY", "face=DocumentExchangeTlsPort");
    }

    @Test
    void aUsernameTokenWithoutNonceAndCreatedIsRefused() throws Exception {
        String envelope = RawSecuredRequest.usernameToken(status("x"), demo.tlsUsername(), demo.tlsPassword(), false);
        assertRefused(RawSecuredRequest.post(tls, STATUS, envelope), "AUTH.NONCE");
        assertAudited("AUTH.NONCE", "user=" + demo.tlsUsername());
    }

    @Test
    void aWrongPasswordIsRefusedAndAuditedWithTheUserName() throws Exception {
        String number = number();
        String envelope = RawSecuredRequest.sign(submit(number, "Sai mật khẩu"), demo, demo.password() + "x",
                Instant.now());
        assertRefused(RawSecuredRequest.post(signed, SUBMIT, envelope), "AUTH.PASSWORD");
        assertAudited("AUTH.PASSWORD", "user=" + demo.username());
        assertNotStored(number);
    }

    @Test
    void aBodyChangedAfterSigningIsRefusedAndAudited() throws Exception {
        String number = number();
        String envelope = RawSecuredRequest.signNow(submit(number, "Nguyên bản"), demo);
        assertRefused(RawSecuredRequest.post(signed, SUBMIT, envelope.replace("Nguyên bản", "Đã sửa")),
                "AUTH.SIGNATURE");
        assertAudited("AUTH.SIGNATURE", "face=DocumentExchangePort");
        assertNotStored(number);
    }

    @Test
    void anExpiredTimestampIsRefusedAndAudited() throws Exception {
        String number = number();
        String envelope = RawSecuredRequest.signedLongAgo(submit(number, "Cũ"), demo);
        assertRefused(RawSecuredRequest.post(signed, SUBMIT, envelope), "AUTH.TIMESTAMP");
        assertAudited("AUTH.TIMESTAMP", "face=DocumentExchangePort");
        assertNotStored(number);
    }

    @Test
    void aDoctypeIsRefusedAndAudited() throws Exception {
        String envelope = "<?xml version=\"1.0\"?><!DOCTYPE x [<!ENTITY e \"boom\">]>"
                + "<soap:Envelope xmlns:soap=\"http://schemas.xmlsoap.org/soap/envelope/\"><soap:Body>"
                + submit(number(), "&e;") + "</soap:Body></soap:Envelope>";
        assertRefused(RawSecuredRequest.post(signed, SUBMIT, envelope), "M.Envelope.DOCTYPE");
        assertAudited("M.Envelope.DOCTYPE", "face=DocumentExchangePort");
    }

    @Test
    void repeatedWrongPasswordsLockTheUserUntilTheWindowEnds() throws Exception {
        // The UsernameToken login: locking it does not disturb the signed login the other tests use.
        try {
            for (int i = 0; i < 10; i++) {
                String wrong = RawSecuredRequest.usernameToken(status("x"), demo.tlsUsername(), "wrong-" + i, true);
                assertRefused(RawSecuredRequest.post(tls, STATUS, wrong), "AUTH.PASSWORD");
            }
            String right = RawSecuredRequest.usernameToken(status("x"), demo.tlsUsername(), demo.tlsPassword(), true);
            assertRefused(RawSecuredRequest.post(tls, STATUS, right), "AUTH.LOCKED");
            assertAudited("AUTH.LOCKED", "user=" + demo.tlsUsername());
        } finally {
            awaitUnlocked(); // also when an assertion failed: the other tests use this login
        }
        // When the window has ended, the right password is accepted again.
        Answer accepted = RawSecuredRequest.post(tls, SUBMIT, RawSecuredRequest.usernameToken(
                submit(number(), "Sau khi khóa"), demo.tlsUsername(), demo.tlsPassword(), true));
        assertEquals(200, accepted.status(), accepted.body());
    }

    private void awaitUnlocked() throws Exception {
        Await.until("the lock to end", WINDOW.plusSeconds(30), () -> {
            Answer a = RawSecuredRequest.post(tls, STATUS, RawSecuredRequest.usernameToken(status("x"),
                    demo.tlsUsername(), demo.tlsPassword(), true));
            if (a.body().contains("AUTH.LOCKED")) {
                Thread.sleep(1000); // bounded by the deadline; each probe is itself a (right) login
                return Optional.empty();
            }
            return Optional.of(a);
        });
    }

    @Test
    void refusalsAreLoggedAsOneLineWithoutStackTrace() throws Exception {
        // Payara Micro's log reaches this JVM's standard output (Arquillian pipes it): capture it meanwhile.
        PrintStream original = System.out;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        System.setOut(new PrintStream(new TeeStream(original, captured), true, StandardCharsets.UTF_8));
        String text;
        try {
            String envelope = RawSecuredRequest.signNow(submit(number(), "Nhật ký"), demo);
            assertEquals(200, RawSecuredRequest.post(signed, SUBMIT, envelope).status());
            assertRefused(RawSecuredRequest.post(signed, SUBMIT, envelope), "AUTH.REPLAY");
            String tampered = RawSecuredRequest.signNow(submit(number(), "Nhật ký 2"), demo).replace("ký 2", "ký 3");
            assertRefused(RawSecuredRequest.post(signed, SUBMIT, tampered), "AUTH.SIGNATURE");
            Instant deadline = Instant.now().plusSeconds(10);
            do {
                text = captured.toString(StandardCharsets.UTF_8);
                Thread.sleep(200); // bounded by the deadline
            } while (!text.contains("WS-Security refusal AUTH.SIGNATURE") && Instant.now().isBefore(deadline));
        } finally {
            System.setOut(original);
        }
        org.junit.jupiter.api.Assumptions.assumeTrue(text.contains("WS-Security refusal AUTH.REPLAY"),
                "Payara Micro's log is not piped to this JVM's System.out");
        assertTrue(text.contains("WS-Security refusal AUTH.SIGNATURE"), text);
        assertFalse(text.contains("Interceptor for {urn:lienthong:exchange:1}"),
                "CXF's WARNING for the refusals is quiet: " + text);
        assertFalse(text.contains("\tat org.apache"), "no stack trace in the log: " + text);
    }

    /** Writes to two streams. */
    private static final class TeeStream extends OutputStream {
        private final OutputStream a;
        private final OutputStream b;

        TeeStream(OutputStream a, OutputStream b) {
            this.a = a;
            this.b = b;
        }

        @Override
        public void write(int x) throws IOException {
            a.write(x);
            synchronized (b) {
                b.write(x);
            }
        }

        @Override
        public void write(byte[] buf, int off, int len) throws IOException {
            a.write(buf, off, len);
            synchronized (b) {
                b.write(buf, off, len);
            }
        }
    }

    // ------------------------------------------------------------------------------------------------ helpers

    private static String number() {
        return Integer.toString(ThreadLocalRandom.current().nextInt(1, 99_999_999));
    }

    private String submit(String number, String subject) {
        return Documents.submitXml(demo.organId(), AxisSimulatorExtension.COUNTERPART_ORGAN, number, subject);
    }

    private String status(String documentId) {
        return "<x:GetDocumentStatus xmlns:x=\"urn:lienthong:exchange:1\"><x:fromOrganId>" + demo.organId()
                + "</x:fromOrganId><x:documentId>" + documentId + "</x:documentId></x:GetDocumentStatus>";
    }

    private static void assertRefused(Answer answer, String code) {
        assertEquals(500, answer.status(), answer.body());
        assertTrue(answer.body().contains("<code>" + code + "</code>")
                || answer.body().contains(":code>" + code + "<"), "code " + code + " in: " + answer.body());
        assertFalse(answer.body().contains("\tat ") || answer.body().contains("Exception"),
                "no stack trace or exception names: " + answer.body());
    }

    /** The newest audit entry with the code names the face, the client address and what the test expects. */
    private void assertAudited(String code, String expected) throws Exception {
        String admin = Files.readString(AxisSimulatorExtension.dataDir().resolve("admin-token")).trim();
        HttpURLConnection c = (HttpURLConnection) new URL(base,
                "admin/audit?limit=5&code=" + code).openConnection();
        c.setRequestProperty("Authorization", "Bearer " + admin);
        assertEquals(200, c.getResponseCode());
        String json = new String(c.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(json.contains("\"code\":\"" + code + "\""), json);
        assertTrue(json.contains("\"outcome\":\"REFUSED\""), json);
        assertTrue(json.contains(expected), "audit entry names " + expected + ": " + json);
        assertTrue(json.matches("(?s).*client=[0-9a-fA-F.:]+.*"), "the client's address: " + json);
    }

    private void assertNotStored(String number) throws Exception {
        String documentId = demo.organId() + ",2026/11/23," + number + "/VPCP-TTĐT";
        Answer a = RawSecuredRequest.post(signed, STATUS, RawSecuredRequest.signNow(status(documentId), demo));
        assertTrue(a.body().contains("M.documentId"), "not stored: " + a.body());
    }
}
