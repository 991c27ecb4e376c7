package vn.lienthong.it.micro;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Consumer;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

import vn.lienthong.it.support.AdapterDatabase;
import vn.lienthong.it.support.AdapterOnMicro;
import vn.lienthong.it.support.Await;
import vn.lienthong.it.support.AxisSimulatorExtension;
import vn.lienthong.it.support.CounterpartSystem;
import vn.lienthong.it.support.Documents;
import vn.lienthong.it.support.LegacyClient;
import vn.lienthong.it.support.LegacyClient.Answer;
import vn.lienthong.ws.exchange.v1.AcknowledgeIncoming;
import vn.lienthong.ws.exchange.v1.ExchangeFault;
import vn.lienthong.ws.exchange.v1.GetDocumentHistory;
import vn.lienthong.ws.exchange.v1.GetDocumentStatus;
import vn.lienthong.ws.exchange.v1.GetIncomingDocument;
import vn.lienthong.ws.exchange.v1.InboxKind;
import vn.lienthong.ws.exchange.v1.ListIncoming;
import vn.lienthong.ws.exchange.v1.RecallDocument;
import vn.lienthong.ws.exchange.v1.ReportStatus;

/**
 * Issue 9 item 1 on the real WAR on Payara Micro: one authorisation rule on every face. The reported attack (a WS
 * client granting a token for an organisation it may not act for, then sending in that organisation's name) is
 * refused at issue, and a token granted that way before the fix works for nothing; every operation naming an
 * organisation the caller may not act for is refused with {@code AUTH.ORGANISATION}, audited, stores nothing, and
 * a valid request works afterwards. The adapter's H2 database is read beside the server ({@link AdapterDatabase}).
 */
class AuthorisationOnMicroIT extends AdapterOnMicro {

    private static final String FOREIGN = "000.00.00.H49";
    private static final String COUNTERPART = AxisSimulatorExtension.COUNTERPART_ORGAN;
    private static final Duration WAIT = Duration.ofSeconds(60);

    private LegacyClient legacy;
    private AdapterDatabase db;
    private String own;

    @BeforeEach
    void clients() {
        legacy = new LegacyClient(base);
        db = new AdapterDatabase(AxisSimulatorExtension.dataDir());
        own = demo.organId();
    }

    // ---------------------------------------------------------------- token issue

    @Test
    void aClientCannotGrantATokenForAnOrganisationItMayNotActFor() throws Exception {
        long head = db.auditHead();
        long tokens = db.count("SELECT COUNT(*) FROM legacy_token");
        String basic = LegacyClient.basic(demo.username(), demo.password());

        Answer attack = legacy.issueToken(basic, own, FOREIGN);
        assertEquals(403, attack.status(), attack.body());
        assertTrue(attack.body().startsWith("AUTH.ORGANISATION"), attack.body());
        assertFalse(attack.body().contains("token="), "no token issued");
        Answer foreignOrgan = legacy.issueToken(basic, FOREIGN, null);
        assertEquals(403, foreignOrgan.status(), foreignOrgan.body());
        assertTrue(foreignOrgan.body().startsWith("AUTH.ORGANISATION"), foreignOrgan.body());

        assertEquals(tokens, db.count("SELECT COUNT(*) FROM legacy_token"), "nothing stored");
        assertEquals(0, db.count("SELECT COUNT(*) FROM client_credential WHERE organ_ids LIKE ?", "%" + FOREIGN + "%"));
        List<String> audit = db.auditSince(head);
        assertEquals(2, authorisationRefusals(audit, "TOKEN_ISSUE", "IssueToken").size(), audit.toString());
        assertTrue(audit.stream().anyMatch(r -> r.startsWith(demo.username() + "|LEGACY_TOKEN_ISSUE|" + own
                + "|REFUSED|AUTH.ORGANISATION|")), audit.toString());

        // Its own organisation it may still grant, and the token works.
        Answer valid = legacy.issueToken(basic, own, null);
        assertEquals(200, valid.status(), valid.body());
        assertEquals(List.of(), legacy.checkPermission(own, LegacyClient.tokenOf(valid)).codes());
    }

