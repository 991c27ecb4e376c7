package vn.lienthong.axis.simulator;

import java.util.Objects;
import java.util.Set;

/**
 * One active fault.
 *
 * @param operations operation names it applies to; empty = every API operation
 * @param times      how many matching requests it affects; 0 or negative = until cleared
 * @param ms         delay for SLOW and STALL_BODY
 * @param httpStatus status for HTTP5XX
 * @param code       ErrorCode for FAIL
 * @param desc       ErrorDesc for FAIL
 */
public record FaultRule(FaultMode mode, Set<String> operations, int times, long ms, int httpStatus, String code,
                        String desc) {

    public FaultRule {
        Objects.requireNonNull(mode, "mode");
        operations = operations == null ? Set.of() : Set.copyOf(operations);
        httpStatus = httpStatus == 0 ? 503 : httpStatus;
        code = code == null ? "-1" : code;
        desc = desc == null ? "Simulated failure" : desc;
        if (mode == FaultMode.HTTP5XX && (httpStatus < 500 || httpStatus > 599)) {
            throw new IllegalArgumentException("httpStatus must be 5xx");
        }
    }

    public static FaultRule of(FaultMode mode) {
        return new FaultRule(mode, Set.of(), 0, 0, 0, null, null);
    }

    public FaultRule times(int count) {
        return new FaultRule(mode, operations, count, ms, httpStatus, code, desc);
    }

    public FaultRule on(String... operationNames) {
        return new FaultRule(mode, Set.of(operationNames), times, ms, httpStatus, code, desc);
    }

    public FaultRule millis(long delay) {
        return new FaultRule(mode, operations, times, delay, httpStatus, code, desc);
    }

    public FaultRule status(int status) {
        return new FaultRule(mode, operations, times, ms, status, code, desc);
    }

    public FaultRule answer(String errorCode, String errorDesc) {
        return new FaultRule(mode, operations, times, ms, httpStatus, errorCode, errorDesc);
    }

    boolean appliesTo(String operation) {
        return operations.isEmpty() || operations.stream().anyMatch(op -> op.equalsIgnoreCase(operation));
    }
}
