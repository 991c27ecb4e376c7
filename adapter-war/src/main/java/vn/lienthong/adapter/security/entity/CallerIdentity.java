package vn.lienthong.adapter.security.entity;

/**
 * Who called, as established by the transport security layer: the authenticated user name, the subject of the
 * certificate that signed the request (null when the profile has no signature) and the client's network address
 * (null when unknown; only for the audit trail, never for a decision).
 */
public record CallerIdentity(String username, String certificateSubject, String clientAddress) {

    /** Key under which the platform layer leaves the identity in the message context. */
    public static final String CONTEXT_KEY = "vn.lienthong.adapter.caller";

    public CallerIdentity(String username, String certificateSubject) {
        this(username, certificateSubject, null);
    }

    /** The same caller, seen from {@code address}. */
    public CallerIdentity from(String address) {
        return new CallerIdentity(username, certificateSubject, address);
    }
}
