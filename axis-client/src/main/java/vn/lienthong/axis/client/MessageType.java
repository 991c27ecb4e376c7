package vn.lienthong.axis.client;

/** The axis {@code messagetype}: document packages and status packages travel through the same operations. */
public enum MessageType {
    EDOC("edoc"),
    STATUS("status");

    private final String wireValue;

    MessageType(String wireValue) {
        this.wireValue = wireValue;
    }

    public String wireValue() {
        return wireValue;
    }

    public static MessageType fromWire(String value) {
        for (MessageType type : values()) {
            if (type.wireValue.equalsIgnoreCase(value)) {
                return type;
            }
        }
        throw new IllegalArgumentException("unknown messagetype: " + value);
    }
}
