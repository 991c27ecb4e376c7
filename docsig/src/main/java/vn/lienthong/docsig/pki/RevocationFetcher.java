package vn.lienthong.docsig.pki;

import java.io.IOException;
import java.net.URI;

/**
 * The only way docsig reaches the network: one bounded HTTP exchange with a CRL distribution point or an OCSP
 * responder. Behind an interface so the revocation logic ({@link OnlineRevocation}) has no network code and the
 * bounds (time, size, schemes) live in one place ({@link HttpRevocationFetcher}).
 */
public interface RevocationFetcher {

    /** GET {@code uri} (a CRL); the body, or an exception saying why not (unreachable, status, too large, slow). */
    byte[] get(URI uri) throws IOException;

    /** POST {@code body} as {@code contentType} (an OCSP request); the answer's body, or an exception saying why not. */
    byte[] post(URI uri, byte[] body, String contentType) throws IOException;
}
