package vn.lienthong.adapter.statistics.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;

import javax.sql.DataSource;

import org.junit.jupiter.api.Test;

import vn.lienthong.adapter.configuration.StatisticsSettings;
import vn.lienthong.adapter.statistics.entity.Granularity;
import vn.lienthong.adapter.statistics.entity.StatisticsQuery;
import vn.lienthong.adapter.store.TestStores;

/**
 * The rollup path gives exactly the figures of the live joins on a randomized store — while late statuses,
 * failed attempts, documents going DEAD, re-queues, recalls and new documents arrive after the build and between
 * refreshes, some of them stamped <i>before</i> the checkpoint (a writer's transaction that committed late, within
 * the settle time) — for every shape of query: day / month / year / range, per organisation and counterpart,
 * organisation scope, one counterpart, and "overdue" on several days. Also: a retention deletion, and the lease
 * between two nodes.
 */
abstract class RollupConsistencyContract {

    static final String[] OURS = {"000.00.00.G22", "000.00.00.G23", "000.00.00.G24"};
    static final String[] OTHERS = {"000.00.00.H41", "000.00.00.H14", "000.00.00.H15"};
    static final String[] CODES = {"01", "02", "03", "04", "05", "06", "13", "15"};
    static final OffsetDateTime BUILT_AT = OffsetDateTime.parse("2026-10-20T10:00:00+07:00");

    protected abstract DataSource dataSource();

    /** The random stores checked (each a full run of builds, late changes and refreshes). */
    protected long[] seeds() {
        return new long[] {12, 20261128};
    }

    private final AtomicReference<OffsetDateTime> clock = new AtomicReference<>(BUILT_AT);
    private final List<String[]> documents = new ArrayList<>(); // id, direction, sender
    private final List<String[]> pairs = new ArrayList<>(); // id, recipient
    private ExchangeStatistics statistics;
    private Random random;
    private Integer newType; // a document type never seen, for the next new documents

    private StatisticsRollup rollup(String node) {
        return new StatisticsRollup(dataSource(), StatisticsSettings.DEFAULTS, node, clock::get);
    }

    @Test
    void rollupFiguresEqualLiveFiguresWhileLateChangesArrive() throws Exception {
        for (long seed : seeds()) {
            random = new Random(seed);
            documents.clear();
            pairs.clear();
            clock.set(BUILT_AT);
            TestStores.freshSchema(dataSource());
            statistics = new ExchangeStatistics(dataSource());
            try (Connection c = dataSource().getConnection(); StoreSeed s = new StoreSeed(c)) {
                for (int i = 0; i < 300; i++) {
                    // the history: August to just before the build
                    newDocument(s, BUILT_AT.minusDays(80).plusSeconds(random.nextInt(80 * 86400 - 3600)));
                }
                for (int i = 0; i < 10; i++) {
                    s.arrival(pick(OTHERS), random.nextBoolean() ? "REFUSED" : "STORED",
                            BUILT_AT.minusDays(random.nextInt(80)));
                }
            }
            compareAll(seed, "no rollup yet (live)");
            assertEquals(StatisticsRollup.Run.BUILT, rollup("node-a").run().outcome());
            assertTrue(rollupRows() > 300, "the rollup holds the documents' rows");
            compareAll(seed, "just built");
            // Late changes: stamped from 4 minutes before the checkpoint (committed late, within the 5 min settle
            // time) to an hour after it.
            lateChanges(BUILT_AT.minusMinutes(4), 3600, 120);
            compareAll(seed, "late changes after the build");
            // Document types the rollup's code table (V20) does not know yet: read live, counted the other way.
            try (Connection c = dataSource().getConnection(); StoreSeed s = new StoreSeed(c)) {
                for (int i = 0; i < 6; i++) {
                    newType = 7 + i % 2;
                    newDocument(s, BUILT_AT.plusMinutes(1 + i));
                }
                newType = null;
            }
            compareAll(seed, "new document types after the build");
            clock.set(BUILT_AT.plusHours(2));
            assertEquals(StatisticsRollup.Run.REFRESHED, rollup("node-b").run().outcome());
            compareAll(seed, "refreshed");
            lateChanges(BUILT_AT.plusHours(2).minusMinutes(3), 3600, 120);
            compareAll(seed, "late changes after the refresh");
            ExchangeStatistics.PARALLEL.acquire(ExchangeStatistics.PARALLEL_REQUESTS);
            try { // every permit taken: the two directions one after the other on one connection
                compareAll(seed, "late changes after the refresh, directions in turn");
            } finally {
                ExchangeStatistics.PARALLEL.release(ExchangeStatistics.PARALLEL_REQUESTS);
            }
            clock.set(BUILT_AT.plusHours(4));
            assertEquals(StatisticsRollup.Run.REFRESHED, rollup("node-a").run().outcome());
            compareAll(seed, "refreshed twice");
            // Every row settled (nothing changed since checkpoint - settle): the answer comes from the rollup alone.
            clock.set(BUILT_AT.plusHours(6));
            assertEquals(StatisticsRollup.Run.REFRESHED, rollup("node-a").run().outcome());
            compareAll(seed, "settled");
        }
    }

