package vn.lienthong.axis.simulator;

/** A request the simulator refuses before looking at the operation: answered 401/403 with a JSON body. */
final class AuthenticationFailure extends Exception {

    private final int httpStatus;
    private final String errorCode;

    AuthenticationFailure(int httpStatus, String errorCode, String message) {
        super(message);
        this.httpStatus = httpStatus;
        this.errorCode = errorCode;
    }

    int httpStatus() {
        return httpStatus;
    }

    String errorCode() {
        return errorCode;
    }
}
