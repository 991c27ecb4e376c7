package vn.lienthong.axis.simulator;

/** A package the axis refuses to accept; answered as {@code status FAIL} with this error code. */
final class RoutingException extends Exception {

    private final String errorCode;

    RoutingException(String errorCode, String message) {
        super(message);
        this.errorCode = errorCode;
    }

    String errorCode() {
        return errorCode;
    }
}
