package vn.lienthong.edxml;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.ResolverStyle;
import java.time.temporal.ChronoUnit;

/** Namespaces and the date formats every EDXML producer and consumer agrees on (spec §1.1, §14). */
public final class EdxmlConstants {

    public static final String QCVN_NS = "http://www.mic.gov.vn/TBT/QCVN_102_2016";
    public static final String XMLDSIG_NS = "http://www.w3.org/2000/09/xmldsig#";
    /** Prefix the reference library uses inside the envelope; receivers that deserialise strictly may expect it. */
    public static final String QCVN_PREFIX = "edXML";

    /** Strict: "uuuu" + STRICT makes 2014/02/30 an error instead of silently becoming 2014/02/28. */
    public static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("uuuu/MM/dd")
            .withResolverStyle(ResolverStyle.STRICT);
    public static final DateTimeFormatter TIMESTAMP = DateTimeFormatter.ofPattern("uuuu/MM/dd HH:mm:ss")
            .withResolverStyle(ResolverStyle.STRICT);
    /** EDXML writes no zone; values are Vietnam local time (UTC+07:00, no daylight saving). */
    public static final ZoneId VIETNAM = ZoneId.of("Asia/Ho_Chi_Minh");

    private EdxmlConstants() {
    }

    /** The current Vietnam local time at second precision, as TraceHeader/Timestamp values are written. */
    public static LocalDateTime nowInVietnam() {
        return LocalDateTime.now(VIETNAM).truncatedTo(ChronoUnit.SECONDS);
    }

    public static LocalDateTime toVietnamLocal(Instant instant) {
        return LocalDateTime.ofInstant(instant, VIETNAM).truncatedTo(ChronoUnit.SECONDS);
    }
}
