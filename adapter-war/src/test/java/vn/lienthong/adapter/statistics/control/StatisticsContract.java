package vn.lienthong.adapter.statistics.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.sql.Connection;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;
import java.util.Set;

import javax.sql.DataSource;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import vn.lienthong.adapter.configuration.StatisticsSettings;
import vn.lienthong.adapter.statistics.entity.DirectionFigures;
import vn.lienthong.adapter.statistics.entity.Feedback;
import vn.lienthong.adapter.statistics.entity.Granularity;
import vn.lienthong.adapter.statistics.entity.StatisticsQuery;
import vn.lienthong.adapter.statistics.entity.StatisticsRow;
import vn.lienthong.adapter.statistics.entity.Timing;
import vn.lienthong.adapter.store.TestStores;
import vn.lienthong.adapter.vocabulary.Rejection;

/**
 * The statistics of a seeded November 2026, checked figure by figure against values computed by hand (the
 * comments show the arithmetic), on each real database. Served here: G22, G23; counterparts: H41, H14.
 */
abstract class StatisticsContract {

    static final String G22 = "000.00.00.G22";
    static final String G23 = "000.00.00.G23";
    static final String H41 = "000.00.00.H41";
    static final String H14 = "000.00.00.H14";
    static final LocalDate TODAY = LocalDate.of(2026, 12, 1);

    protected abstract DataSource dataSource();

    private ExchangeStatistics statistics;

    static OffsetDateTime at(String vietnamTime) {
        return OffsetDateTime.parse(vietnamTime + "+07:00");
    }

    @BeforeEach
    void seedNovember() throws Exception {
        TestStores.freshSchema(dataSource());
        statistics = new ExchangeStatistics(dataSource());
        try (Connection c = dataSource().getConnection(); StoreSeed s = new StoreSeed(c)) {
            seed(s);
        }
        // The figures below are read through the rollup (built now), and each answer is also checked against the
        // live joins: the hand-counted month holds for both paths.
        assertEquals(StatisticsRollup.Run.BUILT, new StatisticsRollup(dataSource(), StatisticsSettings.DEFAULTS,
                "test-node").run().outcome());
    }

    /** Through the rollup, and identical to the live joins (the reference). */
    private List<StatisticsRow> compute(StatisticsQuery q) {
        List<StatisticsRow> rows = statistics.compute(q, TODAY).rows();
        assertEquals(statistics.computeLive(q, TODAY).rows(), rows, "rollup path = live path");
        return rows;
    }

