package vn.lienthong.adapter.soap;

import java.util.Locale;
import java.util.Optional;

import jakarta.servlet.http.HttpServletRequest;

/**
 * Whether a request reached the adapter over TLS: the servlet container says so (HTTPS listener), or — only when
 * the operator configured it ({@code adapter.tls.trusted-proxy-header}) — a TLS-terminating proxy in front of the
 * adapter says so in that header ({@code https}). The proxy must overwrite the header on every request, and the
 * adapter's plain HTTP port must be reachable only through it; otherwise any client could claim TLS.
 */
final class TransportSecurity {

    private final Optional<String> trustedProxyHeader;

    TransportSecurity(Optional<String> trustedProxyHeader) {
        this.trustedProxyHeader = trustedProxyHeader.map(String::trim).filter(h -> !h.isEmpty());
    }

    boolean overTls(HttpServletRequest request) {
        if (request.isSecure()) {
            return true;
        }
        return trustedProxyHeader.map(request::getHeader)
                .map(v -> v.trim().toLowerCase(Locale.ROOT).equals("https"))
                .orElse(false);
    }

    /** The scheme the client used: {@code https} also behind a trusted TLS-terminating proxy. */
    String clientScheme(HttpServletRequest request) {
        return overTls(request) ? "https" : "http";
    }
}
