package vn.lienthong.mappings.edoc;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The date forms old clients send (spec legacy-edoc-soap.md §9): {@code yyyy/MM/dd} (hub), {@code dd/MM/yyyy}
 * (2803) and ISO 8601 (512), each optionally with a time. Which one it is follows from where the four-digit year
 * stands, so no client has to declare its dialect. Times without an offset are Vietnam time.
 */
public final class LegacyDates {

    public static final ZoneOffset VIETNAM = ZoneOffset.ofHours(7);

    private static final Pattern YEAR_FIRST =
            Pattern.compile("(\\d{4})[/.-](\\d{1,2})[/.-](\\d{1,2})(?:[ T](\\d{1,2}):(\\d{2})(?::(\\d{2}))?.*)?");
    private static final Pattern YEAR_LAST =
            Pattern.compile("(\\d{1,2})[/.-](\\d{1,2})[/.-](\\d{4})(?:[ T](\\d{1,2}):(\\d{2})(?::(\\d{2}))?.*)?");

    private LegacyDates() {
    }

    public static Optional<LocalDate> date(String text) {
        return dateTime(text).map(LocalDateTime::toLocalDate);
    }

    /** Parses any of the accepted forms; empty when the text is blank or matches none of them. */
    public static Optional<LocalDateTime> dateTime(String text) {
        if (text == null || text.isBlank()) {
            return Optional.empty();
        }
        String t = text.trim();
        try {
            if (t.length() > 19 && (t.endsWith("Z") || t.matches(".*[+-]\\d{2}:\\d{2}$"))) {
                return Optional.of(OffsetDateTime.parse(t).atZoneSameInstant(VIETNAM).toLocalDateTime());
            }
            Matcher m = YEAR_FIRST.matcher(t);
            if (m.matches()) {
                return Optional.of(of(m.group(1), m.group(2), m.group(3), m.group(4), m.group(5), m.group(6)));
            }
            m = YEAR_LAST.matcher(t);
            if (m.matches()) {
                return Optional.of(of(m.group(3), m.group(2), m.group(1), m.group(4), m.group(5), m.group(6)));
            }
        } catch (java.time.DateTimeException e) {
            return Optional.empty(); // 2025/02/30 and the like: not a date
        }
        return Optional.empty();
    }

    private static LocalDateTime of(String y, String mo, String d, String h, String mi, String s) {
        return LocalDateTime.of(Integer.parseInt(y), Integer.parseInt(mo), Integer.parseInt(d),
                h == null ? 0 : Integer.parseInt(h), mi == null ? 0 : Integer.parseInt(mi),
                s == null ? 0 : Integer.parseInt(s));
    }
}