    /** The month; letters name the documents in the expected figures below. */
    static void seed(StoreSeed s) throws Exception {
        // S1: G22 → H41, H14. H41: 01 +60 s, 03 +3600 s, 06 +86400 s (complete). H14: 01 +120 s, 02 +600 s (complete).
        OffsetDateTime t = at("2026-11-02T09:00:00");
        String s1 = s.sent(G22, 0, 1, 0, "SENT", t, null);
        s.recipient(s1, H41);
        s.recipient(s1, H14);
        s.status(s1, H41, "01", t.plusSeconds(60));
        s.status(s1, H41, "03", t.plusSeconds(3600));
        s.status(s1, H41, "06", t.plusSeconds(86400));
        s.status(s1, H14, "01", t.plusSeconds(120));
        s.status(s1, H14, "02", t.plusSeconds(600));
        s.attempt(s1, "SENT", t.plusSeconds(1));
        // S2: G22 → H41, urgent (3), type 2, due 20/11: 01 +30 s, 04 +7200 s (partial, overdue).
        t = at("2026-11-10T10:00:00");
        String s2 = s.sent(G22, 0, 2, 3, "SENT", t, LocalDate.of(2026, 11, 20));
        s.recipient(s2, H41);
        s.status(s2, H41, "01", t.plusSeconds(30));
        s.status(s2, H41, "04", t.plusSeconds(7200));
        // S3: G22 → H14 at 23:30 Vietnam time (16:30 UTC: still 15/11 here): one retry, then 01 +300 s (only 01).
        t = at("2026-11-15T23:30:00");
        String s3 = s.sent(G22, 0, 1, 0, "SENT", t, null);
        s.recipient(s3, H14);
        s.attempt(s3, "RETRY", t.plusSeconds(1));
        s.attempt(s3, "SENT", t.plusSeconds(5));
        s.status(s3, H14, "01", t.plusSeconds(300));
        // S4: G22 → H41 in the month's last second, no document type, priority 1, refused by the axis: DEAD, overdue.
        t = at("2026-11-30T23:59:59.500");
        String s4 = s.sent(G22, 0, null, 1, "DEAD", t, LocalDate.of(2026, 11, 25));
        s.recipient(s4, H41);
        s.attempt(s4, "REJECTED", t.plusSeconds(0));
        // S5, S6: just outside the month.
        String s5 = s.sent(G22, 0, 1, 0, "SENT", at("2026-12-01T00:00:00"), null);
        s.recipient(s5, H41);
        String s6 = s.sent(G22, 0, 1, 0, "SENT", at("2026-10-31T23:59:59"), null);
        s.recipient(s6, H41);
        // S7 recall of S1 to both; S8 update to H41; S9 replacement to H14.
        String s7 = s.sent(G22, 1, 1, 0, "SENT", at("2026-11-03T08:00:00"), null);
        s.recipient(s7, H41);
        s.recipient(s7, H14);
        String s8 = s.sent(G22, 2, 1, 0, "SENT", at("2026-11-11T08:00:00"), null);
        s.recipient(s8, H41);
        String s9 = s.sent(G22, 3, 1, 0, "SENT", at("2026-11-12T08:00:00"), null);
        s.recipient(s9, H14);
        // S10: G22 → H41, recalled before it left.
        String s10 = s.sent(G22, 0, 1, 0, "RECALLED", at("2026-11-05T08:00:00"), null);
        s.recipient(s10, H41);
        // S11: a status package we sent: not a document.
        String s11 = s.document("OUT", "STATUS", G22, 0, null, 0, "SENT", at("2026-11-06T08:00:00"), null);
        s.recipient(s11, H41);
        // T1: G23 → H41, type 2: 01 +10 s, 03 +20 s, 05 +30 s (partial).
        t = at("2026-11-20T14:00:00");
        String t1 = s.sent(G23, 0, 2, 0, "SENT", t, null);
        s.recipient(t1, H41);
        s.status(t1, H41, "01", t.plusSeconds(10));
        s.status(t1, H41, "03", t.plusSeconds(20));
        s.status(t1, H41, "05", t.plusSeconds(30));

        // R1: H41 → G22: our 01 +0, 03 +1800 s, 06 +172800 s (complete); H41's 13 is not our feedback.
        t = at("2026-11-04T08:00:00");
        String r1 = s.received(H41, 0, 1, 0, t, null);
        s.recipient(r1, G22);
        s.status(r1, G22, "01", t);
        s.status(r1, G22, "03", t.plusSeconds(1800));
        s.status(r1, G22, "06", t.plusSeconds(172800));
        s.status(r1, H41, "13", t.plusSeconds(50));
        // R2: H14 → G22 and G23, type 2, priority 2, due 09/11. G22: 01 (only 01). G23: 01, 04 +3600 s (partial).
        t = at("2026-11-08T08:00:00");
        String r2 = s.received(H14, 0, 2, 2, t, LocalDate.of(2026, 11, 9));
        s.recipient(r2, G22);
        s.recipient(r2, G23);
        s.status(r2, G22, "01", t);
        s.status(r2, G23, "01", t);
        s.status(r2, G23, "04", t.plusSeconds(3600));
        // R3: a recall from H41 to G23. R4: H41 → G22, no status at all.
        String r3 = s.received(H41, 1, 1, 0, at("2026-11-09T08:00:00"), null);
        s.recipient(r3, G23);
        String r4 = s.received(H41, 0, 1, 0, at("2026-11-21T08:00:00"), null);
        s.recipient(r4, G22);
        // Arrivals: one refused in the month, one stored, one refused in December.
        s.arrival(H41, "REFUSED", at("2026-11-07T08:00:00"));
        s.arrival(H41, "STORED", at("2026-11-07T09:00:00"));
        s.arrival(H14, "REFUSED", at("2026-12-02T08:00:00"));
    }

    private StatisticsRow only(StatisticsQuery q) {
        List<StatisticsRow> rows = compute(q);
        assertEquals(1, rows.size(), () -> "one row expected: " + rows);
        return rows.get(0);
    }

