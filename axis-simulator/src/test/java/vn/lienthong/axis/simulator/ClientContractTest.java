package vn.lienthong.axis.simulator;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.lienthong.axis.client.AckStatus;
import vn.lienthong.axis.client.Agency;
import vn.lienthong.axis.client.AgencyQd20;
import vn.lienthong.axis.client.AxisClient;
import vn.lienthong.axis.client.AxisRejectedException;
import vn.lienthong.axis.client.FetchedPackage;
import vn.lienthong.axis.client.MessageType;
import vn.lienthong.axis.client.ReceivedItem;
import vn.lienthong.axis.client.SendResult;
import vn.lienthong.axis.client.SentItem;

/** Every client operation against the simulator, with the vendor's sample packages. */
class ClientContractTest extends SimulatorTestSupport {

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
    void documentTravelsFromSendToAcknowledgement() throws Exception {
        Path original = TestPackages.fixture("edoc_new.edxml");
        SendResult sent = vpcp.sendEdoc("000.00.00.A80", List.of("28.22.H17"), MessageType.EDOC, original);
        assertEquals(24, sent.docId().length());

        assertEquals(1, nghean.countReceiveEdoc());
        assertEquals(0, nghean.countReceiveStatus());
        List<ReceivedItem> items = nghean.getReceivedEdocList(MessageType.EDOC);
        assertEquals(1, items.size());
        ReceivedItem item = items.get(0);
        assertEquals("000.00.00.A80", item.from());
        assertEquals("28.22.H17", item.to());
        assertEquals("edoc", item.messageType());
        assertEquals("initial", item.status());

        FetchedPackage fetched = nghean.getEdoc(item.docId(), tmp.resolve("in/" + item.docId() + ".edxml"));
        byte[] received = Files.readAllBytes(fetched.file());
        assertEquals(received.length, fetched.size());
        String text = new String(received, StandardCharsets.UTF_8);
        assertTrue(text.matches("(?s).*<edXML:TraceHeader><edXML:Timestamp>\\d{4}/\\d\\d/\\d\\d \\d\\d:\\d\\d:\\d\\d"
                + "</edXML:Timestamp></edXML:TraceHeader>\\s*</edXML:TraceHeaderList>.*"), "transit TraceHeader");
        byte[] withoutTransit = text.replaceFirst("<edXML:TraceHeader><edXML:Timestamp>[^<]*</edXML:Timestamp>"
                + "</edXML:TraceHeader>", "").getBytes(StandardCharsets.UTF_8);
        assertArrayEquals(Files.readAllBytes(original), withoutTransit, "nothing else rewritten");

        FetchedPackage downloaded = nghean.downloadEdoc(item.docId(), tmp.resolve("raw.edxml"));
        assertArrayEquals(received, Files.readAllBytes(downloaded.file()), "getEdoc and downloadEdoc agree");

        nghean.updateStatus(item.docId(), AckStatus.PROCESSING);
        assertEquals("processing", nghean.getReceivedEdocList(MessageType.EDOC).get(0).status());
        nghean.updateStatus(item.docId(), AckStatus.DONE);
        assertTrue(nghean.getReceivedEdocList(MessageType.EDOC).isEmpty());
        assertEquals(0, nghean.countReceiveEdoc());

        List<SentItem> rows = vpcp.getSentEdocList(MessageType.EDOC);
        assertEquals(1, rows.size());
        assertEquals(sent.docId(), rows.get(0).senderDocId());
        assertEquals(item.docId(), rows.get(0).receiverDocId());
        assertEquals("done", rows.get(0).receiveStatus());
        assertEquals(1, vpcp.getSentEdocList(MessageType.EDOC, sent.docId()).size());
        assertTrue(vpcp.getSentEdocList(MessageType.EDOC, "000000000000000000000000").isEmpty());
        assertTrue(vpcp.getSentEdocList(MessageType.STATUS).isEmpty());
    }

    @Test
    void failAcknowledgementKeepsTheItemListed() throws Exception {
        vpcp.sendEdoc("000.00.00.A80", List.of(), MessageType.EDOC, TestPackages.fixture("edoc_new.edxml"));
        String docId = nghean.getReceivedEdocList(MessageType.EDOC).get(0).docId();
        nghean.updateStatus(docId, AckStatus.FAIL);
        assertEquals("fail", nghean.getReceivedEdocList(MessageType.EDOC).get(0).status());
    }

    @Test
    void statusPackageIsRoutedToResponseForAndNotRewritten() throws Exception {
        Path status = TestPackages.fixture("status.edxml");
        nghean.sendEdoc(NGHEAN, List.of(), MessageType.STATUS, status);

        List<ReceivedItem> items = vpcp.getReceivedEdocList(MessageType.STATUS);
        assertEquals(1, items.size());
        assertEquals(1, vpcp.countReceiveStatus());
        assertTrue(vpcp.getReceivedEdocList(MessageType.EDOC).isEmpty());
        FetchedPackage fetched = vpcp.getEdoc(items.get(0).docId(), tmp.resolve("status.edxml"));
        assertArrayEquals(Files.readAllBytes(status), Files.readAllBytes(fetched.file()));
    }

