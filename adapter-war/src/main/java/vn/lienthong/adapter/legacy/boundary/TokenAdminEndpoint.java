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
import vn.lienthong.adapter.legacy.control.LegacyFault;
import vn.lienthong.adapter.legacy.control.LegacyTokens;
import vn.lienthong.adapter.security.control.CredentialStore;
import vn.lienthong.adapter.security.control.LoginThrottle;

/**
 * Issues (or imports) an organisation's old-protocol token: {@code POST /services/EdocAdmin/tokens} with form
 * fields {@code organId}, optional {@code actFor} (comma-separated allow-list) and optional {@code token} (import
 * an existing hub token so the client needs no change). Who may: the operator with the admin bearer token
 * ({@code adapter.admin.token}, in demo mode {@code <data>/admin-token}) for any organisation, or a WS-Security
 * client credential (HTTP Basic, its password) for organisations it already may act for. Always audited. The
 * token is in the answer once and nowhere else.
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
            resp.sendError(HttpServletResponse.SC_NOT_FOUND);
            return;
        }
        String organId = req.getParameter("organId");
        Optional<String> admin = authenticate(req.getHeader("Authorization"), organId);
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
        try {
            String token = tokens.issue(admin.get(), organId, allow, blankToNull(req.getParameter("token")));
            resp.setContentType("text/plain; charset=utf-8");
            resp.getOutputStream().write(("organId=" + organId + "\ntoken=" + token + "\n")
                    .getBytes(StandardCharsets.UTF_8));
        } catch (LegacyFault | EJBException e) {
            LegacyFault f = e instanceof LegacyFault lf ? lf
                    : e.getCause() instanceof LegacyFault lf2 ? lf2 : new LegacyFault("M.Internal", "not issued");
            audit.record(admin.get(), "LEGACY_TOKEN_ISSUE", cut(organId), "REFUSED", f.code(),
                    f.errors().get(0).description());
            resp.setContentType("text/plain; charset=utf-8");
            resp.setStatus(HttpServletResponse.SC_BAD_REQUEST);
            resp.getOutputStream().write((f.code() + ": " + f.errors().get(0).description() + "\n")
                    .getBytes(StandardCharsets.UTF_8));
        }
    }

    /** The acting administrator's name, when the credentials are right for this organisation. */
    private Optional<String> authenticate(String authorization, String organId) {
        if (authorization == null) {
            return Optional.empty();
        }
        if (authorization.startsWith("Bearer ")) {
            String expected = adminToken();
            String given = authorization.substring(7).trim();
            return expected != null && expected.length() >= 32 && MessageDigest.isEqual(
                    expected.getBytes(StandardCharsets.UTF_8), given.getBytes(StandardCharsets.UTF_8))
                    ? Optional.of("admin") : Optional.empty();
        }
        if (authorization.startsWith("Basic ")) {
            String decoded;
            try {
                decoded = new String(Base64.getDecoder().decode(authorization.substring(6).trim()), StandardCharsets.UTF_8);
            } catch (IllegalArgumentException e) {
                return Optional.empty();
            }
            int colon = decoded.indexOf(':');
            if (colon <= 0 || organId == null) {
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
            boolean passwordOk = credentials.authenticate(user, decoded.substring(colon + 1).toCharArray());
            if (!passwordOk) {
                throttle.failed(account);
                return Optional.empty();
            }
            throttle.succeeded(account);
            return credentials.find(user).map(c -> c.mayActFor(organId)).orElse(false)
                    ? Optional.of(user) : Optional.empty();
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
