package vn.lienthong.adapter.console.boundary;

import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.logging.Level;
import java.util.logging.Logger;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.security.enterprise.AuthenticationStatus;
import jakarta.security.enterprise.authentication.mechanism.http.HttpAuthenticationMechanism;
import jakarta.security.enterprise.authentication.mechanism.http.HttpMessageContext;
import jakarta.security.enterprise.credential.UsernamePasswordCredential;
import jakarta.security.enterprise.identitystore.CredentialValidationResult;
import jakarta.security.enterprise.identitystore.IdentityStoreHandler;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;

import vn.lienthong.adapter.audit.control.AuditLog;
import vn.lienthong.adapter.configuration.AdapterSettings;
import vn.lienthong.adapter.console.control.ConsoleCaller;
import vn.lienthong.adapter.console.control.ConsoleRefusal;
import vn.lienthong.adapter.console.control.ConsoleUsers;
import vn.lienthong.adapter.console.entity.ConsoleUser;
import vn.lienthong.adapter.security.control.LoginThrottle;

/**
 * The console's Jakarta Security mechanism: a form sign-in at {@code POST /console/login} (over TLS, with the
 * session's form token, through the shared {@link LoginThrottle}), checked by the identity store over
 * {@code console_user}; afterwards the session names the user and each request is re-authenticated from the
 * store (a disabled user is out at the next click). Outside {@code /console} it does nothing, so the SOAP and
 * admin faces keep their own authentication. Refusals go back to the sign-in page with their code
 * ({@code AUTH.PASSWORD}, {@code AUTH.LOCKED}, {@code AUTH.CSRF}, {@code AUTH.TLS_REQUIRED},
 * {@code LIMIT.REQUEST_SIZE}), each audited ({@code CONSOLE_LOGIN}).
 */
@ApplicationScoped
public class ConsoleAuthentication implements HttpAuthenticationMechanism {

    static final String PREFIX = "/console";
    static final String LOGIN = PREFIX + "/login";
    static final String AUDIT_LOGIN = "CONSOLE_LOGIN";
    /** A sign-in form is a few hundred bytes; anything larger is not one. */
    static final int MAX_LOGIN_BYTES = 16 * 1024;
    private static final Logger LOG = Logger.getLogger(ConsoleAuthentication.class.getName());

    @Inject
    IdentityStoreHandler identities;
    @Inject
    LoginThrottle throttle;
    @Inject
    ConsoleUsers users;
    @Inject
    AuditLog audit;
    @Inject
    AdapterSettings settings;

    @Override
    public AuthenticationStatus validateRequest(HttpServletRequest request, HttpServletResponse response,
            HttpMessageContext context) {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        if (!path.equals(PREFIX) && !path.startsWith(PREFIX + "/")) {
            return context.doNothing();
        }
        try {
            if (path.equals(LOGIN) && "POST".equals(request.getMethod())) {
                AuthenticationStatus status = signIn(request, context);
                ConsoleSession.sameSiteStrict(response);
                return status;
            }
            String name = ConsoleSession.user(request);
            if (name != null) {
                Optional<ConsoleUser> user = users.find(name).filter(ConsoleUser::isEnabled);
                if (user.isPresent()) {
                    return context.notifyContainerAboutLogin(name, Set.of(user.get().getRole().roleName()));
                }
                request.getSession().invalidate();
            }
            return context.isProtected() ? seeOther(context, request.getContextPath() + LOGIN) : context.doNothing();
        } catch (RuntimeException e) {
            LOG.log(Level.SEVERE, "Console sign-in failed", e);
            return seeOther(context, request.getContextPath() + LOGIN + "?e=SYS.INTERNAL");
        }
    }

    private AuthenticationStatus signIn(HttpServletRequest request, HttpMessageContext context) {
        String address = request.getRemoteAddr();
        String username = cut(request.getParameter("username"));
        if (!overTls(request)) {
            return refuse(request, context, ConsoleRefusal.TLS, username, "sign-in over plain HTTP");
        }
        if (request.getContentLengthLong() < 0 || request.getContentLengthLong() > MAX_LOGIN_BYTES) {
            return refuse(request, context, "LIMIT.REQUEST_SIZE", null, "sign-in form without length or too large");
        }
        if (!ConsoleSession.csrfValid(request)) {
            return refuse(request, context, ConsoleRefusal.CSRF, username, "sign-in form without the session token");
        }
        String password = request.getParameter("password");
        if (username == null || username.isEmpty() || password == null) {
            return refuse(request, context, "AUTH.PASSWORD", username, "user name or password missing");
        }
        String userKey = LoginThrottle.user("console/" + username);
        String addressKey = LoginThrottle.address(address);
        if (throttle.locked(userKey, addressKey)) {
            return refuse(request, context, "AUTH.LOCKED", username, "too many failed sign-ins");
        }
        CredentialValidationResult result = identities.validate(
                new UsernamePasswordCredential(username, password));
        if (result.getStatus() != CredentialValidationResult.Status.VALID) {
            throttle.failed(userKey, addressKey);
            return refuse(request, context, "AUTH.PASSWORD", username, "wrong user name or password");
        }
        throttle.succeeded(userKey);
        request.changeSessionId(); // no session fixation: the pre-login id is worth nothing now
        HttpSession session = request.getSession();
        session.setAttribute(ConsoleSession.USER, result.getCallerPrincipal().getName());
        ConsoleSession.rotateCsrf(session);
        audit.record(ConsoleCaller.ACTOR_PREFIX + username, AUDIT_LOGIN, null, "OK", null, "client=" + address);
        return seeOther(context, request.getContextPath() + PREFIX + "/");
    }

    private AuthenticationStatus refuse(HttpServletRequest request, HttpMessageContext context, String code,
            String username, String reason) {
        audit.record(username == null ? null : ConsoleCaller.ACTOR_PREFIX + username, AUDIT_LOGIN, null, "REFUSED",
                code, reason + "; client=" + request.getRemoteAddr());
        return seeOther(context, request.getContextPath() + LOGIN + "?e=" + code);
    }

    /**
     * A bodiless 303 to {@code location} (relative to the host). {@code HttpMessageContext.redirect} would answer
     * with the container's small HTML page, which names no product but is still a server page.
     */
    private static AuthenticationStatus seeOther(HttpMessageContext context, String location) {
        HttpServletResponse response = context.getResponse();
        response.setStatus(HttpServletResponse.SC_SEE_OTHER);
        response.setHeader("Location", location);
        response.setHeader("Cache-Control", "no-store");
        response.setContentLength(0);
        return AuthenticationStatus.SEND_CONTINUE;
    }

    private boolean overTls(HttpServletRequest request) {
        return request.isSecure() || settings.tlsTrustedProxyHeader().map(request::getHeader)
                .map(v -> v.trim().toLowerCase(Locale.ROOT).equals("https")).orElse(false);
    }

    private static String cut(String s) {
        if (s == null) {
            return null;
        }
        String t = s.trim();
        return t.length() > 100 ? t.substring(0, 100) : t;
    }
}
