package vn.lienthong.axis.simulator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.lienthong.axis.client.AckStatus;
import vn.lienthong.axis.client.AxisAuthenticationException;
import vn.lienthong.axis.client.AxisClient;
import vn.lienthong.axis.client.AxisRejectedException;
import vn.lienthong.axis.client.AxisTransportException;
import vn.lienthong.axis.client.MessageType;
import vn.lienthong.axis.client.ReceivedItem;

/** Each fault mode as the client sees it: retryable transport trouble versus a refusal. */
class FaultInjectionTest extends SimulatorTestSupport {

    @TempDir
    Path tmp;
    private AxisSimulator sim;
    private AxisClient vpcp;
    private AxisClient nghean;

    @BeforeEach
    void start() throws Exception {
        sim = AxisSimulator.start(twoSystems().build());
        vpcp = vpcp(sim);
        nghean = client(sim, "sys.nghean", "secret-nghean-test", Duration.ofMillis(400));
    }

    @AfterEach
    void stop() {
        vpcp.close();
        nghean.close();
        sim.close();
    }

    @Test
    void downIsATransportFailure() throws Exception {
        sim.faults().add(FaultRule.of(FaultMode.DOWN).times(1));
        AxisTransportException e = assertThrows(AxisTransportException.class, nghean::countReceiveEdoc);
        assertTrue(e.isRetryable());
        assertEquals(0, nghean.countReceiveEdoc(), "a counted fault wears out");
    }

    @Test
    void requestsAreCountedPerOperationEvenWhenAFaultDropsThem() throws Exception {
        sim.faults().add(FaultRule.of(FaultMode.DOWN).on("countReceiveEdoc").times(2));
        assertThrows(AxisTransportException.class, nghean::countReceiveEdoc);
        assertThrows(AxisTransportException.class, nghean::countReceiveEdoc);
        assertEquals(0, nghean.countReceiveEdoc());
        nghean.countReceiveStatus();
        assertEquals(3, sim.requests().of("countReceiveEdoc"));
        assertEquals(1, sim.requests().of("countReceiveStatus"));
        assertEquals(0, sim.requests().of("sendEdoc"));
        HttpResponse<String> counts = admin(sim, "GET", "requests", null);
        assertEquals(200, counts.statusCode());
        assertTrue(counts.body().replace(" ", "").contains("\"countReceiveEdoc\":3"), counts.body());
        assertEquals(200, admin(sim, "DELETE", "requests", null).statusCode());
        assertEquals(0, sim.requests().of("countReceiveEdoc"));
    }

    @Test
    void slowerThanTheReadTimeoutIsATransportFailure() throws Exception {
        sim.faults().add(FaultRule.of(FaultMode.SLOW).millis(1500).on("getReceivedEdocList").times(1));
        AxisTransportException e = assertThrows(AxisTransportException.class,
                () -> nghean.getReceivedEdocList(MessageType.EDOC));
        assertTrue(e.getMessage().contains("timed out"), e.getMessage());
        assertEquals(0, nghean.countReceiveEdoc(), "other operations are not slowed");
    }

    @Test
    void slowButInTimeStillWorks() throws Exception {
        sim.faults().add(FaultRule.of(FaultMode.SLOW).millis(100));
        assertEquals(0, nghean.countReceiveEdoc());
    }

    @Test
    void http5xxIsATransportFailureWithItsStatus() {
        sim.faults().add(FaultRule.of(FaultMode.HTTP5XX).status(502));
        AxisTransportException e = assertThrows(AxisTransportException.class, nghean::countReceiveStatus);
        assertEquals(502, e.httpStatus());
        assertTrue(e.isRetryable());
    }

    @Test
    void failAnswerIsARejection() {
        sim.faults().add(FaultRule.of(FaultMode.FAIL).answer("99", "Simulated overload").on("sendEdoc"));
        AxisRejectedException e = assertThrows(AxisRejectedException.class,
                () -> vpcp.sendEdoc("000.00.00.A80", List.of(), MessageType.EDOC, TestPackages.fixture("edoc_new.edxml")));
        assertEquals("99", e.errorCode());
        assertEquals("Simulated overload", e.errorDescription());
        assertFalse(e.isRetryable());
        assertFalse(e instanceof AxisAuthenticationException);
    }