    /**
     * A token issued through the hole before the fix: the delegated credential lists the foreign organisation, granted
     * by a client that may act for its own only (what the old issue stored, and what V9 records as its grantor). It
     * works for nothing — not even its own organisation — until the grant is back within its issuer's authority.
     */
    @Test
    void aTokenGrantedBeyondItsIssuersOrganisationsBeforeTheFixWorksForNothing() throws Exception {
        String token = LegacyClient.tokenOf(legacy.issueToken(LegacyClient.basic(demo.username(), demo.password()),
                own, null));
        String holder = "legacy:" + own;
        assertEquals(1, db.count("SELECT COUNT(*) FROM client_credential WHERE username = ? AND granted_by = ?",
                holder, "credential:" + demo.username()));
        assertEquals(1, db.update("UPDATE client_credential SET organ_ids = ? WHERE username = ?",
                own + "," + FOREIGN, holder));
        long head = db.auditHead();
        long documents = db.documents();
        String foreignNumber = number();

        List<Answer> refused = List.of(
                legacy.sendDocument(own, token, FOREIGN, COUNTERPART, foreignNumber),
                legacy.sendDocument(own, token, own, COUNTERPART, number()),
                legacy.updateTraces(own, token, FOREIGN, COUNTERPART, CounterpartSystem.newDocumentId("1"), "3"),
                legacy.bodyRequest("GetPendingDocumentIds", "GetPendingDocumentIdsRequest", own, token, ""),
                legacy.bodyRequest("GetDocument", "GetDocumentRequest", own, token, "<DocumentId>1</DocumentId>"),
                legacy.bodyRequest("ConfirmReceived", "ConfirmReceived", own, token, "<DocumentId>1</DocumentId>"),
                legacy.bodyRequest("GetTraces", "GetTraces", own, token, ""),
                legacy.bodyRequest("GetOrganizations", "GetOrganizations", own, token, ""),
                legacy.checkPermission(own, token));
        refused.forEach(a -> assertEquals(List.of("AUTH.ORGANISATION"), a.codes(), a.body()));

        assertEquals(documents, db.documents(), "nothing stored");
        List<String> audit = db.auditSince(head);
        List<String> refusals = authorisationRefusals(audit, "LEGACY", null);
        assertEquals(refused.size(), refusals.size(), audit.toString());
        refusals.forEach(r -> assertTrue(r.contains("exceeds what it may act for: [" + FOREIGN + "]"), r));

        // Back within its issuer's organisations, the same token works again, and only its document reaches the axis.
        assertEquals(1, db.update("UPDATE client_credential SET organ_ids = ? WHERE username = ?", own, holder));
        String validNumber = number();
        assertEquals(List.of(), legacy.sendDocument(own, token, own, COUNTERPART, validNumber).codes());
        assertNothingOnTheAxisBut(LegacyClient.documentId(own, validNumber), LegacyClient.documentId(FOREIGN,
                foreignNumber));
    }

    // ---------------------------------------------------------------- the old e-doc.vn protocol

    @Test
    void legacyOperationsNamingAnotherOrganisationAreRefused() throws Exception {
        String token = LegacyClient.tokenOf(legacy.issueToken(LegacyClient.basic(demo.username(), demo.password()),
                own, null));
        long head = db.auditHead();
        long documents = db.documents();
        String foreignNumber = number();

        // With its own token, in another organisation's name: AUTH.ORGANISATION.
        Answer send = legacy.sendDocument(own, token, FOREIGN, COUNTERPART, foreignNumber);
        assertEquals(List.of("AUTH.ORGANISATION"), send.codes(), send.body());
        Answer status = legacy.updateTraces(own, token, FOREIGN, COUNTERPART, CounterpartSystem.newDocumentId("7"), "3");
        assertEquals(List.of("AUTH.ORGANISATION"), status.codes(), status.body());
        List<String> audit = db.auditSince(head);
        assertEquals(1, authorisationRefusals(audit, "LEGACY", "SendDocument").size(), audit.toString());
        assertEquals(1, authorisationRefusals(audit, "LEGACY", "UpdateTraces").size(), audit.toString());

        // Another organisation's inbox, traces or documents: a token is one organisation's, so it does not even
        // authenticate there (the hub's Permission), and the refusal is audited.
        long before = db.auditHead();
        Map<String, Answer> reads = Map.of(
                "GETPENDINGDOCUMENTIDS", legacy.bodyRequest("GetPendingDocumentIds", "GetPendingDocumentIdsRequest",
                        FOREIGN, token, ""),
                "GETDOCUMENT", legacy.bodyRequest("GetDocument", "GetDocumentRequest", FOREIGN, token,
                        "<DocumentId>1</DocumentId>"),
                "CONFIRMRECEIVED", legacy.bodyRequest("ConfirmReceived", "ConfirmReceived", FOREIGN, token,
                        "<DocumentId>1</DocumentId>"),
                "GETTRACES", legacy.bodyRequest("GetTraces", "GetTraces", FOREIGN, token, ""));
        List<String> readAudit = db.auditSince(before);
        reads.forEach((action, a) -> {
            assertEquals(List.of("Permission"), a.codes(), a.body());
            assertTrue(readAudit.stream().anyMatch(r -> r.startsWith("legacy-anonymous|LEGACY_" + action + "|"
                    + FOREIGN + "|REFUSED|Permission|")), action + " " + readAudit);
        });

        assertEquals(documents, db.documents(), "nothing stored");
        // The same token, for its own organisation: works.
        assertTrue(legacy.bodyRequest("GetPendingDocumentIds", "GetPendingDocumentIdsRequest", own, token, "")
                .body().contains("<edXML:DocumentIds"));
        String validNumber = number();
        assertEquals(List.of(), legacy.sendDocument(own, token, own, COUNTERPART, validNumber).codes());
        assertNothingOnTheAxisBut(LegacyClient.documentId(own, validNumber), LegacyClient.documentId(FOREIGN,
                foreignNumber));
    }

