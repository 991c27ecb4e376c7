package vn.lienthong.axis.simulator;

/** Misbehaviours the simulator can be told to show, at run time, over {@code /_sim/faults}. */
public enum FaultMode {
    /** Close the connection without an answer, as if the node were unreachable. */
    DOWN,
    /** Wait {@code ms} before answering (longer than the client's read timeout = timeout). */
    SLOW,
    /** Answer with HTTP {@code httpStatus} (default 503) and no axis JSON. */
    HTTP5XX,
    /** Answer HTTP 200 with {@code status FAIL} and {@code ErrorCode code}. */
    FAIL,
    /** Deliver the next routed package twice, under two axis ids, to each recipient system. */
    DUPLICATE,
    /** Answer updateStatus with OK but forget it, so the item stays listed. */
    LOST_ACK,
    /** Send the first bytes of a getEdoc/downloadEdoc answer, then stall {@code ms}. */
    STALL_BODY,
    /** The counterpart sends its next status sequence in reverse order. */
    OUT_OF_ORDER;

    public static FaultMode parse(String text) {
        String normalised = text.trim().replace("-", "_").replace(" ", "_");
        for (FaultMode mode : values()) {
            if (mode.name().replace("_", "").equalsIgnoreCase(normalised.replace("_", ""))) {
                return mode;
            }
        }
        throw new IllegalArgumentException("unknown fault mode " + text);
    }
}
