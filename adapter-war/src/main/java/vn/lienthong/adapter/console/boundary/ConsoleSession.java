package vn.lienthong.adapter.console.boundary;

import java.security.MessageDigest;
import java.security.SecureRandom;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;

/**
 * What the console keeps in the HTTP session: the signed-in user's name and the form token that every POST must
 * carry (synchroniser token against cross-site request forgery; the SameSite=Strict cookie is the second line).
 */
final class ConsoleSession {

    static final String USER = "console.user";
    static final String CSRF = "console.csrf";
    static final String LANG = "console.lang";
    static final String CSRF_FIELD = "_csrf";
    private static final SecureRandom RANDOM = new SecureRandom();

    private ConsoleSession() {
    }

    /** The session's form token, created with the session if needed. */
    static String csrfToken(HttpServletRequest request) {
        HttpSession s = request.getSession(true);
        Object t = s.getAttribute(CSRF);
        if (t instanceof String token) {
            return token;
        }
        String token = newToken();
        s.setAttribute(CSRF, token);
        return token;
    }

    /** A fresh token (after sign-in: a token seen before it is worth nothing afterwards). */
    static void rotateCsrf(HttpSession s) {
        s.setAttribute(CSRF, newToken());
    }

    /** True when the request carries the session's token (compared in constant time). */
    static boolean csrfValid(HttpServletRequest request) {
        HttpSession s = request.getSession(false);
        String expected = s == null ? null : (String) s.getAttribute(CSRF);
        String given = request.getParameter(CSRF_FIELD);
        return expected != null && given != null && MessageDigest.isEqual(
                expected.getBytes(StandardCharsets.US_ASCII), given.getBytes(StandardCharsets.US_ASCII));
    }

    /**
     * Payara 6 ignores {@code SessionCookieConfig.setAttribute("SameSite", …)} (tried: the cookie came without it),
     * so the session cookie this response sets is repeated with {@code SameSite=Strict}; browsers keep the last
     * Set-Cookie of a name. Call after anything that may have created or renewed the session.
     */
    static void sameSiteStrict(jakarta.servlet.http.HttpServletResponse response) {
        String prefix = ConsoleSessionCookie.COOKIE + "=";
        String issued = null;
        for (String h : response.getHeaders("Set-Cookie")) {
            if (h.startsWith(prefix)) {
                issued = h;
            }
        }
        if (issued != null && !issued.toLowerCase(java.util.Locale.ROOT).contains("samesite")) {
            response.addHeader("Set-Cookie", issued + "; SameSite=Strict");
        }
    }

    static String user(HttpServletRequest request) {
        HttpSession s = request.getSession(false);
        return s == null ? null : (String) s.getAttribute(USER);
    }

    private static String newToken() {
        byte[] b = new byte[32];
        RANDOM.nextBytes(b);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(b);
    }
}
