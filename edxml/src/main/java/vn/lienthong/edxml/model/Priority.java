package vn.lienthong.edxml.model;

import java.util.Optional;

/** {@code OtherInfo/Priority} urgency levels 0–4 (spec §12). */
public enum Priority {
    NORMAL(0), URGENT(1), VERY_URGENT(2), EXPRESS(3), EXPRESS_TIMED(4);

    private final int code;

    Priority(int code) {
        this.code = code;
    }

    public int code() {
        return code;
    }

    public static Optional<Priority> of(int code) {
        for (Priority p : values()) {
            if (p.code == code) {
                return Optional.of(p);
            }
        }
        return Optional.empty();
    }
}