    private static void timing(Timing t, long reached, Double median, Double p90) {
        assertEquals(reached, t.reached(), "pairs that reached the status");
        if (median == null) {
            assertNull(t.medianSeconds());
            return;
        }
        assertEquals(median, t.medianSeconds(), 0.01, "median");
        assertEquals(p90, t.p90Seconds(), 0.01, "90th percentile");
    }

    private static void categories(Feedback f, long pairs, long complete, long partial, long arrived, long none,
            long overdue) {
        assertEquals(List.of(pairs, complete, partial, arrived, none, overdue),
                List.of(f.pairs(), f.complete(), f.partial(), f.arrivedOnly(), f.none(), f.overdue()),
                "pairs, complete, partial, only 01, nothing, overdue");
    }

    @Test
    void theWholeMonthMatchesTheHandCountedFigures() {
        StatisticsRow row = only(StatisticsQuery.month(YearMonth.of(2026, 11)));
        assertEquals("2026-11-01/2026-11-30", row.period());
        DirectionFigures sent = row.sent();
        // S1, S2, S3, S4, S10, T1 (S5/S6 outside, S7-S9 are not new documents, S11 is a status package)
        assertEquals(6, sent.documents());
        assertEquals(List.of(1L, 1L, 1L), List.of(sent.recalls(), sent.updates(), sent.replacements()));
        assertEquals(Map.of(1, 3L, 2, 2L, -1, 1L), sent.byDocumentType()); // S1 S3 S10 / S2 T1 / S4
        assertEquals(Map.of(0, 4L, 3, 1L, 1, 1L), sent.byUrgency()); // S1 S3 S10 T1 / S2 / S4
        assertEquals(2, sent.failed()); // S3 (retry), S4 (rejected)
        assertEquals(1, sent.dead()); // S4
        assertEquals(1, sent.cancelledBeforeSending()); // S10
        // pairs: S1-H41 complete, S1-H14 complete (02), S2 partial, T1 partial, S3 only 01, S4 and S10 nothing;
        // overdue without 06: S2 (20/11), S4 (25/11)
        categories(sent.feedback(), 7, 2, 2, 1, 2, 2);
        // to 01: 10 30 60 120 300 → median 60, p90 at 0.9·4 = 3.6 → 120 + 0.6·180 = 228
        timing(sent.feedback().to01(), 5, 60.0, 228.0);
        // to 03: 20 3600 → median 1810, p90 20 + 0.9·3580 = 3242
        timing(sent.feedback().to03(), 2, 1810.0, 3242.0);
        timing(sent.feedback().to06(), 1, 86400.0, 86400.0);

        DirectionFigures received = row.received();
        assertEquals(3, received.documents()); // R1, R2, R4
        assertEquals(1, received.recalls()); // R3
        assertEquals(Map.of(1, 2L, 2, 1L), received.byDocumentType());
        assertEquals(Map.of(0, 2L, 2, 1L), received.byUrgency());
        assertEquals(1, received.failed()); // the arrival refused on 07/11
        assertEquals(0, received.dead());
        // pairs: R1-G22 complete, R2-G23 partial, R2-G22 only 01, R4-G22 nothing; overdue: both R2 pairs
        categories(received.feedback(), 4, 1, 1, 1, 1, 2);
        timing(received.feedback().to01(), 3, 0.0, 0.0);
        timing(received.feedback().to03(), 1, 1800.0, 1800.0);
        timing(received.feedback().to06(), 1, 172800.0, 172800.0);
    }

    @Test
    void oneOrganisationSeesOnlyItsOwnDocumentsAndPairs() {
        StatisticsRow row = only(StatisticsQuery.month(YearMonth.of(2026, 11)).forOrganisations(Set.of(G22)));
        assertEquals(5, row.sent().documents()); // T1 is G23's
        categories(row.sent().feedback(), 6, 2, 1, 1, 2, 2);
        assertEquals(3, row.received().documents());
        categories(row.received().feedback(), 3, 1, 0, 1, 1, 1); // R1, R2-G22, R4
        assertEquals(0, row.received().failed()); // refused arrivals name no organisation of ours
    }

