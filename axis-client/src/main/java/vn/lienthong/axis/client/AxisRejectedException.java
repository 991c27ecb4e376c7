package vn.lienthong.axis.client;

/**
 * The axis answered and refused the request: {@code status FAIL} or {@code ErrorCode != "0"}, or an unexpected 4xx.
 * Repeating the same request would get the same answer, so it is not retryable.
 */
public class AxisRejectedException extends AxisException {

    private final String errorCode;
    private final String errorDescription;

    public AxisRejectedException(String operation, String errorCode, String errorDescription) {
        super(operation, "rejected by the axis: ErrorCode=" + errorCode + " ErrorDesc=" + errorDescription, null);
        this.errorCode = errorCode;
        this.errorDescription = errorDescription;
    }

    public String errorCode() {
        return errorCode;
    }

    public String errorDescription() {
        return errorDescription;
    }

    @Override
    public boolean isRetryable() {
        return false;
    }
}
