package vn.lienthong.axis.client;

/**
 * The outcome of the call is unknown or the axis could not answer: connection refused or reset, timeout, HTTP 5xx,
 * an unreadable body. Retrying (with the same package bytes for {@code sendEdoc}) is safe because receivers dedupe.
 */
public class AxisTransportException extends AxisException {

    private final int httpStatus;

    public AxisTransportException(String operation, String message, Throwable cause) {
        this(operation, message, 0, cause);
    }

    public AxisTransportException(String operation, String message, int httpStatus, Throwable cause) {
        super(operation, message, cause);
        this.httpStatus = httpStatus;
    }

    /** HTTP status when the axis answered with one (5xx), otherwise 0. */
    public int httpStatus() {
        return httpStatus;
    }

    @Override
    public boolean isRetryable() {
        return true;
    }
}
