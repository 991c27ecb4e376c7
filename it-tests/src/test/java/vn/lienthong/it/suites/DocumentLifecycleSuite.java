package vn.lienthong.it.suites;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;

import org.junit.jupiter.api.Test;

import vn.lienthong.it.support.Await;
import vn.lienthong.it.support.CounterpartSystem;
import vn.lienthong.it.support.AxisSimulatorExtension;
import vn.lienthong.it.support.Documents;
import vn.lienthong.ws.exchange.v1.AcknowledgeIncoming;
import vn.lienthong.ws.exchange.v1.BusinessChange;
import vn.lienthong.ws.exchange.v1.ExchangeFault;
import vn.lienthong.ws.exchange.v1.GetDocumentHistory;
import vn.lienthong.ws.exchange.v1.GetDocumentStatus;
import vn.lienthong.ws.exchange.v1.GetIncomingDocument;
import vn.lienthong.ws.exchange.v1.GetIncomingDocumentResponse;
import vn.lienthong.ws.exchange.v1.HistoryEvent;
import vn.lienthong.ws.exchange.v1.InboxEntry;
import vn.lienthong.ws.exchange.v1.InboxKind;
import vn.lienthong.ws.exchange.v1.ListIncoming;
import vn.lienthong.ws.exchange.v1.ListOrganisations;
import vn.lienthong.ws.exchange.v1.RecallDocument;
import vn.lienthong.ws.exchange.v1.ReceiverChange;
import vn.lienthong.ws.exchange.v1.ReplacedDocument;
import vn.lienthong.ws.exchange.v1.ReportStatus;
import vn.lienthong.ws.exchange.v1.SubmitDocument;

/**
 * A document's life through the adapter and the axis simulator: statuses of an agency coming back for what we
 * sent; a document arriving from another agency, answered automatically with 01, picked up by the client, and
 * answered with the clerk's statuses; recall both ways. Runs on both runtimes (see {@link AdapterSuite}).
 */
public abstract class DocumentLifecycleSuite extends AdapterSuite {

    private static final Duration WAIT = Duration.ofSeconds(60);

    @Test
    void theRecipientsStatusesComeBackAndFormTheHistory() throws Exception {
        SubmitDocument request = Documents.newDocument(demo.organId(), AxisSimulatorExtension.PLAYED_ORGAN);
        String documentId = service.submitDocument(request).getDocumentId();

        String finalCode = Await.until("status 06 from the recipient", WAIT, () -> {
            var status = service.getDocumentStatus(statusQuery(documentId));
            return Optional.ofNullable(status.getRecipient().get(0).getStatusCode()).filter("06"::equals);
        });
        assertEquals("06", finalCode);

        GetDocumentHistory q = new GetDocumentHistory();
        q.setOrganId(demo.organId());
        q.setSenderOrganId(demo.organId());
        q.setDocumentId(documentId);
        List<HistoryEvent> events = service.getDocumentHistory(q).getEvent();
        assertEquals("ACCEPTED", events.get(0).getKind());
        assertTrue(events.stream().anyMatch(e -> "ATTEMPT".equals(e.getKind()) && "SENT".equals(e.getCode())));
        assertEquals(List.of("01", "03", "04", "05", "06"), events.stream()
                .filter(e -> "STATUS".equals(e.getKind())).map(HistoryEvent::getCode).toList());
        assertTrue(events.stream().allMatch(e -> e.getAt().endsWith("+07:00")), "Vietnam time");

        // The statuses also wait in the sender's inbox for a client that pulls them.
        List<InboxEntry> statusItems = pending(InboxKind.STATUS).stream()
                .filter(i -> documentId.equals(i.getDocumentId())).toList();
        assertEquals(5, statusItems.size());
    }

