package vn.lienthong.adapter.operations.control;

import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

import vn.lienthong.adapter.configuration.AdapterSettings;
import vn.lienthong.adapter.delivery.control.BreakerTable;
import vn.lienthong.adapter.operations.entity.Face;
import vn.lienthong.adapter.operations.entity.StoreFigures;
import vn.lienthong.adapter.platform.time.VietnamTime;

/**
 * The store queries behind health and metrics, in plain SQL (H2 and PostgreSQL alike). Grouped counts and two
 * MAX/MIN look-ups; {@link FiguresCache} keeps the result a few seconds so scrapes and probes never pile up work.
 * Reads need no transaction (SUPPORTS). A failing read (the database down, or the schema not migrated yet while the
 * application starts) is answered as false / null, not thrown: an exception leaving an EJB is logged with its
 * stack trace by the container, on every probe.
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.SUPPORTS)
public class StoreReadings {

    private static final java.util.logging.Logger LOG = java.util.logging.Logger.getLogger(StoreReadings.class.getName());

    /** Bounds a probe when the database hangs: readiness must answer, not wait for the pool. */
    private static final int QUERY_TIMEOUT_MS = 3_000;

    @PersistenceContext(unitName = "lienthong")
    EntityManager em;
    @Inject
    AdapterSettings settings;

    /** Whether the database answers a trivial query. */
    public boolean ping() {
        try {
            em.createNativeQuery("SELECT 1").setHint("jakarta.persistence.query.timeout", QUERY_TIMEOUT_MS)
                    .getSingleResult();
            return true;
        } catch (RuntimeException e) {
            LOG.fine(() -> "Readiness: database not answering: " + e);
            return false;
        }
    }

    /** The figures, or null when the store cannot be read now. */
    public StoreFigures readOrNull() {
        try {
            return read();
        } catch (RuntimeException e) {
            LOG.fine(() -> "Store figures not readable: " + e);
            return null;
        }
    }

    /**
     * Only what readiness needs (the breaker, the last send and receipt: index look-ups), without the per-state
     * counts, which read every document: with 1,000,000 documents on H2 they exceeded the probe's timeout and the
     * node never became ready (issue 11). Null when the store cannot be read now.
     */
    public StoreFigures readinessOrNull() {
        try {
            OffsetDateTime lastSent = time(query("SELECT MAX(attempted_at) FROM transport_attempt"
                    + " WHERE outcome = 'SENT'").getSingleResult());
            OffsetDateTime lastReceived = time(query("SELECT MAX(received_at) FROM received_package")
                    .getSingleResult());
            String breaker = new BreakerTable(em, settings.axisEndpoint().toString()).read().phase().name();
            return new StoreFigures(Map.of(), Map.of(), 0, null, breaker, lastSent, lastReceived, VietnamTime.now());
        } catch (RuntimeException e) {
            LOG.fine(() -> "Readiness figures not readable: " + e);
            return null;
        }
    }

    private StoreFigures read() {
        OffsetDateTime now = VietnamTime.now();
        Map<String, Map<String, Long>> documents = byFace("SELECT submitted_by, state, COUNT(*) FROM document"
                + " WHERE direction = 'OUT' GROUP BY submitted_by, state");
        Map<String, Map<String, Long>> attempts = byFace("SELECT d.submitted_by, t.outcome, COUNT(*)"
                + " FROM transport_attempt t JOIN document d ON t.document_ref = d.id"
                + " GROUP BY d.submitted_by, t.outcome");
        Object[] queue = (Object[]) query("SELECT COUNT(*), MIN(queued_at) FROM document"
                + " WHERE direction = 'OUT' AND state = 'QUEUED'").getSingleResult();
        OffsetDateTime lastSent = time(query("SELECT MAX(attempted_at) FROM transport_attempt"
                + " WHERE outcome = 'SENT'").getSingleResult());
        OffsetDateTime lastReceived = time(query("SELECT MAX(received_at) FROM received_package")
                .getSingleResult());
        String breaker = new BreakerTable(em, settings.axisEndpoint().toString()).read().phase().name();
        return new StoreFigures(documents, attempts, ((Number) queue[0]).longValue(), time(queue[1]), breaker,
                lastSent, lastReceived, now);
    }

    private Map<String, Map<String, Long>> byFace(String sql) {
        Map<String, Map<String, Long>> out = new HashMap<>();
        @SuppressWarnings("unchecked")
        List<Object[]> rows = query(sql).getResultList();
        for (Object[] row : rows) {
            out.computeIfAbsent(Face.ofSubmitter((String) row[0]), f -> new HashMap<>())
                    .merge((String) row[1], ((Number) row[2]).longValue(), Long::sum);
        }
        return out;
    }

    private jakarta.persistence.Query query(String sql) {
        return em.createNativeQuery(sql).setHint("jakarta.persistence.query.timeout", QUERY_TIMEOUT_MS);
    }

    /** A timestamp column as the JDBC driver hands it (OffsetDateTime, Timestamp or null). */
    static OffsetDateTime time(Object value) {
        if (value == null) {
            return null;
        }
        if (value instanceof OffsetDateTime t) {
            return t;
        }
        if (value instanceof java.sql.Timestamp t) {
            return t.toInstant().atZone(VietnamTime.ZONE).toOffsetDateTime();
        }
        if (value instanceof java.time.Instant t) {
            return t.atZone(VietnamTime.ZONE).toOffsetDateTime();
        }
        throw new IllegalStateException("unexpected timestamp type " + value.getClass().getName());
    }
}
