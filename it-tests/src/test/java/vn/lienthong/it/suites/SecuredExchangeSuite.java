package vn.lienthong.it.suites;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import vn.lienthong.edxml.read.EdxmlHeaderScanner;
import vn.lienthong.edxml.read.PackageHeader;
import vn.lienthong.edxml.sign.PackageVerifier;
import vn.lienthong.edxml.sign.VerificationResult;
import vn.lienthong.it.support.AxisSimulatorExtension;
import vn.lienthong.it.support.CounterpartSystem;
import vn.lienthong.it.support.Documents;
import vn.lienthong.it.support.ExchangeClients;
import vn.lienthong.it.support.RawSecuredRequest;
import vn.lienthong.ws.exchange.v1.DocumentExchangePort;
import vn.lienthong.ws.exchange.v1.ExchangeFault;
import vn.lienthong.ws.exchange.v1.GetDocumentStatus;
import vn.lienthong.ws.exchange.v1.GetDocumentStatusResponse;
import vn.lienthong.ws.exchange.v1.SubmitDocument;
import vn.lienthong.ws.exchange.v1.SubmitDocumentResponse;

/**
 * The real adapter, called from outside like a legacy product: WS-Security end to end, the store, the signed EDXML
 * package and its delivery to the axis simulator over HTTP; only CXF serves the service (no Metro copy on Payara
 * Server, no JAX-WS default paths on Micro). Runs on both runtimes (see {@link AdapterSuite}).
 */
public abstract class SecuredExchangeSuite extends AdapterSuite {

    private static final String SUBMIT = "urn:lienthong:exchange:1:SubmitDocument";

    private URL endpoint;
    private DocumentExchangePort secured;

    @BeforeEach
    void connect() throws Exception {
        endpoint = adapter.url("services/DocumentExchange");
        secured = service;
    }

    @Test
    void aSignedRequestIsStoredPackagedSignedAndDeliveredToTheAxis() throws Exception {
        SubmitDocument request = Documents.newDocument(demo.organId(), AxisSimulatorExtension.COUNTERPART_ORGAN);
        SubmitDocumentResponse accepted = secured.submitDocument(request);
        assertEquals(Documents.documentIdOf(request), accepted.getDocumentId());
        assertEquals("QUEUED", accepted.getState());
        assertTrue(accepted.getAcceptedAt().endsWith("+07:00"), "Vietnam time: " + accepted.getAcceptedAt());

        GetDocumentStatusResponse status = awaitState(accepted.getDocumentId(), "SENT", Duration.ofSeconds(60));
        assertNotNull(status.getAxisDocId());
        assertTrue(status.getPackageSha256().matches("[0-9a-f]{64}"));
        assertEquals(1, status.getAttempts());
        assertEquals(List.of(AxisSimulatorExtension.COUNTERPART_ORGAN),
                status.getRecipient().stream().map(r -> r.getOrganId()).toList());

        // The counterpart agency's own system fetches it from the axis and checks the adapter's signature.
        Path fetched = fetchFromAxisAsCounterpart(accepted.getDocumentId());
        try (var in = Files.newInputStream(fetched)) {
            PackageHeader header = EdxmlHeaderScanner.scan(in);
            assertEquals(demo.organId(), header.fromOrganId());
            assertEquals(List.of(AxisSimulatorExtension.COUNTERPART_ORGAN), header.toOrganIds());
        }
        VerificationResult verified = PackageVerifier.builder().trustAnchor(demoCa()).build().verify(fetched);
        assertTrue(verified.status().isValid(), "adapter signature verifies: " + verified);
    }

    @Test
    void attachmentsMayTravelAsMtomPartsOfASignedRequest() throws Exception {
        DocumentExchangePort mtom = ExchangeClients.secured(endpoint, demo, demo.password(), true);
        SubmitDocument request = Documents.newDocument(demo.organId(), AxisSimulatorExtension.COUNTERPART_ORGAN);
        byte[] content = new byte[200_000];
        request.getDocument().getAttachment().get(0).setContent(Documents.bytes(content));
        // The signature covers the Body as sent (xop:Include + this digest), the adapter checks the part against it.
        request.getDocument().getAttachment().get(0).setSha256(sha256(content));
        SubmitDocumentResponse accepted = mtom.submitDocument(request);
        assertEquals("QUEUED", accepted.getState());
        assertTrue(ExchangeClients.LAST_CONTENT_TYPE.get().contains("application/xop+xml"),
                "sent as MTOM: " + ExchangeClients.LAST_CONTENT_TYPE.get());
        Path fetched;
        GetDocumentStatusResponse status = awaitState(accepted.getDocumentId(), "SENT", Duration.ofSeconds(60));
        assertTrue(status.getPackageSha256().matches("[0-9a-f]{64}"));
        fetched = fetchFromAxisAsCounterpart(accepted.getDocumentId());
        assertTrue(Files.size(fetched) > 200_000, "the attachment's bytes travelled into the package");
    }