    @Test
    void perOrganisationAndCounterpartRowsSplitTheFigures() {
        List<StatisticsRow> rows = compute(StatisticsQuery.month(YearMonth.of(2026, 11))
                .perOrganisation(true).perCounterpart(true));
        StatisticsRow g22h41 = find(rows, G22, H41);
        assertEquals(4, g22h41.sent().documents()); // S1, S2, S4, S10
        assertEquals(1, g22h41.sent().recalls()); // S7
        assertEquals(1, g22h41.sent().updates()); // S8
        assertEquals(0, g22h41.sent().replacements());
        categories(g22h41.sent().feedback(), 4, 1, 1, 0, 2, 2);
        assertEquals(2, g22h41.received().documents()); // R1, R4
        StatisticsRow g22h14 = find(rows, G22, H14);
        assertEquals(2, g22h14.sent().documents()); // S1, S3
        assertEquals(1, g22h14.sent().replacements()); // S9
        assertEquals(1, g22h14.received().documents()); // R2
        categories(g22h14.received().feedback(), 1, 0, 0, 1, 0, 1);
        StatisticsRow g23h14 = find(rows, G23, H14);
        assertEquals(0, g23h14.sent().documents());
        categories(g23h14.received().feedback(), 1, 0, 1, 0, 0, 1);
        StatisticsRow g23h41 = find(rows, G23, H41);
        assertEquals(1, g23h41.sent().documents()); // T1
        assertEquals(1, g23h41.received().recalls()); // R3
        assertEquals(4, rows.size());
    }

    @Test
    void oneCounterpartAlone() {
        StatisticsRow row = only(StatisticsQuery.month(YearMonth.of(2026, 11)).withCounterpart(H14));
        assertEquals(2, row.sent().documents()); // S1, S3
        categories(row.sent().feedback(), 2, 1, 0, 1, 0, 0);
        timing(row.sent().feedback().to01(), 2, 210.0, 282.0); // 120, 300
        assertEquals(1, row.received().documents()); // R2
        assertEquals(0, row.received().failed()); // the December refusal is outside
    }

    @Test
    void daysAreVietnamDays() {
        List<StatisticsRow> rows = compute(StatisticsQuery.range(LocalDate.of(2026, 11, 15),
                LocalDate.of(2026, 11, 30), Granularity.DAY));
        assertEquals(List.of("2026-11-15", "2026-11-20", "2026-11-21", "2026-11-30"),
                rows.stream().map(StatisticsRow::period).toList());
        assertEquals(1, rows.get(0).sent().documents()); // S3 at 23:30 Vietnam time
        assertEquals(1, rows.get(3).sent().dead()); // S4 in the last second
    }

    @Test
    void monthsOfAQuarter() {
        List<StatisticsRow> rows = compute(StatisticsQuery.range(LocalDate.of(2026, 10, 1),
                LocalDate.of(2026, 12, 31), Granularity.MONTH));
        assertEquals(List.of("2026-10", "2026-11", "2026-12"), rows.stream().map(StatisticsRow::period).toList());
        assertEquals(List.of(1L, 6L, 1L), rows.stream().map(r -> r.sent().documents()).toList());
        assertEquals(List.of(0L, 1L, 1L), rows.stream().map(r -> r.received().failed()).toList());
        StatisticsRow year = only(StatisticsQuery.range(LocalDate.of(2026, 1, 1), LocalDate.of(2026, 12, 31),
                Granularity.YEAR));
        assertEquals("2026", year.period());
        assertEquals(8, year.sent().documents());
    }

    @Test
    void anEmptyPeriodHasNoRows() {
        assertEquals(List.of(), compute(StatisticsQuery.month(YearMonth.of(2025, 1))));
    }

    @Test
    void rangesAreBounded() {
        Rejection reversed = assertThrows(Rejection.class, () -> StatisticsQuery.range(LocalDate.of(2026, 11, 2),
                LocalDate.of(2026, 11, 1), Granularity.TOTAL));
        assertEquals("STATS.BAD_RANGE", reversed.code());
        assertEquals("STATS.BAD_RANGE", assertThrows(Rejection.class, () -> StatisticsQuery.range(
                LocalDate.of(2020, 1, 1), LocalDate.of(2026, 1, 1), Granularity.DAY)).code());
    }

    private static StatisticsRow find(List<StatisticsRow> rows, String organisation, String counterpart) {
        return rows.stream().filter(r -> r.organisation().equals(organisation) && r.counterpart().equals(counterpart))
                .findFirst().orElseThrow(() -> new AssertionError(organisation + "/" + counterpart + " in " + rows));
    }
}
