package vn.lienthong.axis.client;

import java.util.Map;

/**
 * The common members of every axis answer plus the other top-level scalars ({@code DocId}, {@code count}).
 * Member names are looked up exactly as the axis spells them.
 */
record AxisAnswer(Map<String, String> scalars) {

    String status() {
        return scalars.get("status");
    }

    String errorCode() {
        return scalars.get("ErrorCode");
    }

    String errorDesc() {
        return scalars.get("ErrorDesc");
    }

    String get(String member) {
        return scalars.get(member);
    }

    /** The SDK's success test: {@code ErrorCode == "0"}; answers without ErrorCode count when status is OK. */
    boolean isSuccess() {
        String code = errorCode();
        if (code != null) {
            return "0".equals(code.trim()) && !"FAIL".equalsIgnoreCase(status());
        }
        return "OK".equalsIgnoreCase(status());
    }

    void requireSuccess(String operation) throws AxisRejectedException {
        if (!isSuccess()) {
            throw new AxisRejectedException(operation, errorCode() == null ? status() : errorCode(), errorDesc());
        }
    }
}
