package vn.lienthong.axis.client;

/**
 * Transport acknowledgement sent with {@code updateStatus}. It says whether the connected system has taken an axis
 * item; it is never a business status (01…16), which travels as a status package.
 */
public enum AckStatus {
    DONE("done"),
    FAIL("fail"),
    PROCESSING("processing");

    private final String wireValue;

    AckStatus(String wireValue) {
        this.wireValue = wireValue;
    }

    public String wireValue() {
        return wireValue;
    }
}
