package vn.lienthong.adapter.statistics.entity;

import java.time.LocalDate;
import java.time.YearMonth;
import java.time.temporal.ChronoUnit;
import java.util.Set;
import java.util.TreeSet;

import vn.lienthong.adapter.vocabulary.Rejection;

/**
 * What to count: the organisations served here (an empty set: all of them), one counterpart or all, the days
 * {@code from} … {@code to} (both included, Vietnam time) and how rows are divided — by period, and optionally per
 * organisation and per counterpart. Refused with a stable code when the range is empty, reversed or too long.
 *
 * @param organisations  organisations served here to count for; empty = all
 * @param counterpart    the other side (recipient of what we sent, sender of what we received); null = all
 * @param byOrganisation one row per organisation served here (else they are summed)
 * @param byCounterpart  one row per counterpart (else they are summed)
 */
public record StatisticsQuery(Set<String> organisations, String counterpart, LocalDate from, LocalDate to,
        Granularity groupBy, boolean byOrganisation, boolean byCounterpart) {

    /** Longest range: ten years (a year of day rows is the longest day-by-day view). */
    public static final long MAX_DAYS = 3660;
    public static final long MAX_DAY_ROWS = 366;

    public StatisticsQuery {
        if (from == null || to == null) {
            throw new Rejection("STATS.BAD_RANGE", from == null ? "from" : "to", "from and to are both required");
        }
        if (to.isBefore(from)) {
            throw new Rejection("STATS.BAD_RANGE", "to", "to (" + to + ") is before from (" + from + ")");
        }
        long days = ChronoUnit.DAYS.between(from, to) + 1;
        if (days > MAX_DAYS) {
            throw new Rejection("STATS.BAD_RANGE", "to", "A range covers at most " + MAX_DAYS + " days");
        }
        if (groupBy == Granularity.DAY && days > MAX_DAY_ROWS) {
            throw new Rejection("STATS.BAD_RANGE", "groupBy",
                    "Day by day covers at most " + MAX_DAY_ROWS + " days; group by month or year");
        }
        organisations = organisations == null ? Set.of() : Set.copyOf(new TreeSet<>(organisations));
        groupBy = groupBy == null ? Granularity.TOTAL : groupBy;
    }

    /** Everything of every organisation in {@code month}, one row. */
    public static StatisticsQuery month(YearMonth month) {
        return new StatisticsQuery(Set.of(), null, month.atDay(1), month.atEndOfMonth(), Granularity.TOTAL, false,
                false);
    }

    public static StatisticsQuery range(LocalDate from, LocalDate to, Granularity groupBy) {
        return new StatisticsQuery(Set.of(), null, from, to, groupBy, false, false);
    }

    public StatisticsQuery forOrganisations(Set<String> organIds) {
        return new StatisticsQuery(organIds, counterpart, from, to, groupBy, byOrganisation, byCounterpart);
    }

    public StatisticsQuery withCounterpart(String organId) {
        return new StatisticsQuery(organisations, organId, from, to, groupBy, byOrganisation, byCounterpart);
    }

    public StatisticsQuery perOrganisation(boolean split) {
        return new StatisticsQuery(organisations, counterpart, from, to, groupBy, split, byCounterpart);
    }

    public StatisticsQuery perCounterpart(boolean split) {
        return new StatisticsQuery(organisations, counterpart, from, to, groupBy, byOrganisation, split);
    }

    public boolean allOrganisations() {
        return organisations.isEmpty();
    }
}
