package vn.lienthong.axis.simulator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.lienthong.axis.client.AckStatus;
import vn.lienthong.axis.client.AxisClient;
import vn.lienthong.axis.client.MessageType;
import vn.lienthong.axis.client.ReceivedItem;
import vn.lienthong.axis.client.SentItem;

/**
 * Văn phòng Chính phủ (sys.vpcp) sends a document to UBND Nghệ An (sys.nghean); Nghệ An reports its progress with
 * status packages; VPCP asks to take the document back (13) and Nghệ An agrees (15).
 */
class TwoSystemsExchangeTest extends SimulatorTestSupport {

    private static final String DOCUMENT_ID = "000.00.00.G22,2025/11/22,123/VPCP-TEST";

    @TempDir
    Path tmp;
    private AxisSimulator sim;
    private AxisClient vpcp;
    private AxisClient nghean;

    @BeforeEach
    void start() throws Exception {
        sim = AxisSimulator.start(twoSystems().build());
        vpcp = vpcp(sim);
        nghean = nghean(sim);
    }

    @AfterEach
    void stop() {
        vpcp.close();
        nghean.close();
        sim.close();
    }

    @Test
    void documentAndItsStatusesTravelBetweenTwoSystems() throws Exception {
        Path document = TestPackages.document(tmp, VPCP, List.of(NGHEAN), DOCUMENT_ID, 0);
        String submission = vpcp.sendEdoc(VPCP, List.of(NGHEAN), MessageType.EDOC, document).docId();

        ReceivedItem incoming = nghean.getReceivedEdocList(MessageType.EDOC).get(0);
        Path fetched = nghean.getEdoc(incoming.docId(), tmp.resolve("nghean/" + incoming.docId() + ".edxml")).file();
        PackageFacts facts = facts(fetched);
        assertEquals(DOCUMENT_ID, facts.documentId());
        assertEquals(VPCP, facts.fromOrganId());
        nghean.updateStatus(incoming.docId(), AckStatus.DONE);

        for (String code : List.of("01", "03", "04", "05", "06")) {
            nghean.sendEdoc(NGHEAN, List.of(VPCP), MessageType.STATUS,
                    TestPackages.status(tmp, NGHEAN, VPCP, DOCUMENT_ID, code));
        }

        List<String> codes = new ArrayList<>();
        for (ReceivedItem status : vpcp.getReceivedEdocList(MessageType.STATUS)) {
            PackageFacts s = facts(vpcp.getEdoc(status.docId(), tmp.resolve("vpcp/" + status.docId())).file());
            assertEquals(DOCUMENT_ID, s.responseForDocumentId());
            assertEquals(NGHEAN, s.fromOrganId());
            codes.add(s.statusCode());
            vpcp.updateStatus(status.docId(), AckStatus.DONE);
        }
        assertEquals(List.of("01", "03", "04", "05", "06"), codes);
        assertEquals(0, vpcp.countReceiveStatus());
        assertTrue(nghean.getReceivedEdocList(MessageType.STATUS).isEmpty(), "statuses go to the sender only");

        SentItem row = vpcp.getSentEdocList(MessageType.EDOC, submission).get(0);
        assertEquals("done", row.receiveStatus());
        assertEquals(NGHEAN, row.toCode());
        assertEquals(5, nghean.getSentEdocList(MessageType.STATUS).size());
    }

    @Test
    void takeBackRequestGoesToTheRecipientAndTheAnswerComesBack() throws Exception {
        // 13: From = original sender, ResponseFor = the recipient (roles reversed).
        vpcp.sendEdoc(VPCP, List.of(), MessageType.STATUS, TestPackages.status(tmp, VPCP, NGHEAN, DOCUMENT_ID, "13"));
        ReceivedItem request = nghean.getReceivedEdocList(MessageType.STATUS).get(0);
        assertEquals(VPCP, request.from());
        assertEquals("13", facts(nghean.getEdoc(request.docId(), tmp.resolve("13.edxml")).file()).statusCode());
        nghean.updateStatus(request.docId(), AckStatus.DONE);
        assertTrue(vpcp.getReceivedEdocList(MessageType.STATUS).isEmpty());

        nghean.sendEdoc(NGHEAN, List.of(), MessageType.STATUS, TestPackages.status(tmp, NGHEAN, VPCP, DOCUMENT_ID, "15"));
        ReceivedItem answer = vpcp.getReceivedEdocList(MessageType.STATUS).get(0);
        assertEquals("15", facts(vpcp.getEdoc(answer.docId(), tmp.resolve("15.edxml")).file()).statusCode());
    }

    @Test
    void mailboxesSurviveARestartWithTheSameDataDirectory() throws Exception {
        Path dataDir = tmp.resolve("data");
        String docId;
        try (AxisSimulator first = AxisSimulator.start(twoSystems().dataDir(dataDir).build());
             AxisClient sender = vpcp(first); AxisClient receiver = nghean(first)) {
            sender.sendEdoc(VPCP, List.of(), MessageType.EDOC, TestPackages.document(tmp, VPCP, List.of(NGHEAN), "d1", 0));
            docId = receiver.getReceivedEdocList(MessageType.EDOC).get(0).docId();
        }
        try (AxisSimulator second = AxisSimulator.start(twoSystems().dataDir(dataDir).build());
             AxisClient receiver = nghean(second)) {
            assertEquals(docId, receiver.getReceivedEdocList(MessageType.EDOC).get(0).docId());
            assertTrue(Files.size(receiver.getEdoc(docId, tmp.resolve("after-restart.edxml")).file()) > 0);
        }
        assertTrue(Files.exists(dataDir.resolve("state.json")), "an explicit data directory is kept");
        assertFalse(Files.readString(dataDir.resolve("state.json")).contains("secret"));
    }
}