    @Test
    void packageForSeveralRecipientsFansOutOncePerSystem() throws Exception {
        // To: H41 (sys.nghean), H14 and G17 (both counterparts).
        SendResult sent = vpcp.sendEdoc(VPCP, List.of(), MessageType.EDOC, TestPackages.fixture("edoc_update.edxml"));
        assertEquals(1, nghean.getReceivedEdocList(MessageType.EDOC).size());
        List<SentItem> rows = vpcp.getSentEdocList(MessageType.EDOC, sent.docId());
        assertEquals(3, rows.size());
        assertEquals(List.of(NGHEAN, COUNTERPART, COUNTERPART_2), rows.stream().map(SentItem::toCode).toList());
    }

    @Test
    void refusesWhatTheAxisWouldRefuse() throws Exception {
        Path doc = TestPackages.document(tmp, VPCP, List.of("000.00.99.Z99"), "doc-unknown", 0);
        assertEquals("UNKNOWN_RECIPIENT", assertThrows(AxisRejectedException.class,
                () -> vpcp.sendEdoc(VPCP, List.of(), MessageType.EDOC, doc)).errorCode());
        assertEquals("KIND_MISMATCH", assertThrows(AxisRejectedException.class,
                () -> vpcp.sendEdoc(VPCP, List.of(), MessageType.STATUS, TestPackages.fixture("edoc_update.edxml")))
                .errorCode());
        assertEquals("FROM_NOT_SERVED", assertThrows(AxisRejectedException.class,
                () -> vpcp.sendEdoc(NGHEAN, List.of(), MessageType.STATUS, TestPackages.fixture("status.edxml")))
                .errorCode());
        assertEquals("FROM_MISMATCH", assertThrows(AxisRejectedException.class,
                () -> vpcp.sendEdoc(VPCP, List.of(), MessageType.EDOC, TestPackages.fixture("edoc_new.edxml")))
                .errorCode());
        Path notXml = Files.writeString(tmp.resolve("x.edxml"), "not xml");
        assertEquals("INVALID_PACKAGE", assertThrows(AxisRejectedException.class,
                () -> vpcp.sendEdoc(VPCP, List.of(), MessageType.EDOC, notXml)).errorCode());
        assertTrue(vpcp.getSentEdocList(MessageType.EDOC).isEmpty());
    }

    @Test
    void unknownItemIsRejectedAndNoFileIsLeft() {
        Path target = tmp.resolve("missing.edxml");
        AxisRejectedException e = assertThrows(AxisRejectedException.class,
                () -> nghean.getEdoc("000000000000000000000000", target));
        assertEquals("NOT_FOUND", e.errorCode());
        assertFalse(e.isRetryable());
        assertFalse(Files.exists(target));
        assertThrows(AxisRejectedException.class, () -> nghean.downloadEdoc("nope", target));
        assertThrows(AxisRejectedException.class, () -> nghean.updateStatus("nope", AckStatus.DONE));
        assertFalse(Files.exists(target));
    }

    @Test
    void anotherSystemCannotFetchMyItems() throws Exception {
        vpcp.sendEdoc("000.00.00.A80", List.of(), MessageType.EDOC, TestPackages.fixture("edoc_new.edxml"));
        String docId = nghean.getReceivedEdocList(MessageType.EDOC).get(0).docId();
        assertThrows(AxisRejectedException.class, () -> vpcp.getEdoc(docId, tmp.resolve("x")));
        assertThrows(AxisRejectedException.class, () -> vpcp.updateStatus(docId, AckStatus.DONE));
    }

    @Test
    void directoryInBothCodeSystems() throws Exception {
        List<Agency> agencies = new ArrayList<>();
        long count = vpcp.getAgenciesList(agencies::add);
        assertEquals(sim.config().directory().entries().size(), count);
        Agency quangNinhInterior = agencies.stream().filter(a -> "000.00.01.H49".equals(a.code())).findFirst()
                .orElseThrow();
        assertEquals("000.00.21.H49", quangNinhInterior.oldCode());
        assertEquals("5", quangNinhInterior.pid());

        List<AgencyQd20> level1 = new ArrayList<>();
        vpcp.getAgenciesListQD20("1", level1::add);
        assertTrue(level1.stream().allMatch(a -> !a.code().contains(".")));
        assertTrue(level1.stream().anyMatch(a -> "G22".equals(a.code()) && VPCP.equals(a.code102())));
        List<AgencyQd20> all = new ArrayList<>();
        vpcp.getAgenciesListQD20(null, all::add);
        assertTrue(all.size() > level1.size());
    }

    @Test
    void routesThroughTheOldNewCodeMap() throws Exception {
        // H41.01 is the QĐ 20 code of 000.00.01.H41; the system registered the old code H41 only → not served,
        // but a package addressed to the QĐ 20 code of H41 itself reaches sys.nghean.
        Path doc = TestPackages.document(tmp, VPCP, List.of("H41"), "doc-qd20", 0);
        vpcp.sendEdoc(VPCP, List.of("H41"), MessageType.EDOC, doc);
        assertEquals("H41", nghean.getReceivedEdocList(MessageType.EDOC).get(0).to());
    }
}
