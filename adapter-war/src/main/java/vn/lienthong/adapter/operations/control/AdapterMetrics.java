package vn.lienthong.adapter.operations.control;

import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.ToDoubleFunction;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;

import org.eclipse.microprofile.metrics.Metadata;
import org.eclipse.microprofile.metrics.MetricRegistry;
import org.eclipse.microprofile.metrics.MetricUnits;
import org.eclipse.microprofile.metrics.Tag;

import vn.lienthong.adapter.operations.entity.Face;
import vn.lienthong.adapter.operations.entity.StoreFigures;

/**
 * The adapter's application metrics (MicroProfile Metrics, scope {@code application}; Prometheus text at
 * {@code /metrics}). Store-derived gauges read {@link FiguresCache}; counters and timers are this node's since
 * it started. Names, labels and meaning: README "Health and metrics".
 */
@ApplicationScoped
public class AdapterMetrics {

    /** Document states and attempt outcomes given a gauge per face (missing ones read 0). */
    static final List<String> STATES = List.of("QUEUED", "SENT", "DEAD", "RECALLED");
    static final List<String> OUTCOMES = List.of("SENT", "RETRY", "REJECTED");
    /** Distinct refusal codes given their own series; beyond it they count as OTHER (codes carry field paths). */
    static final int MAX_CODES = 200;

    @Inject
    MetricRegistry registry;
    @Inject
    FiguresCache figures;
    @Inject
    ReceiveLag receiveLag;
    @Inject
    Instance<OpenAlerts> openAlerts;

    private final Set<String> codes = ConcurrentHashMap.newKeySet();

    /** Registers the gauges when the application starts, so the first scrape already lists them. */
    void register(@Observes @Initialized(ApplicationScoped.class) Object started) {
        for (String face : Face.SUBMITTING) {
            Tag f = new Tag("face", face);
            for (String state : STATES) {
                storeGauge("lienthong.documents", "Outgoing documents in this state (whole store; same on every node)",
                        MetricUnits.NONE, s -> s.documents(face, state), f, new Tag("state", state));
            }
            for (String outcome : OUTCOMES) {
                storeGauge("lienthong.transport.attempts", "Sends to the axis with this outcome (whole store)",
                        MetricUnits.NONE, s -> s.attempts(face, outcome), f, new Tag("outcome", outcome));
            }
        }
        storeGauge("lienthong.outbox.depth", "Outgoing documents waiting to be sent", MetricUnits.NONE,
                StoreFigures::outboxDepth);
        storeGauge("lienthong.outbox.oldest.age", "How long the oldest queued document has waited",
                MetricUnits.SECONDS, StoreFigures::oldestQueuedSeconds);
        storeGauge("lienthong.axis.breaker.open", "1 while the axis breaker is open (axis unreachable or refusing)",
                MetricUnits.NONE, s -> "OPEN".equals(s.breakerPhase()) ? 1 : 0);
        storeGauge("lienthong.axis.last.sent", "Unix time of the last successful send to the axis (0: none yet)",
                MetricUnits.SECONDS, s -> s.lastSent() == null ? 0 : s.lastSent().toEpochSecond());
        registry.gauge(Metadata.builder().withName("lienthong.receive.lag")
                .withDescription("Seconds since this node's receive loop last began a round")
                .withUnit(MetricUnits.SECONDS).build(), receiveLag::seconds);
        registry.gauge(Metadata.builder().withName("lienthong.open.alerts")
                .withDescription("Alerts not yet resolved").build(),
                this::openAlertCount);
    }

    /** One audited acceptance of a submission on a face. */
    public void accepted(String face) {
        registry.counter(Metadata.builder().withName("lienthong.submissions.accepted")
                .withDescription("Submissions accepted by this node").build(), new Tag("face", face)).inc();
    }

    /** One audited refusal. */
    public void refused(String face, String code) {
        String label = code == null ? "NONE" : code;
        if (!codes.contains(label)) {
            if (codes.size() < MAX_CODES) {
                codes.add(label);
            } else {
                label = "OTHER";
            }
        }
        registry.counter(Metadata.builder().withName("lienthong.refusals")
                        .withDescription("Requests refused by this node, by face and stable refusal code").build(),
                new Tag("face", face), new Tag("code", label)).inc();
    }

    /** How long one request of a face's operation took (filter to filter, refusals included). */
    public void requestTook(String face, String operation, Duration took) {
        registry.timer(Metadata.builder().withName("lienthong.request")
                        .withDescription("Request duration per face and operation").withUnit(MetricUnits.SECONDS)
                        .build(), new Tag("face", face), new Tag("operation", operation)).update(took);
    }

    private long openAlertCount() {
        return openAlerts.isResolvable() ? openAlerts.get().count() : 0;
    }

    private void storeGauge(String name, String description, String unit, ToDoubleFunction<StoreFigures> value,
            Tag... tags) {
        registry.gauge(Metadata.builder().withName(name).withDescription(description).withUnit(unit).build(),
                () -> {
                    StoreFigures s = figures.getOrNull();
                    return s == null ? Double.NaN : value.applyAsDouble(s);
                }, tags);
    }
}
