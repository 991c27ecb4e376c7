package vn.lienthong.edxml.read;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import vn.lienthong.edxml.EdxmlConstants;

/**
 * Date parsing with the receipt tolerance of spec §14: {@code yyyy/MM/dd[ HH:mm:ss]} (EDXML), also
 * {@code dd/MM/yyyy[ HH:mm:ss]} and ISO 8601 from legacy producers, chosen by where the four-digit year is.
 * Impossible dates (2014/02/30) are errors, never silently adjusted.
 */
public final class EdxmlDates {

    private static final DateTimeFormatter DAY_FIRST = DateTimeFormatter.ofPattern("dd/MM/uuuu")
            .withResolverStyle(ResolverStyle.STRICT);
    private static final DateTimeFormatter DAY_FIRST_TIME = DateTimeFormatter.ofPattern("dd/MM/uuuu HH:mm:ss")
            .withResolverStyle(ResolverStyle.STRICT);

    private EdxmlDates() {
    }

    public static LocalDate parseDate(String value) {
        String v = value.strip();
        if (v.length() >= 10 && v.charAt(4) == '/') {
            return LocalDate.parse(v.substring(0, 10), EdxmlConstants.DATE);
        }
        if (v.length() >= 10 && v.charAt(2) == '/') {
            return LocalDate.parse(v.substring(0, 10), DAY_FIRST);
        }
        if (v.length() >= 10 && v.charAt(4) == '-') {
            return LocalDate.parse(v.substring(0, 10));
        }
        throw new DateTimeParseException("not a date in yyyy/MM/dd form", v, 0);
    }

    /** Local Vietnam time; ISO values with an offset are converted to Asia/Ho_Chi_Minh. */
    public static LocalDateTime parseTimestamp(String value) {
        String v = value.strip();
        if (v.length() == 19 && v.charAt(4) == '/') {
            return LocalDateTime.parse(v, EdxmlConstants.TIMESTAMP);
        }
        if (v.length() == 19 && v.charAt(2) == '/') {
            return LocalDateTime.parse(v, DAY_FIRST_TIME);
        }
        if (v.length() >= 19 && v.charAt(4) == '-') {
            if (v.endsWith("Z") || v.length() > 19 && (v.contains("+") || v.lastIndexOf('-') > 9)) {
                return OffsetDateTime.parse(v).atZoneSameInstant(EdxmlConstants.VIETNAM).toLocalDateTime();
            }
            return LocalDateTime.parse(v);
        }
        if (v.length() == 10) {
            return parseDate(v).atStartOfDay();
        }
        throw new DateTimeParseException("not a timestamp in yyyy/MM/dd HH:mm:ss form", v, 0);
    }
}
