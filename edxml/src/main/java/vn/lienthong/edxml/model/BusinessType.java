package vn.lienthong.edxml.model;

import java.util.Optional;

/** {@code Bussiness/BussinessDocType} (spec §5). */
public enum BusinessType {
    NEW(0), RECALL(1), UPDATE(2), REPLACE(3);

    private final int code;

    BusinessType(int code) {
        this.code = code;
    }

    public int code() {
        return code;
    }

    public static Optional<BusinessType> of(int code) {
        for (BusinessType t : values()) {
            if (t.code == code) {
                return Optional.of(t);
            }
        }
        return Optional.empty();
    }
}