    @Test
    void aRetentionDeletionIsNeverCountedFromStaleRows() throws Exception {
        random = new Random(7);
        TestStores.freshSchema(dataSource());
        statistics = new ExchangeStatistics(dataSource());
        try (Connection c = dataSource().getConnection(); StoreSeed s = new StoreSeed(c)) {
            for (int i = 0; i < 60; i++) {
                newDocument(s, BUILT_AT.minusDays(80).plusSeconds(random.nextInt(70 * 86400)));
            }
        }
        assertEquals(StatisticsRollup.Run.BUILT, rollup("node-a").run().outcome());
        // retention removes a family of rows and records the archive, as RetentionJob does in one transaction
        String gone = documents.get(0)[0];
        try (Connection c = dataSource().getConnection()) {
            for (String t : new String[] {"status_event", "transport_attempt", "recipient"}) {
                exec(c, "DELETE FROM " + t + " WHERE document_ref = ?", gone);
            }
            exec(c, "UPDATE document SET related_ref = NULL WHERE related_ref = ?", gone);
            exec(c, "DELETE FROM document WHERE id = ?", gone);
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO retention_archive (id, file_name, period,"
                    + " state, documents, data_rows, files, audit_entries, files_pending, node_id, started_at,"
                    + " completed_at) VALUES (?, 'a.zip', '2026-08', 'ARCHIVED', 1, 1, 0, 0, FALSE, 'n', ?, ?)")) {
                ps.setString(1, UUID.randomUUID().toString());
                ps.setObject(2, BUILT_AT.plusMinutes(10));
                ps.setObject(3, BUILT_AT.plusMinutes(10));
                ps.executeUpdate();
            }
        }
        compareAll(7, "after a retention deletion (live until refreshed)");
        clock.set(BUILT_AT.plusHours(1));
        rollup("node-a").run();
        clock.set(BUILT_AT.plusHours(2));
        rollup("node-a").run();
        compareAll(7, "retention deletion refreshed");
        try (Connection c = dataSource().getConnection(); PreparedStatement ps = c.prepareStatement(
                "SELECT COUNT(*) FROM stats_rollup WHERE document_ref = ?")) {
            ps.setString(1, gone);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                assertEquals(0, rs.getLong(1), "the deleted document's rows are gone from the rollup");
            }
        }
    }

    @Test
    void oneNodeAtATimeRefreshesAndAnExpiredLeaseIsTakenOver() throws Exception {
        TestStores.freshSchema(dataSource());
        try (Connection c = dataSource().getConnection(); PreparedStatement ps = c.prepareStatement(
                "UPDATE stats_rollup_state SET owner = 'node-b', lease_until = ?")) {
            ps.setObject(1, BUILT_AT.plusMinutes(30));
            ps.executeUpdate();
        }
        assertEquals(StatisticsRollup.Run.BUSY, rollup("node-a").run().outcome());
        clock.set(BUILT_AT.plusMinutes(31)); // node-b died: its lease ran out
        assertEquals(StatisticsRollup.Run.BUILT, rollup("node-a").run().outcome());
        try (Connection c = dataSource().getConnection(); ResultSet rs = c.createStatement().executeQuery(
                "SELECT owner, checkpoint_at FROM stats_rollup_state")) {
            rs.next();
            assertEquals(null, rs.getString(1), "released after the run");
            assertEquals(BUILT_AT.plusMinutes(31).toInstant(), rs.getObject(2, OffsetDateTime.class).toInstant());
        }
    }

    // --- the store ----------------------------------------------------------------------------------------------

    private void newDocument(StoreSeed s, OffsetDateTime created) throws SQLException {
        boolean out = random.nextInt(10) < 6;
        String sender = out ? pick(OURS) : pick(OTHERS);
        int businessType = random.nextInt(10) < 8 ? 0 : 1 + random.nextInt(3);
        Integer type = random.nextInt(5) == 0 ? null : 1 + random.nextInt(3);
        if (newType != null) {
            type = newType;
            businessType = 0;
        }
        LocalDate due = random.nextInt(3) == 0 ? created.toLocalDate().plusDays(random.nextInt(40)) : null;
        String state = out ? pick(new String[] {"SENT", "SENT", "SENT", "QUEUED", "DEAD", "RECALLED"}) : "RECEIVED";
        String id = random.nextInt(25) == 0
                ? s.document(out ? "OUT" : "IN", "STATUS", sender, 0, null, 0, "SENT", created, null)
                : s.document(out ? "OUT" : "IN", "EDOC", sender, businessType, type, random.nextInt(5), state, created,
                        due);
        documents.add(new String[] {id, out ? "OUT" : "IN", sender});
        int recipients = random.nextInt(15) == 0 ? 0 : 1 + random.nextInt(2);
        for (int r = 0; r < recipients; r++) {
            String organ = out ? pick(OTHERS) : pick(OURS);
            s.recipient(id, organ);
            pairs.add(new String[] {id, organ});
            if (random.nextInt(20) == 0) {
                s.recipient(id, organ); // listed twice: still one pair
            }
            int statuses = random.nextInt(4);
            for (int k = 0; k < statuses; k++) {
                // sometimes a clock behind: a status "before" the document
                s.status(id, organ, pick(CODES), created.plusSeconds(random.nextInt(400_000) - 600));
            }
        }
        if (random.nextInt(12) == 0 && recipients > 0) {
            s.status(id, out ? pick(OURS) : pick(OTHERS), pick(CODES), created.plusSeconds(50)); // not a recipient's
        }
        if (out) {
            int attempts = random.nextInt(3);
            for (int k = 0; k < attempts; k++) {
                s.attempt(id, pick(new String[] {"SENT", "RETRY", "REJECTED"}), created.plusSeconds(1 + k));
            }
        }
    }

    /** {@code count} changes stamped between {@code from} and {@code from + spanSeconds}. */
    private void lateChanges(OffsetDateTime from, int spanSeconds, int count) throws SQLException {
        try (Connection c = dataSource().getConnection()) {
            for (int i = 0; i < count; i++) {
                OffsetDateTime at = from.plusSeconds(random.nextInt(spanSeconds));
                switch (random.nextInt(7)) {
                    case 0, 1 -> { // a late status of a recipient (occurred any time)
                        String[] p = pairs.get(random.nextInt(pairs.size()));
                        try (PreparedStatement ps = c.prepareStatement("INSERT INTO status_event (id, document_ref,"
                                + " organ_id, status_code, occurred_at, recorded_at) VALUES (?, ?, ?, ?, ?, ?)")) {
                            ps.setString(1, UUID.randomUUID().toString());
                            ps.setString(2, p[0]);
                            ps.setString(3, p[1]);
                            ps.setString(4, pick(CODES));
                            ps.setObject(5, at.minusSeconds(random.nextInt(200_000)));
                            ps.setObject(6, at);
                            ps.executeUpdate();
                        }
                    }
                    case 2 -> { // a failed attempt
                        String[] d = outgoing();
                        try (PreparedStatement ps = c.prepareStatement("INSERT INTO transport_attempt (id,"
                                + " document_ref, attempted_at, outcome) VALUES (?, ?, ?, ?)")) {
                            ps.setString(1, UUID.randomUUID().toString());
                            ps.setString(2, d[0]);
                            ps.setObject(3, at);
                            ps.setString(4, random.nextBoolean() ? "RETRY" : "REJECTED");
                            ps.executeUpdate();
                        }
                    }
                    case 3 -> state(c, outgoing()[0], "DEAD", at); // given up
                    case 4 -> state(c, outgoing()[0], "QUEUED", at); // re-queued
                    case 5 -> { // recalled: the original's state, and a recall package now
                        String[] d = outgoing();
                        state(c, d[0], "RECALLED", at);
                        try (StoreSeed s = new StoreSeed(c)) {
                            String recall = s.sent(d[2], 1, 1, 0, "SENT", at, null);
                            s.recipient(recall, pick(OTHERS));
                        }
                    }
                    default -> {
                        try (StoreSeed s = new StoreSeed(c)) {
                            newDocument(s, at);
                        }
                    }
                }
            }
        }
    }

    private String[] outgoing() {
        while (true) {
            String[] d = documents.get(random.nextInt(documents.size()));
            if (d[1].equals("OUT")) {
                return d;
            }
        }
    }

    private static void state(Connection c, String id, String state, OffsetDateTime at) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("UPDATE document SET state = ?, updated_at = ? WHERE id = ?")) {
            ps.setString(1, state);
            ps.setObject(2, at);
            ps.setString(3, id);
            ps.executeUpdate();
        }
    }

    private static void exec(Connection c, String sql, String id) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setString(1, id);
            ps.executeUpdate();
        }
    }

    private long rollupRows() throws SQLException {
        try (Connection c = dataSource().getConnection();
                ResultSet rs = c.createStatement().executeQuery("SELECT COUNT(*) FROM stats_rollup")) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private <T> T pick(T[] values) {
        return values[random.nextInt(values.length)];
    }

    // --- the comparison -----------------------------------------------------------------------------------------

    private void compareAll(long seed, String when) {
        LocalDate from = LocalDate.of(2026, 8, 1);
        LocalDate to = LocalDate.of(2026, 10, 31);
        List<StatisticsQuery> queries = List.of(
                StatisticsQuery.month(YearMonth.of(2026, 9)),
                StatisticsQuery.month(YearMonth.of(2026, 10)).perOrganisation(true).perCounterpart(true),
                StatisticsQuery.range(from, to, Granularity.DAY),
                StatisticsQuery.range(from, to, Granularity.MONTH).perCounterpart(true),
                StatisticsQuery.range(LocalDate.of(2026, 1, 1), LocalDate.of(2026, 12, 31), Granularity.YEAR),
                StatisticsQuery.range(from, to, Granularity.TOTAL).perOrganisation(true),
                StatisticsQuery.range(from, to, Granularity.TOTAL).forOrganisations(Set.of(OURS[0])),
                StatisticsQuery.range(from, to, Granularity.MONTH).forOrganisations(Set.of(OURS[0], OURS[1]))
                        .perCounterpart(true),
                StatisticsQuery.range(from, to, Granularity.TOTAL).withCounterpart(OTHERS[0]),
                StatisticsQuery.range(LocalDate.of(2026, 10, 20), LocalDate.of(2026, 10, 20), Granularity.DAY));
        // "overdue" on another day for the first three shapes (it depends on today only, not on the shape)
        for (LocalDate today : List.of(LocalDate.of(2026, 10, 21), LocalDate.of(2026, 9, 15))) {
            for (StatisticsQuery q : today.getMonthValue() == 9 ? queries.subList(0, 3) : queries) {
                var live = statistics.computeLive(q, today).rows();
                var rolled = statistics.compute(q, today).rows();
                assertEquals(live, rolled, () -> "seed " + seed + ", " + when + ", " + q + ", today " + today);
            }
        }
    }
}
