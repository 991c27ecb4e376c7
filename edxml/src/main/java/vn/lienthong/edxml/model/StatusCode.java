package vn.lienthong.edxml.model;

/**
 * The nine status codes of spec §8, plus {@link #UNKNOWN} for any other two-digit code: the project accepts and
 * stores unknown codes (they may exist in newer guide versions) but acts only on the nine.
 */
public enum StatusCode {
    ARRIVED("01", false), REFUSED("02", false), ACCEPTED("03", false), ASSIGNED("04", false),
    PROCESSING("05", false), FINISHED("06", false), TAKE_BACK_REQUEST("13", true),
    CHANGE_ACCEPTED("15", false), CHANGE_REFUSED("16", false), UNKNOWN(null, false);

    private final String code;
    private final boolean sentByOriginalSender;

    StatusCode(String code, boolean sentByOriginalSender) {
        this.code = code;
        this.sentByOriginalSender = sentByOriginalSender;
    }

    /** Two-digit code as emitted; null for {@link #UNKNOWN}. */
    public String code() {
        return code;
    }

    /** Only 13 comes from the original sender; every other code is reported by a recipient (spec §7.2). */
    public boolean sentByOriginalSender() {
        return sentByOriginalSender;
    }

    /** Accepts "1" and "01" alike: the legacy hub stores unpadded integers. */
    public static StatusCode fromCode(String raw) {
        String normalised = normalise(raw);
        for (StatusCode s : values()) {
            if (s.code != null && s.code.equals(normalised)) {
                return s;
            }
        }
        return UNKNOWN;
    }

    /** Pads a one-digit numeric code to two digits; other values are returned trimmed and otherwise unchanged. */
    public static String normalise(String raw) {
        if (raw == null) {
            return null;
        }
        String t = raw.strip();
        return t.length() == 1 && Character.isDigit(t.charAt(0)) ? "0" + t : t;
    }
}
