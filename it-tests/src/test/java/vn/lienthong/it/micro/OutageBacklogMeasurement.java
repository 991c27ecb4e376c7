package vn.lienthong.it.micro;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.logging.Logger;

import org.junit.jupiter.api.Test;

import vn.lienthong.axis.simulator.AxisSimulator;
import vn.lienthong.axis.simulator.FaultMode;
import vn.lienthong.axis.simulator.FaultRule;
import vn.lienthong.it.support.AdapterOnMicro;
import vn.lienthong.it.support.Await;
import vn.lienthong.it.support.AxisSimulatorExtension;
import vn.lienthong.it.support.Documents;
import vn.lienthong.ws.exchange.v1.SubmitDocument;

/**
 * A measurement, not a test of the build (the name does not end in IT, so failsafe never picks it up on its own):
 * how long after the axis answers again the last of 1,000 documents queued during the outage reaches it. Run with
 * {@code -Dit.test=OutageBacklogMeasurement}; the result is printed and recorded in docs/benchmarks.md.
 */
class OutageBacklogMeasurement extends AdapterOnMicro {

    private static final Logger LOG = Logger.getLogger(OutageBacklogMeasurement.class.getName());
    private static final int DOCUMENTS = Integer.getInteger("backlog.documents", 1_000);

    @Test
    void timeFromTheAxisAnsweringToTheLastOfTheBacklogDelivered() throws Exception {
        AxisSimulator sim = AxisSimulatorExtension.simulator();
        sim.faults().add(FaultRule.of(FaultMode.DOWN));
        long queueStart = System.nanoTime();
        List<String> ids = Collections.synchronizedList(new ArrayList<>());
        Set<String> numbers = Collections.synchronizedSet(new HashSet<>());
        AtomicInteger slots = new AtomicInteger(DOCUMENTS);
        ExecutorService pool = Executors.newFixedThreadPool(4);
        List<Future<?>> work = new ArrayList<>();
        for (int t = 0; t < 4; t++) {
            work.add(pool.submit(() -> {
                while (slots.getAndDecrement() > 0) {
                    SubmitDocument request;
                    do {
                        request = Documents.newDocument(demo.organId(), AxisSimulatorExtension.COUNTERPART_ORGAN);
                    } while (!numbers.add(request.getDocument().getCodeNumber()));
                    request.getDocument().setPriority(0);
                    request.getDocument().setSubject("V/v đo tồn đọng " + request.getDocument().getCodeNumber());
                    ids.add(service.submitDocument(request).getDocumentId());
                }
                return null;
            }));
        }
        for (Future<?> f : work) {
            f.get();
        }
        pool.shutdown();
        Duration queueing = Duration.ofNanos(System.nanoTime() - queueStart);
        long sendsDuringOutage = sim.requests().of("sendEdoc");

        Set<String> queued = new HashSet<>(ids);
        long axisBack = System.nanoTime();
        sim.faults().clear();
        String first = Await.until("the first document", Duration.ofMinutes(5), () -> sim.receivedDocumentIds()
                .stream().filter(queued::contains).findFirst());
        Duration toFirst = Duration.ofNanos(System.nanoTime() - axisBack);
        Await.until("all documents on the axis", Duration.ofMinutes(30), () -> Optional.of(true)
                .filter(x -> sim.receivedDocumentIds().stream().filter(queued::contains).count() >= queued.size()));
        Duration toLast = Duration.ofNanos(System.nanoTime() - axisBack);
        String result = "BACKLOG MEASUREMENT: " + queued.size() + " documents queued in " + queueing.toMillis()
                + " ms during the outage (sendEdoc requests meanwhile: " + sendsDuringOutage + "); axis back → first "
                + "delivered " + toFirst.toMillis() + " ms (" + first + "), → last delivered " + toLast.toMillis()
                + " ms";
        LOG.info(result);
        System.out.println(result);
        assertEquals(queued.size(), sim.receivedDocumentIds().stream().filter(queued::contains).distinct().count());
    }
}