    @Test
    void anMtomPartOfASignedRequestWithoutItsDigestIsRefusedAndNothingIsStored() throws Exception {
        DocumentExchangePort mtom = ExchangeClients.secured(endpoint, demo, demo.password(), true);
        SubmitDocument request = Documents.newDocument(demo.organId(), AxisSimulatorExtension.COUNTERPART_ORGAN);
        request.getDocument().getAttachment().get(0).setContent(Documents.bytes(new byte[100_000]));
        ExchangeFault fault = assertThrows(ExchangeFault.class, () -> mtom.submitDocument(request));
        assertEquals("AUTH.ATTACHMENT_UNSIGNED", fault.getFaultInfo().getCode());
        assertNotStored(request.getDocument().getCodeNumber());
    }

    @Test
    void anMtomPartWhoseBytesDoNotMatchItsSignedDigestIsRefusedAndNothingIsStored() throws Exception {
        DocumentExchangePort mtom = ExchangeClients.secured(endpoint, demo, demo.password(), true);
        SubmitDocument request = Documents.newDocument(demo.organId(), AxisSimulatorExtension.COUNTERPART_ORGAN);
        request.getDocument().getAttachment().get(0).setContent(Documents.bytes(new byte[100_000]));
        request.getDocument().getAttachment().get(0).setSha256(sha256(new byte[100_001]));
        ExchangeFault fault = assertThrows(ExchangeFault.class, () -> mtom.submitDocument(request));
        assertEquals("AUTH.ATTACHMENT_DIGEST", fault.getFaultInfo().getCode());
        assertNotStored(request.getDocument().getCodeNumber());
    }

    private static String sha256(byte[] content) throws Exception {
        return java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256").digest(content));
    }

    @Test
    void theSameSubmissionTwiceIsAcceptedOnceAndGetsTheSameAnswer() throws Exception {
        SubmitDocument request = Documents.newDocument(demo.organId(), AxisSimulatorExtension.COUNTERPART_ORGAN);
        request.setClientMessageId("msg-" + request.getDocument().getCodeNumber());
        SubmitDocumentResponse first = secured.submitDocument(request);
        SubmitDocumentResponse second = secured.submitDocument(request);
        assertEquals(first.getDocumentId(), second.getDocumentId());
        assertEquals(first.getAcceptedAt(), second.getAcceptedAt());
    }

    @Test
    void aRequestWithoutSecurityHeaderIsRefusedAndNothingIsStored() throws Exception {
        String code = "9" + System.nanoTime() % 1_000_000;
        var answer = RawSecuredRequest.post(endpoint, SUBMIT, "<soap:Envelope xmlns:soap="
                + "\"http://schemas.xmlsoap.org/soap/envelope/\"><soap:Body>"
                + Documents.submitXml(demo.organId(), "000.00.00.H41", code, "Không ký") + "</soap:Body></soap:Envelope>");
        assertSecurityFault(answer);
        assertNotStored(code);
        // A WS-Security refusal reaches a generated client as the declared fault, with its stable code.
        ExchangeFault fault = assertThrows(ExchangeFault.class, () -> ExchangeClients.plain(endpoint)
                .submitDocument(Documents.newDocument(demo.organId(), "000.00.00.H41")));
        assertEquals("AUTH.HEADER", fault.getFaultInfo().getCode());
    }

    @Test
    void aWrongPasswordIsRefusedAndNothingIsStored() throws Exception {
        String code = "8" + System.nanoTime() % 1_000_000;
        String envelope = RawSecuredRequest.sign(Documents.submitXml(demo.organId(), "000.00.00.H41", code, "Sai"),
                demo, demo.password() + "x", Instant.now());
        assertSecurityFault(RawSecuredRequest.post(endpoint, SUBMIT, envelope));
        assertNotStored(code);
        // The same refusal reaches a generated client as the declared fault with its code.
        DocumentExchangePort wrong = ExchangeClients.secured(endpoint, demo, demo.password() + "-wrong");
        assertEquals("AUTH.PASSWORD", assertThrows(ExchangeFault.class, () -> wrong.submitDocument(
                Documents.newDocument(demo.organId(), AxisSimulatorExtension.COUNTERPART_ORGAN)))
                .getFaultInfo().getCode());
    }

