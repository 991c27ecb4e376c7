package vn.lienthong.it.micro;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.StringReader;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;

import jakarta.json.Json;
import jakarta.json.JsonObject;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import vn.lienthong.docsig.SignedPdfs;
import vn.lienthong.docsig.TestCa;
import vn.lienthong.edxml.pki.DemoPki;
import vn.lienthong.it.support.AdapterDatabase;
import vn.lienthong.it.support.AdapterOnMicro;
import vn.lienthong.it.support.Await;
import vn.lienthong.it.support.AxisSimulatorExtension;
import vn.lienthong.it.support.CounterpartSystem;
import vn.lienthong.it.support.Documents;
import vn.lienthong.it.support.LegacyClient;
import vn.lienthong.it.support.LegacyMessages;
import vn.lienthong.ws.exchange.v1.AttachmentSignature;
import vn.lienthong.ws.exchange.v1.DocumentSignatures;
import vn.lienthong.ws.exchange.v1.ExchangeFault;
import vn.lienthong.ws.exchange.v1.GetDocumentHistory;
import vn.lienthong.ws.exchange.v1.GetDocumentStatus;
import vn.lienthong.ws.exchange.v1.GetIncomingDocument;
import vn.lienthong.ws.exchange.v1.InboxEntry;
import vn.lienthong.ws.exchange.v1.InboxKind;
import vn.lienthong.ws.exchange.v1.ListIncoming;
import vn.lienthong.ws.exchange.v1.SubmitDocument;

/**
 * Issue 14 on the real WAR: the signatures inside the attachments are verified after acceptance (and after
 * reception) and shown with signer and verdict — GetDocumentStatus and the history on the WS face, the audit entry
 * and {@code GET /admin/signatures} for the old protocol, GetIncomingDocument for a received document — and the
 * refuse policy of an organisation (G98 in arquillian.xml) refuses an unsigned main file with {@code DOC.UNSIGNED}
 * on both faces, audited, nothing stored. Signed PDFs are built here with a throw-away CA whose certificate and CRL
 * are put into the adapter's {@code keys/document-trust} folder (re-read when it changes).
 */
class DocumentSignaturesOnMicroIT extends AdapterOnMicro {

    private static final Duration WAIT = Duration.ofSeconds(90);
    private static final String REFUSING = "000.00.00.G98";
    private static final TestCa CA = new TestCa("CA chuyen dung (IT)");
    private static final TestCa.Signer SIGNER = CA.signer("Tran Thi Ky", "Van phong Chinh phu",
            java.time.Instant.now().minus(Duration.ofDays(1)), java.time.Instant.now().plus(Duration.ofDays(365)));

    @TempDir
    Path dir;
    private AdapterDatabase db;
    private LegacyClient legacy;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

    @BeforeEach
    void trustTheTestCa() throws Exception {
        Path trust = AxisSimulatorExtension.dataDir().resolve("keys").resolve("document-trust");
        Files.createDirectories(trust);
        if (!Files.exists(trust.resolve("it-ca.pem"))) {
            DemoPki.writePem(CA.certificate, trust.resolve("it-ca.pem"));
            Files.write(trust.resolve("it-ca.crl"), CA.crl(java.time.Instant.now()).getEncoded());
        }
        db = new AdapterDatabase(AxisSimulatorExtension.dataDir());
        legacy = new LegacyClient(base);
    }

    private byte[] signedPdf() throws Exception {
        Path unsigned = SignedPdfs.unsigned(dir.resolve("u-" + System.nanoTime() + ".pdf"));
        return Files.readAllBytes(SignedPdfs.sign(unsigned, dir.resolve("s-" + System.nanoTime() + ".pdf"),
                SignedPdfs.Signing.of(SIGNER)));
    }

    private byte[] unsignedPdf() throws Exception {
        return Files.readAllBytes(SignedPdfs.unsigned(dir.resolve("u-" + System.nanoTime() + ".pdf")));
    }

    // ------------------------------------------------------------------ WS face

