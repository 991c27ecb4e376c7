package vn.lienthong.adapter.alerting.entity;

/** Where an alert stands. */
public enum AlertState {
    /** The condition holds; notices are sent and repeated. */
    OPEN,
    /** The condition holds, an operator has seen it: no more reminders; resolved when it clears. */
    ACKNOWLEDGED,
    /** The condition cleared (a "resolved" notice goes to whoever was told of it). */
    RESOLVED
}
