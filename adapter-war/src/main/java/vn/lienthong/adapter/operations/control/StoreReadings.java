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
 * The store queries behind health and metrics, in plain SQL (H2 and PostgreSQL alike). Index ranges and look-ups
 * (see {@link #read}); {@link FiguresCache} keeps the result a few seconds so scrapes and probes never pile up work.
 * Reads need no transaction (SUPPORTS). Each read is bounded by a query timeout on PostgreSQL, not on H2 (see
 * {@link #bounded}). A failing read (the database down, or the schema not migrated yet while the
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
            bounded(em.createNativeQuery("SELECT 1"), QUERY_TIMEOUT_MS).getSingleResult();
            return true;
        } catch (RuntimeException e) {
            LOG.fine(() -> "Readiness: database not answering: " + e);
            return false;
        }
    }

    /**
     * The figures, or null when the store cannot be read now. {@code documents} and {@code attempts} keep the
     * running totals between readings (held by {@link FiguresCache}).
     */
    public StoreFigures readOrNull(RunningTally documents, RunningTally attempts) {
        try {
            return read(documents, attempts);
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

    /**
     * Every figure is an index range or an index look-up (1,000,000 documents: the former whole-store GROUP BY took
     * 0.8 s on PostgreSQL and over 3 s on H2 each scrape): the live states (QUEUED, DEAD, RECALLED) through the
     * index on state, the outgoing documents and attempts through their time indexes as {@link RunningTally}s,
     * SENT as outgoing minus the live states (an outgoing document is in one of the four states).
     */
    private StoreFigures read(RunningTally documentTally, RunningTally attemptTally) {
        OffsetDateTime now = VietnamTime.now();
        Map<String, Map<String, Long>> documents = byFace(LIVE_STATES);
        Map<String, Map<String, Long>> outgoing = tally(documentTally, OUTGOING, now);
        outgoing.forEach((face, all) -> {
            Map<String, Long> states = documents.computeIfAbsent(face, f -> new HashMap<>());
            long live = states.values().stream().mapToLong(Long::longValue).sum();
            states.put("SENT", Math.max(0, all.getOrDefault("OUT", 0L) - live));
        });
        Map<String, Map<String, Long>> attempts = tally(attemptTally, ATTEMPTS, now);
        Object[] queue = (Object[]) query("SELECT COUNT(*), MIN(queued_at) FROM document"
                + " WHERE state = 'QUEUED' AND direction = 'OUT'").getSingleResult();
        OffsetDateTime lastSent = time(query("SELECT MAX(attempted_at) FROM transport_attempt"
                + " WHERE outcome = 'SENT'").getSingleResult());
        OffsetDateTime lastReceived = time(query("SELECT MAX(received_at) FROM received_package")
                .getSingleResult());
        String breaker = new BreakerTable(em, settings.axisEndpoint().toString()).read().phase().name();
        return new StoreFigures(documents, attempts, ((Number) queue[0]).longValue(), time(queue[1]), breaker,
                lastSent, lastReceived, now);
    }

    /**
     * Runs {@code sql} (parameters: from, until) over the rows stamped since the tally's last settled reading, split
     * at the settle point, and returns the totals. The first reading of a node counts from the beginning: the one
     * full read, given {@link #FIRST_TALLY_TIMEOUT_MS} instead of a probe's timeout.
     */
    private Map<String, Map<String, Long>> tally(RunningTally tally, String sql, OffsetDateTime now) {
        OffsetDateTime from = tally.settledUntil();
        OffsetDateTime settleAt = RunningTally.settleAt(now);
        if (from != null && !settleAt.isAfter(from)) {
            settleAt = from;
        }
        Map<String, Map<String, Long>> older = from == null
                ? byFace(query(sql, FIRST_TALLY_TIMEOUT_MS).setParameter(1, EPOCH).setParameter(2, settleAt))
                : byFace(query(sql).setParameter(1, from).setParameter(2, settleAt));
        Map<String, Map<String, Long>> recent = byFace(query(sql).setParameter(1, settleAt)
                .setParameter(2, now.plusYears(100)));
        return tally.add(older, recent, settleAt);
    }

    /** Outgoing documents in the states other than SENT (few: the outbox, the dead, the recalled) per face. */
    static final String LIVE_STATES = "SELECT submitted_by, state, COUNT(*) FROM document"
            + " WHERE state IN ('QUEUED', 'DEAD', 'RECALLED') AND direction = 'OUT' GROUP BY submitted_by, state";
    /**
     * Documents created in [?1, ?2), per face and direction (ix_console_document_created). Grouped by direction
     * rather than filtered on it: with {@code direction = 'OUT'} H2 chose the index on direction and read every
     * outgoing document.
     */
    static final String OUTGOING = "SELECT submitted_by, direction, COUNT(*) FROM document"
            + " WHERE created_at >= ?1 AND created_at < ?2 GROUP BY submitted_by, direction";
    /** Transport attempts made in [?1, ?2), per face and outcome (ix_console_attempt_time). */
    static final String ATTEMPTS = "SELECT d.submitted_by, t.outcome, COUNT(*)"
            + " FROM transport_attempt t JOIN document d ON t.document_ref = d.id"
            + " WHERE t.attempted_at >= ?1 AND t.attempted_at < ?2 GROUP BY d.submitted_by, t.outcome";

    private static final OffsetDateTime EPOCH = OffsetDateTime.parse("1970-01-01T00:00:00Z");
    /** The first full count of a large store (once per node) may take seconds on H2. */
    private static final int FIRST_TALLY_TIMEOUT_MS = 120_000;

    private Map<String, Map<String, Long>> byFace(String sql) {
        return byFace(query(sql));
    }

    private Map<String, Map<String, Long>> byFace(jakarta.persistence.Query q) {
        Map<String, Map<String, Long>> out = new HashMap<>();
        @SuppressWarnings("unchecked")
        List<Object[]> rows = q.getResultList();
        for (Object[] row : rows) {
            out.computeIfAbsent(Face.ofSubmitter((String) row[0]), f -> new HashMap<>())
                    .merge((String) row[1], ((Number) row[2]).longValue(), Long::sum);
        }
        return out;
    }

    private jakarta.persistence.Query query(String sql) {
        return query(sql, QUERY_TIMEOUT_MS);
    }

    private jakarta.persistence.Query query(String sql, int timeoutMs) {
        return bounded(em.createNativeQuery(sql), timeoutMs);
    }

    /**
     * The query with a JDBC query timeout, except on H2: H2 implements {@code Statement.setQueryTimeout} as the SQL
     * command {@code SET QUERY_TIMEOUT}, and every {@code SET} makes every connection of the database drop its
     * parsed statements (H2 bumps the schema's modification id), so each probe or scrape made the whole pool parse
     * its SQL again (issue 11). The embedded H2 runs in this process: a timeout there would bound a query, not a
     * hung server or network, which is what these timeouts are for.
     */
    private jakarta.persistence.Query bounded(jakarta.persistence.Query q, int timeoutMs) {
        return timeoutClearsStatementCaches() ? q : q.setHint("jakarta.persistence.query.timeout", timeoutMs);
    }

    private boolean timeoutClearsStatementCaches() {
        return settings != null && settings.dbUrl() != null && settings.dbUrl().startsWith("jdbc:h2:");
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
