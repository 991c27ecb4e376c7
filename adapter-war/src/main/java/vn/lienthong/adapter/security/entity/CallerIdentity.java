package vn.lienthong.adapter.security.entity;

import java.util.Optional;

/**
 * Who called, as established by the transport security layer: the authenticated user name, the subject of the
 * certificate that signed the request (null when the profile has no signature) and the client's network address
 * (null when unknown; only for the audit trail, never for a decision).
 *
 * <p>{@code credential}: the caller's {@link ClientCredential} as the authentication step of this same request read
 * it (the password check of the WS faces, the token check of the old protocol), or null. The authorisation steps of
 * the request decide on it instead of reading the credential again (issue 11: it was read twice or more per
 * request, each time through the container); a disabled credential or a changed grant still takes effect on the
 * next request, on every node. Read-only: nothing writes through it.
 */
public record CallerIdentity(String username, String certificateSubject, String clientAddress,
        ClientCredential credential) {

    /** Key under which the platform layer leaves the identity in the message context. */
    public static final String CONTEXT_KEY = "vn.lienthong.adapter.caller";

    public CallerIdentity(String username, String certificateSubject) {
        this(username, certificateSubject, null, null);
    }

    public CallerIdentity(String username, String certificateSubject, String clientAddress) {
        this(username, certificateSubject, clientAddress, null);
    }

    /** The same caller, seen from {@code address}. */
    public CallerIdentity from(String address) {
        return new CallerIdentity(username, certificateSubject, address, credential);
    }

    /** The same caller with the credential this request's authentication read. */
    public CallerIdentity withCredential(ClientCredential read) {
        return new CallerIdentity(username, certificateSubject, clientAddress, read);
    }

    /** The credential read by this request's authentication, if it is this caller's; else empty (read it). */
    public Optional<ClientCredential> credentialRead() {
        return credential != null && credential.getUsername().equals(username) ? Optional.of(credential)
                : Optional.empty();
    }

    /** The same caller whether or not the credential came along: identity is the three fields above. */
    @Override
    public boolean equals(Object o) {
        return o instanceof CallerIdentity c && java.util.Objects.equals(username, c.username)
                && java.util.Objects.equals(certificateSubject, c.certificateSubject)
                && java.util.Objects.equals(clientAddress, c.clientAddress);
    }

    @Override
    public int hashCode() {
        return java.util.Objects.hash(username, certificateSubject, clientAddress);
    }

    @Override
    public String toString() {
        // The credential carries a password hash: never in a log line.
        return "CallerIdentity[username=" + username + ", certificateSubject=" + certificateSubject
                + ", clientAddress=" + clientAddress + "]";
    }
}