    @Test
    void theWsFaceShowsTheSignerAndVerdictOfASignedAndOfAnUnsignedDocument() throws Exception {
        SubmitDocument signed = submission(demo.organId(), signedPdf());
        SubmitDocument unsigned = submission(demo.organId(), unsignedPdf());
        service.submitDocument(signed);
        service.submitDocument(unsigned);

        DocumentSignatures s = verdictOf(Documents.documentIdOf(signed));
        assertEquals("ESTABLISHED", s.getVerdict(), s.getReason());
        AttachmentSignature a = s.getAttachment().get(0);
        assertEquals("VALID", a.getStatus());
        assertEquals("ESTABLISHED", a.getLegalValue());
        assertEquals("Tran Thi Ky", a.getSignerName());
        assertEquals("Van phong Chinh phu", a.getSignerOrganisation());
        assertTrue(a.getIssuer().contains("CN=CA chuyen dung (IT)"), a.getIssuer());
        assertTrue(a.getSigningTime().endsWith("+07:00"), a.getSigningTime());
        assertEquals(1, a.getSignatures());

        DocumentSignatures u = verdictOf(Documents.documentIdOf(unsigned));
        assertEquals("NOT_ESTABLISHED", u.getVerdict());
        assertTrue(u.getReason().contains("not signed"), u.getReason());
        assertEquals("NOT_SIGNED", u.getAttachment().get(0).getStatus());
        assertNull(u.getAttachment().get(0).getSignerName());

        GetDocumentHistory h = new GetDocumentHistory();
        h.setOrganId(demo.organId());
        h.setSenderOrganId(demo.organId());
        h.setDocumentId(Documents.documentIdOf(signed));
        var history = service.getDocumentHistory(h);
        assertEquals("ESTABLISHED", history.getSignatures().getVerdict());
        assertTrue(history.getEvent().stream().anyMatch(e -> "SIGNATURES".equals(e.getKind())
                && "ESTABLISHED".equals(e.getCode()) && e.getDetail().contains("by Tran Thi Ky (Van phong Chinh phu)")),
                "a history event names the signer");

        // The statistics count both (G22 → H41: outside the organisation), and the monthly report shows the share.
        String month = java.time.LocalDate.now(java.time.ZoneId.of("Asia/Ho_Chi_Minh")).toString().substring(0, 7);
        HttpResponse<String> share = admin("admin/statistics/signatures?month=" + month + "&organisation="
                + demo.organId());
        assertEquals(200, share.statusCode(), share.body());
        JsonObject outside = Json.createReader(new StringReader(share.body())).readObject().getJsonArray("rows")
                .getValuesAs(JsonObject.class).stream().filter(r -> "OUTSIDE".equals(r.getString("scope")))
                .findFirst().orElseThrow(() -> new AssertionError(share.body()));
        assertTrue(outside.getInt("documents") >= 2 && outside.getInt("signed") >= 1
                && outside.getInt("established") >= 1 && outside.getInt("signed") < outside.getInt("documents"),
                share.body());
        HttpResponse<String> report = admin("admin/statistics/report?month=" + month + "&organisation="
                + demo.organId());
        assertEquals(200, report.statusCode());
        assertTrue(report.body().contains("văn bản có ký số"), "the signed share is filled in");
        assertFalse(report.body().contains("Chưa ghi nhận"), "no placeholder any more");
    }

    private HttpResponse<String> admin(String pathAndQuery) throws Exception {
        return http.send(HttpRequest.newBuilder(new java.net.URL(base, pathAndQuery).toURI())
                .timeout(Duration.ofSeconds(60)).header("Authorization", "Bearer " + adminToken()).GET().build(),
                HttpResponse.BodyHandlers.ofString());
    }

    // ------------------------------------------------------------------ old protocol

