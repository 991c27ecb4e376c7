package vn.lienthong.axis.simulator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
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

/** The simulator playing UBND Cao Bằng (000.00.00.H14) and answering what sys.vpcp sends it. */
class CounterpartTest extends SimulatorTestSupport {

    private static final String DOCUMENT_ID = "000.00.00.G22,2025/11/22,77/VPCP-CP";

    @TempDir
    Path tmp;
    private AxisSimulator sim;
    private AxisClient vpcp;

    @BeforeEach
    void start() throws Exception {
        sim = AxisSimulator.start(twoSystems().build());
        vpcp = vpcp(sim);
    }

    @AfterEach
    void stop() {
        vpcp.close();
        sim.close();
    }

    @Test
    void newDocumentIsAnsweredWithTheFullSequenceInOrder() throws Exception {
        vpcp.sendEdoc(VPCP, List.of(COUNTERPART), MessageType.EDOC, document(0));
        assertEquals(List.of("01", "03", "04", "05", "06"), receiveStatuses(5));
        assertEquals("done", vpcp.getSentEdocList(MessageType.EDOC).get(0).receiveStatus());
    }

    @Test
    void refusalScriptAnswers02WithTheReason() throws Exception {
        sim.counterpartScript(CounterpartScript.refusing("Sai thẩm quyền").withDelays(Duration.ZERO, Duration.ZERO));
        vpcp.sendEdoc(VPCP, List.of(), MessageType.EDOC, document(0));
        ReceivedItem item = await("status 02", () -> first(vpcp.getReceivedEdocList(MessageType.STATUS)));
        Path file = vpcp.getEdoc(item.docId(), tmp.resolve("02.edxml")).file();
        assertEquals("02", facts(file).statusCode());
        assertTrue(java.nio.file.Files.readString(file).contains("Sai thẩm quyền"));
    }

    @Test
    void recallAndUpdateAreAnsweredWithTheChangeAnswer() throws Exception {
        vpcp.sendEdoc(VPCP, List.of(), MessageType.EDOC, document(1));
        assertEquals(List.of("15"), receiveStatuses(1));
        sim.counterpartScript(new CounterpartScript(CounterpartScript.ACCEPTING, null, "16", Duration.ZERO, Duration.ZERO));
        vpcp.sendEdoc(VPCP, List.of(), MessageType.EDOC, document(2));
        assertEquals(List.of("16"), receiveStatuses(1));
    }

    @Test
    void takeBackRequestIsAnswered() throws Exception {
        vpcp.sendEdoc(VPCP, List.of(), MessageType.STATUS, TestPackages.status(tmp, VPCP, COUNTERPART, DOCUMENT_ID, "13"));
        assertEquals(List.of("15"), receiveStatuses(1));
    }

    @Test
    void outOfOrderFaultReversesTheNextSequence() throws Exception {
        sim.faults().add(FaultRule.of(FaultMode.OUT_OF_ORDER).times(1));
        vpcp.sendEdoc(VPCP, List.of(), MessageType.EDOC, document(0));
        assertEquals(List.of("06", "05", "04", "03", "01"), receiveStatuses(5));
    }

    @Test
    void scriptIsChangedOverHttp() throws Exception {
        HttpResponse<String> response = admin(sim, "POST", "counterpart",
                "{\"statuses\":\"01,03\",\"firstDelayMs\":\"0\",\"stepDelayMs\":\"0\"}");
        assertEquals(200, response.statusCode(), response.body());
        vpcp.sendEdoc(VPCP, List.of(), MessageType.EDOC, document(0));
        assertEquals(List.of("01", "03"), receiveStatuses(2));
    }

    @Test
    void injectedPackageReachesTheSystem() throws Exception {
        // An operator (or a receive-loop test) drops a document from the counterpart into sys.vpcp's inbox.
        Path doc = TestPackages.document(tmp, COUNTERPART, List.of(VPCP), "000.00.00.H14,2025/11/22,5/UBND", 0);
        HttpResponse<String> response = admin(sim, "POST", "inject", java.nio.file.Files.readString(doc));
        assertEquals(200, response.statusCode(), response.body());
        assertEquals(COUNTERPART, vpcp.getReceivedEdocList(MessageType.EDOC).get(0).from());
    }

    private Path document(int businessType) {
        return TestPackages.document(tmp, VPCP, List.of(COUNTERPART), DOCUMENT_ID, businessType);
    }

    /** Waits for {@code count} status items, fetches them oldest first, acknowledges them, returns their codes. */
    private List<String> receiveStatuses(int count) throws Exception {
        List<ReceivedItem> items = await(count + " statuses", () -> {
            List<ReceivedItem> listed = vpcp.getReceivedEdocList(MessageType.STATUS);
            return listed.size() >= count ? listed : null;
        });
        assertEquals(count, items.size());
        List<String> codes = new ArrayList<>();
        for (ReceivedItem item : items) {
            PackageFacts f = facts(vpcp.getEdoc(item.docId(), tmp.resolve("s-" + item.docId())).file());
            assertEquals(COUNTERPART, f.fromOrganId());
            assertEquals(VPCP, f.responseForOrganId());
            assertEquals(DOCUMENT_ID, f.responseForDocumentId());
            codes.add(f.statusCode());
            vpcp.updateStatus(item.docId(), AckStatus.DONE);
        }
        return codes;
    }

    private static <T> T first(List<T> list) {
        return list.isEmpty() ? null : list.get(0);
    }
}
