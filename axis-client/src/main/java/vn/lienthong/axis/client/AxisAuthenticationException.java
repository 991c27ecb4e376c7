package vn.lienthong.axis.client;

/**
 * HTTP 401/403: the axis did not accept our system id or signature. A configuration problem (wrong secret, system
 * disabled), never fixed by retrying; it should raise an operator alert.
 */
public class AxisAuthenticationException extends AxisRejectedException {

    private final int httpStatus;

    public AxisAuthenticationException(String operation, int httpStatus, String errorCode, String errorDescription) {
        super(operation, errorCode, errorDescription);
        this.httpStatus = httpStatus;
    }

    public int httpStatus() {
        return httpStatus;
    }
}