    @Test
    void theOldProtocolsDocumentsShowTheirSignerInTheAuditAndTheAdminView() throws Exception {
        long head = db.auditHead();
        String token = token(demo.organId());
        String signedNumber = number();
        String unsignedNumber = number();
        assertEquals(List.of(), legacySend(demo.organId(), token, signedNumber, signedPdf()).codes());
        assertEquals(List.of(), legacySend(demo.organId(), token, unsignedNumber, unsignedPdf()).codes());

        JsonObject signed = adminVerdict(LegacyMessages.documentId(demo.organId(), signedNumber));
        assertEquals("ESTABLISHED", signed.getString("verdict"), signed.toString());
        JsonObject first = signed.getJsonArray("attachments").getJsonObject(0);
        assertEquals("Tran Thi Ky", first.getString("signerName"));
        assertEquals("Van phong Chinh phu", first.getString("signerOrganisation"));
        assertEquals("VALID", first.getString("status"));
        JsonObject unsigned = adminVerdict(LegacyMessages.documentId(demo.organId(), unsignedNumber));
        assertEquals("NOT_ESTABLISHED", unsigned.getString("verdict"));
        assertEquals("NOT_SIGNED", unsigned.getJsonArray("attachments").getJsonObject(0).getString("status"));

        List<String> audit = Await.until("the signature audit entries", WAIT, () -> {
            List<String> entries = db.auditSince(head).stream()
                    .filter(e -> e.contains("|DOCUMENT_SIGNATURES|")).toList();
            return entries.size() >= 2 ? Optional.of(entries) : Optional.empty();
        });
        assertTrue(audit.stream().anyMatch(e -> e.contains("|ESTABLISHED|") && e.contains(signedNumber)
                && e.contains("by Tran Thi Ky (Van phong Chinh phu)")), audit.toString());
        assertTrue(audit.stream().anyMatch(e -> e.contains("|NOT_ESTABLISHED|") && e.contains(unsignedNumber)
                && e.contains("NOT_SIGNED")), audit.toString());
    }

    // ------------------------------------------------------------------ received

    @Test
    void aReceivedSignedDocumentShowsItsSignerInGetIncomingDocument() throws Exception {
        String number = number();
        String documentId = CounterpartSystem.newDocumentId(number);
        try (CounterpartSystem counterpart = new CounterpartSystem()) {
            counterpart.send(demo.organId(), number, signedPdf(), 0);
        }
        InboxEntry item = Await.until("the document in the inbox", WAIT, () -> {
            ListIncoming q = new ListIncoming();
            q.setOrganId(demo.organId());
            q.setKind(InboxKind.DOCUMENT);
            return service.listIncoming(q).getItem().stream().filter(i -> documentId.equals(i.getDocumentId()))
                    .findFirst();
        });
        GetIncomingDocument get = new GetIncomingDocument();
        get.setOrganId(demo.organId());
        get.setItemId(item.getItemId());
        DocumentSignatures s = Await.until("the received document verified", WAIT, () -> Optional.ofNullable(
                service.getIncomingDocument(get).getSignatures()).filter(x -> !"PENDING".equals(x.getVerdict())));
        assertEquals("ESTABLISHED", s.getVerdict(), s.getReason());
        assertEquals("Tran Thi Ky", s.getAttachment().get(0).getSignerName());
        assertEquals("cong-van-den.pdf", s.getAttachment().get(0).getName());
    }

    // ------------------------------------------------------------------ policy

