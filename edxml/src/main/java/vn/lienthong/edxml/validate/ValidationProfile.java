package vn.lienthong.edxml.validate;

/**
 * How strict to be (spec §11.1, §13, §15). The best-available field limits are never a reason to refuse a package
 * received from the axis; they are warnings on what we emit and errors for what legacy clients hand us.
 */
public enum ValidationProfile {
    /** Received from the axis: lenient, only what makes the package unusable is an error. */
    RECEIVED,
    /** Built by us for the axis: required fields and identifier forms are errors, field limits warnings. */
    OUTGOING,
    /** Submitted by a legacy client: as OUTGOING, and field limits are errors (input limits). */
    LEGACY_INTAKE
}