    @Test
    void anIncomingDocumentIsFiledAnsweredWith01PickedUpAndAnswered() throws Exception {
        String number = Integer.toString(ThreadLocalRandom.current().nextInt(1, 99_999_999));
        String documentId = CounterpartSystem.newDocumentId(number);
        byte[] content = "%PDF-1.4\nincoming test\n".getBytes(StandardCharsets.US_ASCII);
        try (CounterpartSystem counterpart = adapter.counterpart()) {
            counterpart.send(demo.organId(), number, content, 0);

            InboxEntry item = Await.until("the document in the inbox", WAIT, () -> pending(InboxKind.DOCUMENT)
                    .stream().filter(i -> documentId.equals(i.getDocumentId())).findFirst());
            assertEquals(AxisSimulatorExtension.COUNTERPART_ORGAN, item.getFromOrganId());

            GetIncomingDocument get = new GetIncomingDocument();
            get.setOrganId(demo.organId());
            get.setItemId(item.getItemId());
            GetIncomingDocumentResponse doc = service.getIncomingDocument(get);
            assertEquals(number, doc.getCodeNumber());
            assertEquals("Nghệ An", doc.getPromulgationPlace());
            assertEquals("Công văn", doc.getDocumentTypeName());
            assertEquals("UBND tỉnh Nghệ An", doc.getFromOrganName());
            assertEquals(1, doc.getAttachment().size());
            assertEquals("cong-van-den.pdf", doc.getAttachment().get(0).getName());
            assertArrayEquals(content, Documents.bytesOf(doc.getAttachment().get(0).getContent()));

            AcknowledgeIncoming ack = new AcknowledgeIncoming();
            ack.setOrganId(demo.organId());
            ack.setItemId(item.getItemId());
            assertEquals("CONFIRMED", service.acknowledgeIncoming(ack).getState());
            assertTrue(pending(InboxKind.DOCUMENT).stream().noneMatch(i -> i.getItemId().equals(item.getItemId())));

            // The adapter answered 01 by itself; the clerk now registers it (03).
            service.reportStatus(report(documentId, "03", null));
            List<String> codes = Await.until("statuses 01 and 03 at the sender", WAIT, () -> {
                List<String> got = counterpart.statuses(documentId);
                return got.containsAll(List.of("01", "03")) ? Optional.of(got) : Optional.empty();
            });
            assertTrue(codes.indexOf("01") < codes.indexOf("03"), "01 first: " + codes);

            ExchangeFault noRequest = assertThrows(ExchangeFault.class,
                    () -> service.reportStatus(report(documentId, "15", null)));
            assertEquals("M.statusCode", noRequest.getFaultInfo().getCode());
            ExchangeFault noReason = assertThrows(ExchangeFault.class,
                    () -> service.reportStatus(report(documentId, "02", " ")));
            assertEquals("N.description", noReason.getFaultInfo().getCode());
        }
    }

    @Test
    void aSentDocumentIsRecalledAndTheRecipientsAnswerIsTracked() throws Exception {
        SubmitDocument request = Documents.newDocument(demo.organId(), AxisSimulatorExtension.PLAYED_ORGAN);
        String documentId = service.submitDocument(request).getDocumentId();
        Await.until("the document on the axis", WAIT, () -> Optional.of(
                service.getDocumentStatus(statusQuery(documentId)).getState()).filter("SENT"::equals));

        RecallDocument recall = new RecallDocument();
        recall.setFromOrganId(demo.organId());
        recall.setDocumentId(documentId);
        recall.setReason("Ban hành nhầm đối tượng");
        assertEquals("RECALL_QUEUED", service.recallDocument(recall).getOutcome());
        assertEquals("RECALL_QUEUED", service.recallDocument(recall).getOutcome(), "asking twice changes nothing");

        GetDocumentHistory q = new GetDocumentHistory();
        q.setOrganId(demo.organId());
        q.setSenderOrganId(demo.organId());
        q.setDocumentId(documentId);
        List<HistoryEvent> events = Await.until("the recipient's answer to the recall", WAIT, () -> {
            List<HistoryEvent> got = service.getDocumentHistory(q).getEvent();
            return got.stream().anyMatch(e -> "STATUS".equals(e.getKind()) && "15".equals(e.getCode()))
                    ? Optional.of(got) : Optional.empty();
        });
        assertTrue(events.stream().anyMatch(e -> "STATUS".equals(e.getKind()) && "15".equals(e.getCode())));

        RecallDocument unknown = new RecallDocument();
        unknown.setFromOrganId(demo.organId());
        unknown.setDocumentId(documentId + "-x");
        unknown.setReason("?");
        assertEquals("M.documentId", assertThrows(ExchangeFault.class, () -> service.recallDocument(unknown))
                .getFaultInfo().getCode());
    }

    @Test
    void anIncomingRecallIsShownAndConfirmedWith15() throws Exception {
        String number = Integer.toString(ThreadLocalRandom.current().nextInt(1, 99_999_999));
        String documentId = CounterpartSystem.newDocumentId(number);
        byte[] content = "%PDF-1.4\nto be recalled\n".getBytes(StandardCharsets.US_ASCII);
        try (CounterpartSystem counterpart = adapter.counterpart()) {
            counterpart.send(demo.organId(), number, content, 0);
            Await.until("the original in the inbox", WAIT, () -> pending(InboxKind.DOCUMENT).stream()
                    .filter(i -> documentId.equals(i.getDocumentId())).findFirst());
            counterpart.send(demo.organId(), number, content, 1);
            InboxEntry recall = Await.until("the recall in the inbox", WAIT, () -> pending(InboxKind.DOCUMENT)
                    .stream().filter(i -> documentId.equals(i.getDocumentId()) && i.getBusinessType() == 1)
                    .findFirst());
            assertEquals(1, recall.getBusinessType());

            service.reportStatus(report(documentId, "15", "Đồng ý thu hồi"));
            Await.until("15 at the sender", WAIT, () -> {
                List<String> got = counterpart.statuses(documentId);
                return got.contains("15") ? Optional.of(got) : Optional.empty();
            });
        }
    }