    @Test
    void anOrganisationThatRefusesUnsignedDocumentsRefusesThemOnBothFacesAndStoresNothing() throws Exception {
        String user = demo.username();
        // The demo client may also act for the refusing organisation (as an operator would grant it).
        db.update("UPDATE client_credential SET organ_ids = organ_ids || ? WHERE username = ? AND organ_ids NOT LIKE ?",
                "," + REFUSING, user, "%" + REFUSING + "%");
        long head = db.auditHead();

        SubmitDocument unsigned = submission(REFUSING, unsignedPdf());
        ExchangeFault f = org.junit.jupiter.api.Assertions.assertThrows(ExchangeFault.class,
                () -> service.submitDocument(unsigned));
        assertEquals("DOC.UNSIGNED", f.getFaultInfo().getCode());
        assertEquals("attachments/0", f.getFaultInfo().getField());
        assertFalse(f.getFaultInfo().getMessage().contains("Exception"));

        String token = token(REFUSING);
        String number = number();
        assertEquals(List.of("DOC.UNSIGNED"), legacySend(REFUSING, token, number, unsignedPdf()).codes());

        assertEquals(0, db.count("SELECT COUNT(*) FROM document WHERE sender_organ_id = ?", REFUSING),
                "nothing stored");
        List<String> audit = db.auditSince(head);
        assertTrue(audit.stream().anyMatch(e -> e.contains("|SUBMIT|" + REFUSING + "|REFUSED|DOC.UNSIGNED|")),
                audit.toString());
        assertTrue(audit.stream().anyMatch(e -> e.contains("|" + REFUSING + "|REFUSED|DOC.UNSIGNED|")
                && e.contains("LEGACY_SENDDOCUMENT")), audit.toString());

        // The same organisation's document signed by a certificate naming it (O = its name in the document) passes.
        SubmitDocument signed = submission(REFUSING, signedPdf());
        assertEquals(Documents.documentIdOf(signed), service.submitDocument(signed).getDocumentId());
        assertEquals(List.of(), legacySend(REFUSING, token, number(), signedPdf()).codes());
    }

    // ------------------------------------------------------------------ helpers

    private static String number() {
        return Integer.toString(ThreadLocalRandom.current().nextInt(1, 999_999_999));
    }

    private static SubmitDocument submission(String from, byte[] pdf) {
        SubmitDocument request = Documents.newDocument(from, AxisSimulatorExtension.COUNTERPART_ORGAN);
        request.getDocument().getAttachment().get(0).setContent(Documents.bytes(pdf));
        return request;
    }

    private DocumentSignatures verdictOf(String documentId) throws Exception {
        GetDocumentStatus q = new GetDocumentStatus();
        q.setFromOrganId(demo.organId());
        q.setDocumentId(documentId);
        return Await.until("the verdict of " + documentId, WAIT, () -> Optional.ofNullable(
                service.getDocumentStatus(q).getSignatures()).filter(s -> !"PENDING".equals(s.getVerdict())));
    }

    private String token(String organ) throws Exception {
        LegacyClient.Answer issued = legacy.issueToken("Bearer " + adminToken(), organ, null);
        assertEquals(200, issued.status(), issued.body());
        return LegacyClient.tokenOf(issued);
    }

    private LegacyClient.Answer legacySend(String from, String token, String number, byte[] pdf) throws Exception {
        String envelope = LegacyMessages.sendDocument(from, AxisSimulatorExtension.COUNTERPART_ORGAN, number, token,
                "Văn bản có chữ ký số", "", LegacyMessages.newDocument(),
                LegacyMessages.reference("a", "cong-van.pdf"));
        return legacy.multipart("SendDocument", LegacyMessages.multipart(envelope,
                LegacyMessages.part("a", "application/pdf", "binary", pdf)));
    }

    private JsonObject adminVerdict(String documentId) throws Exception {
        URI uri = new java.net.URL(base, "admin/signatures?sender=" + URLEncoder.encode(demo.organId(),
                StandardCharsets.UTF_8) + "&documentId=" + URLEncoder.encode(documentId, StandardCharsets.UTF_8))
                .toURI();
        return Await.until("the admin view of " + documentId, WAIT, () -> {
            HttpResponse<String> r = http.send(HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(60))
                    .header("Authorization", "Bearer " + adminToken()).GET().build(),
                    HttpResponse.BodyHandlers.ofString());
            assertEquals(200, r.statusCode(), r.body());
            JsonObject json = Json.createReader(new StringReader(r.body())).readObject();
            return "PENDING".equals(json.getString("verdict")) ? Optional.empty() : Optional.of(json);
        });
    }

    private static String adminToken() throws Exception {
        return Files.readString(AxisSimulatorExtension.dataDir().resolve("admin-token"), StandardCharsets.UTF_8)
                .trim();
    }
}
