package vn.lienthong.adapter.alerting.entity;

import java.util.List;

/** A notice this node has claimed and must deliver: the alert, which kind of notice, and who gets it. */
public record Notice(Alert alert, Kind kind, List<Contact> contacts) {

    public enum Kind {
        /** The first notice of a new alert. */
        RAISED,
        /** The alert is still open and not acknowledged. */
        REMINDER,
        /** The condition cleared. */
        RESOLVED
    }
}