    @Test
    void duplicateDeliveryShowsTheSamePackageUnderTwoIds() throws Exception {
        sim.faults().add(FaultRule.of(FaultMode.DUPLICATE).times(1));
        vpcp.sendEdoc("000.00.00.A80", List.of(), MessageType.EDOC, TestPackages.fixture("edoc_new.edxml"));
        List<ReceivedItem> items = nghean.getReceivedEdocList(MessageType.EDOC);
        assertEquals(2, items.size());
        assertNotEquals(items.get(0).docId(), items.get(1).docId());
        Path first = nghean.getEdoc(items.get(0).docId(), tmp.resolve("1.edxml")).file();
        Path second = nghean.getEdoc(items.get(1).docId(), tmp.resolve("2.edxml")).file();
        assertEquals(-1, Files.mismatch(first, second));
    }

    @Test
    void lostAckLeavesTheItemListed() throws Exception {
        sim.faults().add(FaultRule.of(FaultMode.LOST_ACK).times(1));
        vpcp.sendEdoc("000.00.00.A80", List.of(), MessageType.EDOC, TestPackages.fixture("edoc_new.edxml"));
        String docId = nghean.getReceivedEdocList(MessageType.EDOC).get(0).docId();
        nghean.updateStatus(docId, AckStatus.DONE);
        assertEquals(List.of(docId), nghean.getReceivedEdocList(MessageType.EDOC).stream().map(ReceivedItem::docId).toList());
        nghean.updateStatus(docId, AckStatus.DONE);
        assertTrue(nghean.getReceivedEdocList(MessageType.EDOC).isEmpty());
    }

    @Test
    void stalledBodyIsCutByTheReadTimeoutAndLeavesNoFile() throws Exception {
        vpcp.sendEdoc("000.00.00.A80", List.of(), MessageType.EDOC, TestPackages.fixture("edoc_new.edxml"));
        String docId = nghean.getReceivedEdocList(MessageType.EDOC).get(0).docId();
        sim.faults().add(FaultRule.of(FaultMode.STALL_BODY).millis(3000).times(1));
        Path target = tmp.resolve("stalled.edxml");
        long started = System.nanoTime();
        AxisTransportException e = assertThrows(AxisTransportException.class, () -> nghean.getEdoc(docId, target));
        assertTrue(Duration.ofNanos(System.nanoTime() - started).toMillis() < 2500, "cut before the stall ended");
        assertTrue(e.getMessage().contains("timed out"), e.getMessage());
        assertFalse(Thread.currentThread().isInterrupted(), "the watchdog's interrupt does not leak");
        assertFalse(Files.exists(target));
        try (var files = Files.list(tmp)) {
            assertEquals(0, files.count(), "no partial file left");
        }
        assertTrue(nghean.getEdoc(docId, target).size() > 0, "next fetch works");
    }

    @Test
    void faultsAreSwitchedOverHttpAndVisibleInState() throws Exception {
        HttpResponse<String> added = admin(sim, "POST", "faults",
                "{\"mode\":\"http5xx\",\"httpStatus\":503,\"operations\":[\"countReceiveEdoc\"],\"times\":2}");
        assertEquals(200, added.statusCode(), added.body());
        admin(sim, "POST", "faults?mode=fail&code=42&desc=nope&operations=countReceiveStatus", null);
        assertTrue(admin(sim, "GET", "state", null).body().contains("HTTP5XX"));

        assertInstanceOf(AxisTransportException.class, assertThrows(Exception.class, nghean::countReceiveEdoc));
        assertEquals("42", assertThrows(AxisRejectedException.class, nghean::countReceiveStatus).errorCode());

        assertEquals(200, admin(sim, "DELETE", "faults", null).statusCode());
        assertEquals(0, nghean.countReceiveEdoc());
        assertEquals(0, nghean.countReceiveStatus());
        assertEquals(400, admin(sim, "POST", "faults", "{\"mode\":\"nonsense\"}").statusCode());
    }

    @Test
    void stateShowsStoredAndDeliveredItemsWithoutSecrets() throws Exception {
        vpcp.sendEdoc("000.00.00.A80", List.of(), MessageType.EDOC, TestPackages.fixture("edoc_new.edxml"));
        String state = admin(sim, "GET", "state", null).body();
        assertTrue(state.contains("\"recipientSystem\": \"sys.nghean\""), state);
        assertTrue(state.contains("\"state\": \"initial\""), state);
        assertFalse(state.contains("secret-"), "secrets never shown");
    }
}
