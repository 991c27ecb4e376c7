package vn.lienthong.adapter.console.boundary;

import java.io.IOException;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import vn.lienthong.adapter.web.ErrorReply;

/**
 * Security headers on every console answer — a Content-Security-Policy without inline script or style, no
 * framing, no sniffing, no referrer, no caching of pages — and the console's request bound: a body over
 * {@value #MAX_BODY_BYTES} bytes, or a request other than GET/HEAD without a declared length (chunked, or HTTP/2
 * without content-length), is refused ({@code LIMIT.REQUEST_SIZE}, 413)
 * before anything reads it. Runs after web.xml's error shield (annotated filters come after declared ones).
 */
@WebFilter(filterName = "console-headers", urlPatterns = ConsoleAuthentication.PREFIX + "/*")
public class ConsoleHeadersFilter extends HttpFilter {

    private static final long serialVersionUID = 1L;
    /** Console forms are small: the largest is a list of organisation ids. */
    static final long MAX_BODY_BYTES = 64 * 1024;
    static final String CSP = "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:;"
            + " connect-src 'self'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'";

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        response.setHeader("Content-Security-Policy", CSP);
        response.setHeader("X-Frame-Options", "DENY");
        response.setHeader("X-Content-Type-Options", "nosniff");
        response.setHeader("Referrer-Policy", "no-referrer");
        if (!request.getRequestURI().contains("/static/")) {
            response.setHeader("Cache-Control", "no-store");
        }
        if (request.isSecure()) {
            response.setHeader("Strict-Transport-Security", "max-age=31536000");
        }
        // Anything but GET/HEAD may carry a body, and over HTTP/2 a body of unknown length comes without
        // Transfer-Encoding: such requests must declare their length (browsers always do for forms).
        long length = request.getContentLengthLong();
        boolean mayHaveBody = length > 0 || request.getHeader("Transfer-Encoding") != null
                || !("GET".equals(request.getMethod()) || "HEAD".equals(request.getMethod()));
        if (mayHaveBody && (length < 0 || length > MAX_BODY_BYTES)) {
            ErrorReply.write(request, response, 413, "LIMIT.REQUEST_SIZE", null, "The request is too large");
            return;
        }
        // The session exists before the page is written, so its cookie can be completed here (SameSite).
        request.getSession(true);
        ConsoleSession.sameSiteStrict(response);
        chain.doFilter(request, response);
    }
}