    // ---------------------------------------------------------------- the WS-Security service

    @Test
    void wsOperationsNamingAnotherOrganisationAreRefused() throws Exception {
        long head = db.auditHead();
        long documents = db.documents();
        var foreignDocument = Documents.newDocument(FOREIGN, COUNTERPART);
        String foreignDocId = FOREIGN + ",2026/11/23,1/VPCP-TTĐT";
        Map<String, Executable> calls = Map.of(
                "SubmitDocument", () -> service.submitDocument(foreignDocument),
                "RecallDocument", () -> service.recallDocument(with(new RecallDocument(), r -> {
                    r.setFromOrganId(FOREIGN);
                    r.setDocumentId(foreignDocId);
                    r.setReason("Thu hồi");
                })),
                "GetDocumentStatus", () -> service.getDocumentStatus(with(new GetDocumentStatus(), r -> {
                    r.setFromOrganId(FOREIGN);
                    r.setDocumentId(foreignDocId);
                })),
                "GetDocumentHistory", () -> service.getDocumentHistory(with(new GetDocumentHistory(), r -> {
                    r.setOrganId(FOREIGN);
                    r.setSenderOrganId(FOREIGN);
                    r.setDocumentId(foreignDocId);
                })),
                "ListIncoming", () -> service.listIncoming(with(new ListIncoming(), r -> {
                    r.setOrganId(FOREIGN);
                    r.setKind(InboxKind.DOCUMENT);
                })),
                "GetIncomingDocument", () -> service.getIncomingDocument(with(new GetIncomingDocument(), r -> {
                    r.setOrganId(FOREIGN);
                    r.setItemId("any");
                })),
                "AcknowledgeIncoming", () -> service.acknowledgeIncoming(with(new AcknowledgeIncoming(), r -> {
                    r.setOrganId(FOREIGN);
                    r.setItemId("any");
                })),
                "ReportStatus", () -> service.reportStatus(with(new ReportStatus(), r -> {
                    r.setOrganId(FOREIGN);
                    r.setSenderOrganId(COUNTERPART);
                    r.setDocumentId(CounterpartSystem.newDocumentId("9"));
                    r.setStatusCode("03");
                })));
        calls.forEach((operation, call) -> {
            ExchangeFault fault = assertThrows(ExchangeFault.class, call, operation);
            assertEquals("AUTH.ORGANISATION", fault.getFaultInfo().getCode(), operation);
        });

        assertEquals(documents, db.documents(), "nothing stored");
        List<String> audit = db.auditSince(head);
        calls.keySet().forEach(op -> assertEquals(1, authorisationRefusals(audit, "WS", op).size(), op + " " + audit));

        // Valid requests still work.
        ListIncoming inbox = new ListIncoming();
        inbox.setOrganId(own);
        inbox.setKind(InboxKind.DOCUMENT);
        service.listIncoming(inbox);
        var valid = Documents.newDocument(own, COUNTERPART);
        assertEquals("QUEUED", service.submitDocument(valid).getState());
        assertNothingOnTheAxisBut(Documents.documentIdOf(valid), Documents.documentIdOf(foreignDocument));
    }

    // ---------------------------------------------------------------- helpers

    /**
     * The {@code AUTHORISATION} audit entries of {@code face} (and {@code operation}, if given): each names the
     * demo credential or its token, the refused organisation, a reason and the client's address.
     */
    private static List<String> authorisationRefusals(List<String> audit, String face, String operation) {
        List<String> rows = audit.stream().filter(r -> r.contains("|AUTHORISATION|"))
                .filter(r -> r.contains("face=" + face + ";"))
                .filter(r -> operation == null || r.contains("operation=" + operation + ";")).toList();
        rows.forEach(r -> {
            assertTrue(r.contains("|REFUSED|AUTH.ORGANISATION|"), r);
            assertTrue(r.contains("reason=") && r.contains("refused="), r);
            assertFalse(r.contains("client=unknown"), "the client address is recorded: " + r);
        });
        return rows;
    }

    /** Waits for {@code sent} at the counterpart, then checks {@code refused} never reached the axis. */
    private static void assertNothingOnTheAxisBut(String sent, String refused) throws Exception {
        try (CounterpartSystem counterpart = new CounterpartSystem()) {
            Await.until(sent + " at the counterpart", WAIT, () -> counterpart.businessTypes(sent).isEmpty()
                    ? Optional.empty() : Optional.of(true));
            assertEquals(List.of(), counterpart.businessTypes(refused), "the refused document never reached the axis");
        }
    }

    private static <T> T with(T request, Consumer<T> fill) {
        fill.accept(request);
        return request;
    }

    private static String number() {
        return Integer.toString(ThreadLocalRandom.current().nextInt(1, 99_999_999));
    }
}