    @Test
    void anExpiredTimestampIsRefusedAndNothingIsStored() throws Exception {
        String code = "7" + System.nanoTime() % 1_000_000;
        String envelope = RawSecuredRequest.signedLongAgo(
                Documents.submitXml(demo.organId(), "000.00.00.H41", code, "Cũ"), demo);
        assertSecurityFault(RawSecuredRequest.post(endpoint, SUBMIT, envelope));
        assertNotStored(code);
    }

    @Test
    void aBodyChangedAfterSigningIsRefusedAndNothingIsStored() throws Exception {
        String code = "6" + System.nanoTime() % 1_000_000;
        String envelope = RawSecuredRequest.signNow(
                Documents.submitXml(demo.organId(), "000.00.00.H41", code, "Nguyên bản"), demo);
        String tampered = envelope.replace("Nguyên bản", "Đã sửa");
        assertFalse(envelope.equals(tampered));
        assertSecurityFault(RawSecuredRequest.post(endpoint, SUBMIT, tampered));
        assertNotStored(code);
        // The same hand-built request, untampered, is accepted: the refusal above is about the change alone.
        // (A fresh one: the adapter rightly refuses a replay of the first signature.)
        String untouched = RawSecuredRequest.signNow(Documents.submitXml(demo.organId(), "000.00.00.H41",
                code + "1", "Nguyên bản"), demo);
        var ok = RawSecuredRequest.post(endpoint, SUBMIT, untouched);
        assertEquals(200, ok.status(), ok.body());
    }

    @Test
    void actingForAnotherOrganisationIsRefusedWithAStableCode() {
        SubmitDocument request = Documents.newDocument("000.00.00.H49", AxisSimulatorExtension.COUNTERPART_ORGAN);
        ExchangeFault fault = assertThrows(ExchangeFault.class, () -> secured.submitDocument(request));
        assertEquals("AUTH.ORGANISATION", fault.getFaultInfo().getCode());
        assertEquals("document/fromOrganId", fault.getFaultInfo().getField());
    }

    @Test
    void invalidInputGetsTheFieldPathAndNoStackTrace() {
        SubmitDocument request = Documents.newDocument(demo.organId(), AxisSimulatorExtension.COUNTERPART_ORGAN);
        request.getDocument().setSubject("  ");
        ExchangeFault fault = assertThrows(ExchangeFault.class, () -> secured.submitDocument(request));
        assertEquals("N.document/subject", fault.getFaultInfo().getCode());
        assertFalse(fault.getMessage().contains("Exception"));
        assertNotStoredId(Documents.documentIdOf(request));

        SubmitDocument urgentTooHigh = Documents.newDocument(demo.organId(), AxisSimulatorExtension.COUNTERPART_ORGAN);
        urgentTooHigh.getDocument().setPriority(7);
        assertEquals("R.document/priority", assertThrows(ExchangeFault.class,
                () -> secured.submitDocument(urgentTooHigh)).getFaultInfo().getCode());
    }

    @Test
    void stateSecretDocumentsAreRefused() {
        SubmitDocument request = Documents.newDocument(demo.organId(), AxisSimulatorExtension.COUNTERPART_ORGAN);
        request.getDocument().setStateSecret(true);
        ExchangeFault fault = assertThrows(ExchangeFault.class, () -> secured.submitDocument(request));
        assertEquals("M.document/stateSecret", fault.getFaultInfo().getCode());
        assertNotStoredId(Documents.documentIdOf(request));
    }

    @Test
    void onlyCxfServesTheServiceAndTheServiceListIsHidden() throws Exception {
        var wsdl = RawSecuredRequest.get(new URL(endpoint + "?wsdl"));
        assertEquals(200, wsdl.status());
        assertTrue(wsdl.body().contains("DocumentExchangeService"));
        assertTrue(wsdl.body().contains("AsymmetricBinding") && wsdl.body().contains("SignedSupportingTokens")
                && wsdl.body().contains("TransportBinding"), "WS-SecurityPolicy of both profiles is published");
        // Where a JAX-WS runtime would publish an annotated implementation class (spec/platform-notes.md 4.2):
        // Micro ships none, and on Payara Server Metro must not publish an unsecured copy of the endpoint.
        for (String path : new String[] {"DocumentExchangeService", "DocumentExchangeService?wsdl",
                "DocumentExchangeEndpointService?wsdl", "ws/DocumentExchangeService"}) {
            assertEquals(404, RawSecuredRequest.get(adapter.url(path)).status(), path);
        }
        assertEquals(404, RawSecuredRequest.get(adapter.url("/__wstx-services")).status(),
                "Metro's system application is not loaded");
        assertEquals(404, RawSecuredRequest.get(adapter.url("services/")).status(), "service list hidden");
    }

