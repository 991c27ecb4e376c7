package vn.lienthong.it.micro;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import vn.lienthong.axis.simulator.FaultMode;
import vn.lienthong.axis.simulator.FaultRule;
import vn.lienthong.it.support.Await;
import vn.lienthong.it.support.AdapterOnMicro;
import vn.lienthong.it.support.AxisSimulatorExtension;
import vn.lienthong.it.support.CounterpartSystem;
import vn.lienthong.ws.exchange.v1.InboxKind;
import vn.lienthong.ws.exchange.v1.ListIncoming;

/**
 * The adapter's receive loop while the axis misbehaves: whatever the fault, a document sent to us ends up filed
 * exactly once, answered with exactly one 01, and acknowledged so the axis stops offering it.
 */
class ReceiveLoopFaultsOnMicroIT extends AdapterOnMicro {

    private static final Duration WAIT = Duration.ofSeconds(90);
    private static final AtomicInteger NUMBERS = new AtomicInteger((int) (System.nanoTime() % 1_000_000) * 10);

    @AfterEach
    void clearFaults() {
        AxisSimulatorExtension.simulator().faults().clear();
    }

    static List<Arguments> faults() {
        return List.of(
                Arguments.of("axis down while listing", FaultRule.of(FaultMode.DOWN).on("getReceivedEdocList").times(3)),
                Arguments.of("FAIL answers to the list", FaultRule.of(FaultMode.FAIL).on("getReceivedEdocList").times(2)),
                Arguments.of("HTTP 503 on fetch", FaultRule.of(FaultMode.HTTP5XX).on("getEdoc").times(2)),
                Arguments.of("fetch slower than the read timeout",
                        FaultRule.of(FaultMode.SLOW).on("getEdoc").millis(6_000).times(1)),
                Arguments.of("body stalls mid-download",
                        FaultRule.of(FaultMode.STALL_BODY).on("getEdoc").millis(6_000).times(1)),
                Arguments.of("acknowledgement lost", FaultRule.of(FaultMode.LOST_ACK).on("updateStatus").times(1)),
                Arguments.of("package delivered twice", FaultRule.of(FaultMode.DUPLICATE).on("sendEdoc").times(1)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("faults")
    void aDocumentIsFiledOnceAnsweredOnceAndAcknowledgedDespite(String fault, FaultRule rule) throws Exception {
        String number = Integer.toString(NUMBERS.incrementAndGet());
        String documentId = CounterpartSystem.newDocumentId(number);
        AxisSimulatorExtension.simulator().faults().add(rule);
        try (CounterpartSystem counterpart = new CounterpartSystem()) {
            counterpart.send(demo.organId(), number, ("%PDF-1.4\n" + fault + "\n").getBytes(StandardCharsets.UTF_8), 0);

            Await.until("the document filed", WAIT, () -> inboxCount(documentId) > 0 ? Optional.of(true)
                    : Optional.empty());
            Await.until("the axis no longer offering it", WAIT, () -> CounterpartSystem.adapterMailbox().isEmpty()
                    ? Optional.of(true) : Optional.empty());
            List<String> statuses = Await.until("the automatic 01", WAIT, () -> Optional.of(
                    counterpart.statuses(documentId)).filter(s -> !s.isEmpty()));

            assertEquals(1, inboxCount(documentId), "filed exactly once");
            assertEquals(List.of("01"), statuses, "answered exactly once");
            assertTrue(AxisSimulatorExtension.simulator().faults().rules().isEmpty()
                    || rule.mode() == FaultMode.DUPLICATE, "the fault was really exercised: "
                    + AxisSimulatorExtension.simulator().faults().rules());
        }
    }

    private long inboxCount(String documentId) throws Exception {
        ListIncoming q = new ListIncoming();
        q.setOrganId(demo.organId());
        q.setKind(InboxKind.DOCUMENT);
        return service.listIncoming(q).getItem().stream().filter(i -> documentId.equals(i.getDocumentId())).count();
    }
}
