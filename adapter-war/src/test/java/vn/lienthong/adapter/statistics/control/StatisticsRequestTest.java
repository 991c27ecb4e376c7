package vn.lienthong.adapter.statistics.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;

import vn.lienthong.adapter.statistics.entity.Granularity;
import vn.lienthong.adapter.statistics.entity.StatisticsQuery;
import vn.lienthong.adapter.vocabulary.Rejection;

/** Every parameter of a statistics request is checked, and each refusal has its stable code. */
class StatisticsRequestTest {

    private static final Set<String> SERVED = Set.of("000.00.00.G22", "000.00.00.G23");

    private static StatisticsQuery parse(String from, String to, String month, String year, List<String> organs,
            String counterpart, String groupBy, String split, Set<String> mayView) {
        return StatisticsRequest.parse(from, to, month, year, organs, counterpart, groupBy, split, SERVED, mayView);
    }

    private static String refusal(org.junit.jupiter.api.function.Executable e) {
        return assertThrows(Rejection.class, e).code();
    }

    @Test
    void aMonthAYearOrARange() {
        StatisticsQuery m = parse(null, null, "2026-11", null, List.of(), null, "day", null, null);
        assertEquals(LocalDate.of(2026, 11, 1), m.from());
        assertEquals(LocalDate.of(2026, 11, 30), m.to());
        assertEquals(Granularity.DAY, m.groupBy());
        StatisticsQuery y = parse(null, null, null, "2026", List.of("000.00.00.G22,000.00.00.G23"), "000.00.00.H41",
                "month", "organisation,counterpart", null);
        assertEquals(LocalDate.of(2026, 12, 31), y.to());
        assertEquals(SERVED, y.organisations());
        assertEquals(true, y.byOrganisation() && y.byCounterpart());
        StatisticsQuery r = parse("2026-11-05", "2026-11-05", null, null, null, null, null, null, null);
        assertEquals(Granularity.TOTAL, r.groupBy());
    }

    @Test
    void badDatesAndRanges() {
        assertEquals("STATS.BAD_RANGE", refusal(() -> parse(null, null, null, null, null, null, null, null, null)));
        assertEquals("STATS.BAD_DATE", refusal(() -> parse("2026-13-01", "2026-12-01", null, null, null, null, null,
                null, null)));
        assertEquals("STATS.BAD_DATE", refusal(() -> parse(null, null, "2026-11", "2026", null, null, null, null,
                null)));
        assertEquals("STATS.BAD_DATE", refusal(() -> parse(null, null, "11/2026", null, null, null, null, null,
                null)));
        assertEquals("STATS.BAD_RANGE", refusal(() -> parse("2026-11-02", null, null, null, null, null, null, null,
                null)));
        assertEquals("STATS.BAD_RANGE", refusal(() -> parse("2026-11-02", "2026-11-01", null, null, null, null,
                null, null, null)));
        assertEquals("STATS.BAD_RANGE", refusal(() -> parse("2000-01-01", "2026-01-01", null, null, null, null,
                null, null, null)));
        assertEquals("STATS.BAD_RANGE", refusal(() -> parse(null, null, null, "1999", null, null, null, null, null)));
        assertEquals("STATS.BAD_RANGE", refusal(() -> parse("2026-01-01", "2027-01-05", null, null, null, null, "day",
                null, null)));
        assertEquals("STATS.BAD_RANGE", refusal(() -> StatisticsRequest.month(null)));
    }

    @Test
    void badParametersAndOrganisations() {
        assertEquals("STATS.BAD_PARAMETER", refusal(() -> parse(null, null, "2026-11", null, null, null, "week",
                null, null)));
        assertEquals("STATS.BAD_PARAMETER", refusal(() -> parse(null, null, "2026-11", null, null, null, null,
                "recipient", null)));
        assertEquals("STATS.BAD_PARAMETER", refusal(() -> parse(null, null, "2026-11", null, null, "<x>", null,
                null, null)));
        assertEquals("STATS.BAD_PARAMETER", refusal(() -> parse(null, null, "2026-11", null, List.of("' OR 1=1 --"),
                null, null, null, null)));
        assertEquals("STATS.UNKNOWN_ORGANISATION", refusal(() -> parse(null, null, "2026-11", null,
                List.of("000.00.00.H41"), null, null, null, null)));
        assertEquals("STATS.FORBIDDEN_ORGANISATION", refusal(() -> parse(null, null, "2026-11", null,
                List.of("000.00.00.G23"), null, null, null, Set.of("000.00.00.G22"))));
    }

    @Test
    void aCallerWhoMaySeeNothingNeverGetsEverything() {
        // An empty organisation set in a query means "all served here": a console user without organisations
        // must be refused, not shown the whole adapter.
        assertEquals("STATS.FORBIDDEN_ORGANISATION", refusal(() -> parse(null, null, "2026-11", null, List.of(),
                null, null, null, Set.of())));
        assertEquals(Set.of("000.00.00.G22"), parse(null, null, "2026-11", null, List.of(), null, null, null,
                Set.of("000.00.00.G22")).organisations());
    }

    @Test
    void aRestrictedCallerWithoutOrganisationSeesOnlyItsOwn() {
        assertEquals(Set.of("000.00.00.G22"), parse(null, null, "2026-11", null, List.of(), null, null, null,
                Set.of("000.00.00.G22")).organisations());
        assertEquals(Set.of(), parse(null, null, "2026-11", null, List.of(), null, null, null, null).organisations());
    }
}
