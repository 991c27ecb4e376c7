package vn.lienthong.adapter.legacy.boundary;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Optional;

import jakarta.ejb.EJBException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import vn.lienthong.adapter.audit.control.AuditLog;
import vn.lienthong.adapter.configuration.AdapterSettings;
import vn.lienthong.adapter.vocabulary.Rejection;
import vn.lienthong.adapter.legacy.control.LegacyFault;
import vn.lienthong.adapter.legacy.control.LegacyTokens;
import vn.lienthong.adapter.security.control.CredentialStore;
import vn.lienthong.adapter.security.control.OrganisationAuthority;
import vn.lienthong.adapter.security.entity.CallerIdentity;
import vn.lienthong.adapter.security.control.LoginThrottle;

/**
 * Issues (or imports) an organisation's old-protocol token: {@code POST /services/EdocAdmin/tokens} with form
 * fields {@code organId}, optional {@code actFor} (comma-separated allow-list) and optional {@code token} (import
 * an existing hub token so the client needs no change). Who may: the operator with the admin bearer token
 * ({@code adapter.admin.token}, in demo mode {@code <data>/admin-token}) for any organisations, or a WS-Security
 * client credential (HTTP Basic, its password) only for organisations it may act for itself — {@code organId} and
 * every {@code actFor}; anything beyond is refused 403 {@code AUTH.ORGANISATION} by {@link OrganisationAuthority}
 * (audited, nothing stored). Always audited. The token is in the answer once and nowhere else.
 */
@ApplicationScoped
public class TokenAdminEndpoint {

    @Inject
    AdapterSettings settings;
    @Inject
    CredentialStore credentials;
    @Inject
    LegacyTokens tokens;
    @Inject
    AuditLog audit;
    @Inject
    LoginThrottle throttle;

    public void handle(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        resp.setHeader("Cache-Control", "no-store");
        if (!"POST".equals(req.getMethod()) || !"/tokens".equals(req.getPathInfo() == null ? null
                : req.getPathInfo().replaceFirst("^/EdocAdmin", ""))) {
            // Answered by the error page as SYS.NOT_FOUND; audited, as every refusal is.
            String path = cut(String.valueOf(req.getPathInfo())).replaceAll("\\p{Cntrl}", " ");
            audit.record("legacy-admin-anonymous", "LEGACY_TOKEN_ISSUE", null, "REFUSED", "SYS.NOT_FOUND",
                    "client=" + req.getRemoteAddr() + " " + req.getMethod() + " " + path);
            resp.sendError(HttpServletResponse.SC_NOT_FOUND);
            return;
        }
        String organId = req.getParameter("organId");
        Optional<Issuer> admin = authenticate(req.getHeader("Authorization"), req.getRemoteAddr());
        if (admin.isEmpty()) {
            audit.record("legacy-admin-anonymous", "LEGACY_TOKEN_ISSUE", cut(organId), "REFUSED", "AUTH.ADMIN",
                    "missing or wrong admin credentials");
            resp.setHeader("WWW-Authenticate", "Bearer, Basic realm=\"lienthong\"");
            resp.sendError(HttpServletResponse.SC_UNAUTHORIZED);
            return;
        }
        String actFor = req.getParameter("actFor");
        List<String> allow = actFor == null || actFor.isBlank() ? List.of()
                : Arrays.stream(actFor.split(",")).map(String::trim).filter(s -> !s.isEmpty()).toList();
        String imported = blankToNull(req.getParameter("token"));
        try {
            String token = admin.get().client() == null ? tokens.issueByAdmin(organId, allow, imported)
                    : tokens.issueBy(admin.get().client(), organId, allow, imported);
            resp.setContentType("text/plain; charset=utf-8");
            resp.getOutputStream().write(("organId=" + organId + "\ntoken=" + token + "\n")
                    .getBytes(StandardCharsets.UTF_8));
        } catch (LegacyFault | Rejection | EJBException e) {
            Throwable cause = e instanceof EJBException && e.getCause() != null ? e.getCause() : e;
            LegacyFault f = cause instanceof LegacyFault lf ? lf
                    : cause instanceof Rejection r ? new LegacyFault(r.code(), r.getMessage())
                    : new LegacyFault("M.Internal", "not issued");
            audit.record(admin.get().name(), "LEGACY_TOKEN_ISSUE", cut(organId), "REFUSED", f.code(),
                    f.errors().get(0).description());
            resp.setContentType("text/plain; charset=utf-8");
            // Authenticated but not allowed to grant these organisations: 403, not 401.
            resp.setStatus(OrganisationAuthority.CODE.equals(f.code()) ? HttpServletResponse.SC_FORBIDDEN
                    : HttpServletResponse.SC_BAD_REQUEST);
            resp.getOutputStream().write((f.code() + ": " + f.errors().get(0).description() + "\n")
                    .getBytes(StandardCharsets.UTF_8));
        }
    }

    /** Who issues: the operator with the admin bearer token ({@code client} null) or a client credential. */
    private record Issuer(String name, CallerIdentity client) {
    }

    /**
     * The issuer, when the credentials are right. What it may grant is decided by {@link OrganisationAuthority}
     * (through {@link LegacyTokens#issueBy}), not here.
     */
    private Optional<Issuer> authenticate(String authorization, String clientAddress) {
        if (authorization == null) {
            return Optional.empty();
        }
        if (authorization.startsWith("Bearer ")) {
            String expected = adminToken();
            String given = authorization.substring(7).trim();
            return expected != null && expected.length() >= 32 && MessageDigest.isEqual(
                    expected.getBytes(StandardCharsets.UTF_8), given.getBytes(StandardCharsets.UTF_8))
                    ? Optional.of(new Issuer("admin", null)) : Optional.empty();
        }
        if (authorization.startsWith("Basic ")) {
            String decoded;
            try {
                decoded = new String(Base64.getDecoder().decode(authorization.substring(6).trim()), StandardCharsets.UTF_8);
            } catch (IllegalArgumentException e) {
                return Optional.empty();
            }
            int colon = decoded.indexOf(':');
            if (colon <= 0) {
                return Optional.empty();
            }
            String user = decoded.substring(0, colon);
            if (user.startsWith(LegacyTokens.USER_PREFIX)) {
                return Optional.empty(); // a legacy token holder never manages tokens
            }
            // The same throttle as the WS UsernameToken login: guessing a WS password here counts there too.
            String account = LoginThrottle.user(user);
            if (throttle.locked(account)) {
                return Optional.empty();
            }
            if (!credentials.authenticate(user, decoded.substring(colon + 1).toCharArray())) {
                throttle.failed(account);
                return Optional.empty();
            }
            throttle.succeeded(account);
            return Optional.of(new Issuer(user, new CallerIdentity(user, null, clientAddress)));
        }
        return Optional.empty();
    }

    private String adminToken() {
        if (settings.adminToken().isPresent()) {
            return settings.adminToken().get().trim();
        }
        Path demo = settings.dataDir().resolve("admin-token");
        try {
            return settings.demoEnabled() && Files.isRegularFile(demo) ? Files.readString(demo).trim() : null;
        } catch (IOException e) {
            return null;
        }
    }

    private static String cut(String s) {
        return s == null || s.length() <= 35 ? s : s.substring(0, 35);
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }
}
