package vn.lienthong.adapter.statistics.control;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.Year;
import java.time.YearMonth;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

import vn.lienthong.adapter.statistics.entity.Granularity;
import vn.lienthong.adapter.statistics.entity.StatisticsQuery;
import vn.lienthong.adapter.vocabulary.Rejection;

/**
 * Turns the parameters of a statistics request (REST or console form: plain strings, any of them hostile) into a
 * {@link StatisticsQuery}, or refuses with a stable code:
 * <ul>
 * <li>{@code STATS.BAD_DATE} — from / to / month / year not ISO 8601 ({@code 2026-11-01}, {@code 2026-11},
 * {@code 2026}), or more than one way of naming the period;</li>
 * <li>{@code STATS.BAD_RANGE} — no period, to before from, longer than ten years, day by day longer than a year,
 * outside 2000–2100;</li>
 * <li>{@code STATS.BAD_PARAMETER} — unknown groupBy / split, a malformed organisation code, too many organisations;</li>
 * <li>{@code STATS.UNKNOWN_ORGANISATION} — an organisation not served here;</li>
 * <li>{@code STATS.FORBIDDEN_ORGANISATION} — one the caller may not see (the admin bearer token sees all).</li>
 * </ul>
 */
public final class StatisticsRequest {

    /** QCVN 102 / QĐ 20 organisation codes: letters, digits, dots, dashes, underscores. */
    private static final Pattern ORGAN = Pattern.compile("[A-Za-z0-9._-]{1,35}");
    private static final int MAX_ORGANISATIONS = 100;
    private static final LocalDate EARLIEST = LocalDate.of(2000, 1, 1);
    private static final LocalDate LATEST = LocalDate.of(2100, 12, 31);

    private StatisticsRequest() {
    }

    /**
     * @param organisations requested organisations (each entry may be a comma-separated list); empty = all the
     *                      caller may see
     * @param served        the organisations served here
     * @param mayView       what the caller may see; null = everything (the admin bearer token)
     * @param split         {@code organisation}, {@code counterpart} or both, comma-separated; may be null
     */
    public static StatisticsQuery parse(String from, String to, String month, String year,
            Collection<String> organisations, String counterpart, String groupBy, String split, Set<String> served,
            Set<String> mayView) {
        LocalDate[] range = range(from, to, month, year);
        Set<String> scope = scope(organisations, served, mayView);
        if (counterpart != null && !counterpart.isBlank() && !ORGAN.matcher(counterpart.trim()).matches()) {
            throw new Rejection("STATS.BAD_PARAMETER", "counterpart", "counterpart is not an organisation code");
        }
        boolean byOrganisation = false;
        boolean byCounterpart = false;
        if (split != null && !split.isBlank()) {
            for (String s : split.split(",")) {
                switch (s.trim().toLowerCase(Locale.ROOT)) {
                    case "organisation", "organization" -> byOrganisation = true;
                    case "counterpart" -> byCounterpart = true;
                    default -> throw new Rejection("STATS.BAD_PARAMETER", "split",
                            "split is organisation, counterpart or both");
                }
            }
        }
        return new StatisticsQuery(scope, counterpart == null || counterpart.isBlank() ? null : counterpart.trim(),
                range[0], range[1], granularity(groupBy), byOrganisation, byCounterpart);
    }

    /** The organisations a query covers: those asked for, checked, or all the caller may see. */
    public static Set<String> scope(Collection<String> requested, Set<String> served, Set<String> mayView) {
        Set<String> asked = new TreeSet<>();
        if (requested != null) {
            for (String entry : requested) {
                if (entry == null) {
                    continue;
                }
                for (String organ : entry.split(",")) {
                    if (!organ.isBlank()) {
                        asked.add(organ.trim());
                    }
                }
            }
        }
        if (asked.size() > MAX_ORGANISATIONS) {
            throw new Rejection("STATS.BAD_PARAMETER", "organisation",
                    "At most " + MAX_ORGANISATIONS + " organisations per request");
        }
        for (String organ : asked) {
            if (!ORGAN.matcher(organ).matches()) {
                throw new Rejection("STATS.BAD_PARAMETER", "organisation", "organisation is not an organisation code");
            }
            if (!served.contains(organ)) {
                throw new Rejection("STATS.UNKNOWN_ORGANISATION", "organisation",
                        "Organisation " + organ + " is not served here");
            }
            if (mayView != null && !mayView.contains(organ)) {
                throw new Rejection("STATS.FORBIDDEN_ORGANISATION", "organisation",
                        "The caller may not see organisation " + organ);
            }
        }
        if (mayView != null && mayView.isEmpty()) {
            // An empty scope means "all served here": a caller who may see nothing must not get that.
            throw new Rejection("STATS.FORBIDDEN_ORGANISATION", "organisation", "The caller may see no organisation");
        }
        if (asked.isEmpty() && mayView != null) {
            return Set.copyOf(mayView); // everything the caller may see, never more
        }
        return asked;
    }

    public static Granularity granularity(String groupBy) {
        if (groupBy == null || groupBy.isBlank()) {
            return Granularity.TOTAL;
        }
        return switch (groupBy.trim().toLowerCase(Locale.ROOT)) {
            case "day" -> Granularity.DAY;
            case "month" -> Granularity.MONTH;
            case "year" -> Granularity.YEAR;
            case "total", "none" -> Granularity.TOTAL;
            default -> throw new Rejection("STATS.BAD_PARAMETER", "groupBy", "groupBy is day, month, year or total");
        };
    }

    /** A month for the monthly report: {@code 2026-11}. */
    public static YearMonth month(String month) {
        if (month == null || month.isBlank()) {
            throw new Rejection("STATS.BAD_RANGE", "month", "month is required (2026-11)");
        }
        LocalDate[] r = range(null, null, month, null);
        return YearMonth.from(r[0]);
    }

    private static LocalDate[] range(String from, String to, String month, String year) {
        int ways = (present(from) || present(to) ? 1 : 0) + (present(month) ? 1 : 0) + (present(year) ? 1 : 0);
        if (ways == 0) {
            throw new Rejection("STATS.BAD_RANGE", "from", "Name the period: from and to, month or year");
        }
        if (ways > 1) {
            throw new Rejection("STATS.BAD_DATE", "from", "Name the period one way only: from/to, month or year");
        }
        LocalDate start;
        LocalDate end;
        try {
            if (present(month)) {
                YearMonth m = YearMonth.parse(month.trim());
                start = m.atDay(1);
                end = m.atEndOfMonth();
            } else if (present(year)) {
                Year y = Year.parse(year.trim());
                start = y.atDay(1);
                end = y.atMonth(12).atEndOfMonth();
            } else {
                if (!present(from) || !present(to)) {
                    throw new Rejection("STATS.BAD_RANGE", present(from) ? "to" : "from", "from and to go together");
                }
                start = LocalDate.parse(from.trim());
                end = LocalDate.parse(to.trim());
            }
        } catch (DateTimeException e) {
            throw new Rejection("STATS.BAD_DATE", "from", "Dates are ISO 8601: 2026-11-01, 2026-11, 2026");
        }
        if (start.isBefore(EARLIEST) || end.isAfter(LATEST)) {
            throw new Rejection("STATS.BAD_RANGE", "from", "Dates lie between " + EARLIEST + " and " + LATEST);
        }
        return new LocalDate[] {start, end};
    }

    private static boolean present(String s) {
        return s != null && !s.isBlank();
    }

    /** Convenience for callers holding a single organisation parameter. */
    public static List<String> list(String organisation) {
        return organisation == null ? List.of() : List.of(organisation);
    }
}