    @Test
    void updatesAndReplacementsTravelWithTheirBusinessBlocks() throws Exception {
        SubmitDocument original = Documents.newDocument(demo.organId(), AxisSimulatorExtension.COUNTERPART_ORGAN);
        String documentId = service.submitDocument(original).getDocumentId();

        SubmitDocument update = Documents.newDocument(demo.organId(), AxisSimulatorExtension.COUNTERPART_ORGAN);
        update.getDocument().setCodeNumber(original.getDocument().getCodeNumber());
        BusinessChange change = new BusinessChange();
        change.setType(2);
        change.setTargetDocumentId(documentId);
        change.setReason("Bổ sung nơi nhận");
        ReceiverChange added = new ReceiverChange();
        added.setOrganId("000.00.00.H49");
        added.setAdded(true);
        change.getReceiverChange().add(added);
        update.getDocument().setBusiness(change);
        assertEquals(documentId, service.submitDocument(update).getDocumentId(), "an update keeps the DocumentId");

        SubmitDocument replacement = Documents.newDocument(demo.organId(), AxisSimulatorExtension.COUNTERPART_ORGAN);
        BusinessChange replace = new BusinessChange();
        replace.setType(3);
        ReplacedDocument replaced = new ReplacedDocument();
        replaced.setDocumentId(documentId);
        replaced.getOrganId().add(AxisSimulatorExtension.COUNTERPART_ORGAN);
        replace.getReplaces().add(replaced);
        replacement.getDocument().setBusiness(replace);
        String replacementId = service.submitDocument(replacement).getDocumentId();

        SubmitDocument unknownTarget = Documents.newDocument(demo.organId(), AxisSimulatorExtension.COUNTERPART_ORGAN);
        BusinessChange wrong = new BusinessChange();
        wrong.setType(2);
        wrong.setTargetDocumentId("nothing-like-this");
        unknownTarget.getDocument().setBusiness(wrong);
        assertEquals("M.document/business/targetDocumentId", assertThrows(ExchangeFault.class,
                () -> service.submitDocument(unknownTarget)).getFaultInfo().getCode());

        try (CounterpartSystem counterpart = adapter.counterpart()) {
            List<Integer> types = Await.until("original and update at the recipient", WAIT, () -> {
                List<Integer> got = counterpart.businessTypes(documentId);
                return got.containsAll(List.of(0, 2)) ? Optional.of(got) : Optional.empty();
            });
            assertTrue(types.containsAll(List.of(0, 2)), types.toString());
            Await.until("the replacement at the recipient", WAIT, () -> Optional.of(
                    counterpart.businessTypes(replacementId)).filter(t -> t.contains(3)));
        }
    }

    @Test
    void anotherOrganisationsInboxIsRefused() {
        ListIncoming q = new ListIncoming();
        q.setOrganId(AxisSimulatorExtension.COUNTERPART_ORGAN);
        q.setKind(InboxKind.DOCUMENT);
        ExchangeFault fault = assertThrows(ExchangeFault.class, () -> service.listIncoming(q));
        assertEquals("AUTH.ORGANISATION", fault.getFaultInfo().getCode());
    }

    @Test
    void theAgencyDirectoryIsSynchronisedFromTheAxis() throws Exception {
        ListOrganisations q = new ListOrganisations();
        q.setMax(50);
        int count = Await.until("directory entries", WAIT, () -> {
            int n = service.listOrganisations(q).getOrganisation().size();
            return n > 0 ? Optional.of(n) : Optional.empty();
        });
        assertTrue(count > 0);
    }

    private List<InboxEntry> pending(InboxKind kind) throws ExchangeFault {
        ListIncoming q = new ListIncoming();
        q.setOrganId(demo.organId());
        q.setKind(kind);
        return service.listIncoming(q).getItem();
    }

    private ReportStatus report(String documentId, String code, String description) {
        ReportStatus r = new ReportStatus();
        r.setOrganId(demo.organId());
        r.setSenderOrganId(AxisSimulatorExtension.COUNTERPART_ORGAN);
        r.setDocumentId(documentId);
        r.setStatusCode(code);
        r.setDescription(description);
        r.setStaff("Văn thư");
        return r;
    }

    private GetDocumentStatus statusQuery(String documentId) {
        GetDocumentStatus q = new GetDocumentStatus();
        q.setFromOrganId(demo.organId());
        q.setDocumentId(documentId);
        return q;
    }
}