    /** The counterpart agency's own system lists its mailbox on the axis and fetches the package by DocumentId. */
    private Path fetchFromAxisAsCounterpart(String documentId) throws Exception {
        try (CounterpartSystem counterpart = adapter.counterpart()) {
            return counterpart.fetchDocument(documentId).orElseThrow(() -> new AssertionError(
                    "The axis holds no package " + documentId + " for the counterpart"));
        }
    }

    private GetDocumentStatusResponse awaitState(String documentId, String state, Duration timeout) throws Exception {
        Instant deadline = Instant.now().plus(timeout);
        GetDocumentStatusResponse last;
        do {
            last = status(documentId);
            if (state.equals(last.getState())) {
                return last;
            }
            Thread.sleep(200); // polling interval, bounded by the deadline
        } while (Instant.now().isBefore(deadline));
        throw new AssertionError("Document stayed " + last.getState() + " (" + last.getLastError() + ")");
    }

    private GetDocumentStatusResponse status(String documentId) throws ExchangeFault {
        GetDocumentStatus q = new GetDocumentStatus();
        q.setFromOrganId(demo.organId());
        q.setDocumentId(documentId);
        return secured.getDocumentStatus(q);
    }

    private void assertNotStored(String codeNumber) {
        assertNotStoredId(demo.organId() + ",2026/11/23," + codeNumber + "/VPCP-TTĐT");
    }

    private void assertNotStoredId(String documentId) {
        ExchangeFault fault = assertThrows(ExchangeFault.class, () -> status(documentId));
        assertEquals("M.documentId", fault.getFaultInfo().getCode());
    }

    private static void assertSecurityFault(RawSecuredRequest.Answer answer) {
        assertEquals(500, answer.status(), answer.body());
        assertTrue(answer.body().contains("Fault"), answer.body());
        assertTrue(answer.body().contains("code>AUTH."), "a WS-Security refusal with its stable code: "
                + answer.body());
        assertFalse(answer.body().contains("\tat ") || answer.body().contains("Exception"),
                "no stack trace or exception names: " + answer.body());
    }

    private X509Certificate demoCa() throws Exception {
        try (var in = Files.newInputStream(adapter.demoCa())) {
            return (X509Certificate) CertificateFactory.getInstance("X.509").generateCertificate(in);
        }
    }

    // ------------------------------------------------------------------------------------------ admin audit

    @Test
    void adminCallsReadsIncludedLeaveAnAuditEntry() throws Exception {
        String token = adapter.adminToken();
        assertEquals(200, adminGet("admin/outbox/dead?max=5", token).status());
        assertEquals(401, adminGet("admin/outbox/dead", "not-the-token-" + token).status());
        AdminAnswer recent = adminGet("admin/audit?limit=50", token);
        assertEquals(200, recent.status());
        // The read, with who, what and outcome; the refused read, with its code.
        assertTrue(recent.body().matches("(?s).*\\{[^{}]*\"action\":\"ADMIN_CALL\"[^{}]*\"outcome\":\"OK\""
                + "[^{}]*\"actor\":\"admin\"[^{}]*\"code\":\"HTTP 200\"[^{}]*\"detail\":\"GET /?outbox/dead\".*"),
                recent.body());
        assertTrue(recent.body().matches("(?s).*\\{[^{}]*\"action\":\"ADMIN\"[^{}]*\"outcome\":\"REFUSED\""
                + "[^{}]*\"code\":\"AUTH.ADMIN\"[^{}]*\"detail\":\"GET /?outbox/dead\".*"), recent.body());
        assertFalse(recent.body().contains(token), "the token is never audited");
        // The chain these entries went into is keyed and intact.
        AdminAnswer verify = adminGet("admin/audit/verify", token);
        assertTrue(verify.body().contains("\"intact\":true"), verify.body());
        assertTrue(verify.body().matches("(?s).*\"keyId\":\"[0-9a-f]{16}\".*"), verify.body());
    }

    private record AdminAnswer(int status, String body) {
    }

    private AdminAnswer adminGet(String path, String token) throws java.io.IOException {
        java.net.HttpURLConnection c = (java.net.HttpURLConnection) adapter.url(path).openConnection();
        c.setRequestProperty("Authorization", "Bearer " + token);
        int status = c.getResponseCode();
        var in = status < 400 ? c.getInputStream() : c.getErrorStream();
        String body = in == null ? "" : new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        return new AdminAnswer(status, body);
    }
}
