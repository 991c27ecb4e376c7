package vn.lienthong.adapter.security.entity;

/**
 * Who called, as established by the transport security layer: the authenticated user name and the subject of
 * the certificate that signed the request (null when the profile has no signature).
 */
public record CallerIdentity(String username, String certificateSubject) {

    /** Key under which the platform layer leaves the identity in the message context. */
    public static final String CONTEXT_KEY = "vn.lienthong.adapter.caller";
}
