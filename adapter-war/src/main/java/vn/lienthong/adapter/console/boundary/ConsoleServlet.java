package vn.lienthong.adapter.console.boundary;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;

import jakarta.annotation.security.DeclareRoles;
import jakarta.inject.Inject;
import jakarta.servlet.annotation.HttpConstraint;
import jakarta.servlet.annotation.ServletSecurity;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;

import vn.lienthong.adapter.console.control.ConsoleActions;
import vn.lienthong.adapter.console.control.ConsoleCaller;
import vn.lienthong.adapter.console.control.ConsoleQueries;
import vn.lienthong.adapter.console.control.ConsoleRefusal;
import vn.lienthong.adapter.console.control.ConsoleUsers;
import vn.lienthong.adapter.console.entity.ConsoleRole;
import vn.lienthong.adapter.tracking.entity.Document;
import vn.lienthong.adapter.tracking.entity.DocumentState;

/**
 * Every console page and action below {@code /console}. The container lets only signed-in users with one of the
 * three roles in (the constraint below; {@link ConsoleAuthentication} signs them in); this servlet then narrows by
 * role and organisation ({@link ConsoleActions}, {@link ConsoleQueries}). Every POST must carry the session's
 * form token ({@code AUTH.CSRF} otherwise); an action answers with its page directly (a generated password or
 * token appears once, never in a URL). Every refusal is a page with its stable code and an audit entry.
 */
@WebServlet(name = "console", urlPatterns = ConsoleAuthentication.PREFIX + "/*")
@DeclareRoles({ ConsoleRole.ADMINISTRATOR_ROLE, ConsoleRole.OPERATOR_ROLE, ConsoleRole.VIEWER_ROLE })
@ServletSecurity(@HttpConstraint(rolesAllowed = { ConsoleRole.ADMINISTRATOR_ROLE, ConsoleRole.OPERATOR_ROLE,
        ConsoleRole.VIEWER_ROLE }))
public class ConsoleServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;
    private static final Logger LOG = Logger.getLogger(ConsoleServlet.class.getName());

    @Inject
    transient ConsoleQueries queries;
    @Inject
    transient ConsoleActions actions;
    @Inject
    transient ConsoleUsers users;

    @Override
    protected void service(HttpServletRequest request, HttpServletResponse response) throws IOException {
        request.setCharacterEncoding("UTF-8");
        ConsoleCaller caller = caller(request).orElse(null);
        if (caller == null) {
            response.sendRedirect(request.getContextPath() + ConsoleAuthentication.LOGIN);
            return;
        }
        View view = new View(request, caller, language(request));
        String path = request.getPathInfo() == null ? "/" : request.getPathInfo();
        String method = request.getMethod();
        try {
            String html;
            if ("GET".equals(method) || "HEAD".equals(method)) {
                html = get(view, path);
            } else if ("POST".equals(method)) {
                if (!ConsoleSession.csrfValid(request)) {
                    throw new ConsoleRefusal(ConsoleRefusal.CSRF, 403, "The form's token is missing or wrong");
                }
                if ("/logout".equals(path)) {
                    logout(request, response, caller);
                    return;
                }
                html = post(view, path);
            } else {
                throw new ConsoleRefusal("SYS.METHOD_NOT_ALLOWED", 405, "This method is not allowed here");
            }
            if (html == null) {
                throw new ConsoleRefusal(ConsoleRefusal.NOT_FOUND, 404, "There is nothing at this address");
            }
            write(response, 200, html);
        } catch (ConsoleRefusal r) {
            actions.refused(caller, "CONSOLE_REFUSAL", null, r, method + " " + path);
            write(response, r.status(), view.refusal(r.code(), r.getMessage()));
        } catch (RuntimeException e) {
            LOG.log(Level.SEVERE, "Console request failed: " + method + " " + path, e);
            write(response, 500, view.refusal("SYS.INTERNAL", "The request could not be completed"));
        }
    }

    private String get(View v, String path) {
        String[] parts = path.split("/");
        return switch (path) {
            case "/" -> OverviewPages.dashboard(v, queries.dashboard(v.caller));
            case "/documents" -> search(v);
            case "/outbox" -> DocumentPages.outbox(v, queries.outbox(v.caller, DocumentState.QUEUED, false, 200),
                    queries.outbox(v.caller, DocumentState.QUEUED, true, 200),
                    queries.outbox(v.caller, DocumentState.DEAD, false, 200));
            case "/inbox" -> DocumentPages.inbox(v, queries.inbox(v.caller, 200));
            case "/directory" -> DocumentPages.directory(v, param(v, "q"), queries.directory(param(v, "q")));
            case "/statistics" -> OverviewPages.statistics(v);
            case "/credentials" -> {
                ConsoleActions.requireAdministrator(v.caller);
                yield AdminPages.credentials(v, actions.clientCredentials(), actions.legacyTokens(), null);
            }
            case "/users" -> {
                ConsoleActions.requireAdministrator(v.caller);
                yield AdminPages.users(v, actions.users(), null);
            }
            case "/audit" -> AdminPages.audit(v, actions.auditEntries(v.caller, param(v, "code"), param(v, "actor"),
                    200), param(v, "code"), param(v, "actor"), null);
            default -> parts.length == 3 && "documents".equals(parts[1]) ? documentPage(v, parts[2], null) : null;
        };
    }

    private String post(View v, String path) {
        String[] parts = path.split("/");
        if (parts.length == 4 && "documents".equals(parts[1])) {
            String id = parts[2];
            if ("requeue".equals(parts[3])) {
                actions.requeue(v.caller, id);
                return documentPage(v, id, View.notice("action-result", v.t("notice.requeued")));
            }
            if ("recall".equals(parts[3])) {
                String outcome = actions.recall(v.caller, id, param(v, "reason")).name();
                return documentPage(v, id, View.notice("action-result", v.t("notice.recall") + " "
                        + Html.esc(outcome)));
            }
            return null;
        }
        return switch (path) {
            case "/credentials/issue" -> {
                String password = actions.issueCredential(v.caller, param(v, "username"), list(param(v, "organs")));
                yield AdminPages.credentials(v, actions.clientCredentials(), actions.legacyTokens(),
                        View.notice("issued-secret", v.t("notice.passwordOnce") + " <code id=\"secret\">"
                                + Html.esc(password) + "</code>"));
            }
            case "/credentials/revoke" -> {
                actions.revokeCredential(v.caller, param(v, "username"));
                yield AdminPages.credentials(v, actions.clientCredentials(), actions.legacyTokens(),
                        View.notice("action-result", v.t("notice.revoked")));
            }
            case "/tokens/issue" -> {
                String token = actions.issueToken(v.caller, param(v, "organId"), list(param(v, "actFor")));
                yield AdminPages.credentials(v, actions.clientCredentials(), actions.legacyTokens(),
                        View.notice("issued-secret", v.t("notice.tokenOnce") + " <code id=\"secret\">"
                                + Html.esc(token) + "</code>"));
            }
            case "/tokens/revoke" -> {
                actions.revokeToken(v.caller, param(v, "organId"));
                yield AdminPages.credentials(v, actions.clientCredentials(), actions.legacyTokens(),
                        View.notice("action-result", v.t("notice.revoked")));
            }
            case "/users/create" -> {
                String password = actions.createUser(v.caller, param(v, "username"), param(v, "role"),
                        list(param(v, "organs")));
                yield AdminPages.users(v, actions.users(), View.notice("issued-secret", v.t("notice.passwordOnce")
                        + " <code id=\"secret\">" + Html.esc(password) + "</code>"));
            }
            case "/users/disable" -> {
                actions.disableUser(v.caller, param(v, "username"));
                yield AdminPages.users(v, actions.users(), View.notice("action-result", v.t("notice.disabled")));
            }
            case "/audit/verify" -> AdminPages.audit(v, actions.auditEntries(v.caller, null, null, 200), null, null,
                    actions.verifyAudit(v.caller));
            default -> null;
        };
    }

    private String documentPage(View v, String id, String notice) {
        ConsoleQueries.DocumentView doc = queries.document(v.caller, id)
                .orElseThrow(() -> new ConsoleRefusal(ConsoleRefusal.NOT_FOUND, 404, "No such document"));
        actions.record(v.caller, "CONSOLE_VIEW", doc.document().getSenderOrganId(), "OK",
                doc.document().getDocumentId() + " (" + id + ")");
        return DocumentPages.document(v, doc, notice);
    }

    private String search(View v) {
        ConsoleQueries.Criteria c = new ConsoleQueries.Criteria(param(v, "number"), param(v, "subject"),
                param(v, "organ"), date(v, "from"), date(v, "to"), enumParam(v, "state", DocumentState.class),
                enumParam(v, "direction", Document.Direction.class));
        int page;
        try {
            page = Integer.parseInt(Optional.ofNullable(param(v, "page")).orElse("1"));
        } catch (NumberFormatException e) {
            page = 1;
        }
        String query = "number=" + Html.url(c.number()) + "&subject=" + Html.url(c.subject()) + "&organ="
                + Html.url(c.organId()) + "&from=" + (c.from() == null ? "" : c.from()) + "&to="
                + (c.to() == null ? "" : c.to()) + "&state=" + (c.state() == null ? "" : c.state())
                + "&direction=" + (c.direction() == null ? "" : c.direction());
        return DocumentPages.search(v, c, queries.search(v.caller, c, page), query);
    }

    private void logout(HttpServletRequest request, HttpServletResponse response, ConsoleCaller caller)
            throws IOException {
        actions.record(caller, "CONSOLE_LOGOUT", null, "OK", "client=" + caller.address());
        HttpSession s = request.getSession(false);
        if (s != null) {
            s.invalidate();
        }
        try {
            request.logout();
        } catch (jakarta.servlet.ServletException e) {
            LOG.log(Level.FINE, "Container logout", e); // the session is gone already: nothing is signed in
        }
        response.sendRedirect(request.getContextPath() + ConsoleAuthentication.LOGIN);
    }

    /** The signed-in user from the container's principal, re-read from the store. */
    private Optional<ConsoleCaller> caller(HttpServletRequest request) {
        if (request.getUserPrincipal() == null) {
            return Optional.empty();
        }
        return users.find(request.getUserPrincipal().getName()).filter(u -> u.isEnabled())
                .map(u -> ConsoleCaller.of(u, request.getRemoteAddr()));
    }

    static ConsoleText language(HttpServletRequest request) {
        String asked = request.getParameter("lang");
        HttpSession s = request.getSession(true);
        if (ConsoleText.EN.equals(asked) || ConsoleText.VI.equals(asked)) {
            s.setAttribute(ConsoleSession.LANG, asked);
        }
        return new ConsoleText((String) s.getAttribute(ConsoleSession.LANG));
    }

    private static String param(View v, String name) {
        String s = v.request.getParameter(name);
        if (s == null) {
            return null;
        }
        s = s.trim();
        return s.isEmpty() ? null : (s.length() > 1000 ? s.substring(0, 1000) : s);
    }

    private static LocalDate date(View v, String name) {
        String s = param(v, name);
        try {
            return s == null ? null : LocalDate.parse(s);
        } catch (DateTimeParseException e) {
            throw new ConsoleRefusal(ConsoleRefusal.INPUT, 400, name + ": not a date (YYYY-MM-DD)");
        }
    }

    private static <E extends Enum<E>> E enumParam(View v, String name, Class<E> type) {
        String s = param(v, name);
        try {
            return s == null ? null : Enum.valueOf(type, s);
        } catch (IllegalArgumentException e) {
            throw new ConsoleRefusal(ConsoleRefusal.INPUT, 400, name + ": unknown value");
        }
    }

    /** Organisation ids typed as a list (commas or spaces). */
    static List<String> list(String s) {
        return s == null ? List.of() : Arrays.stream(s.split("[,\\s]+")).filter(x -> !x.isBlank()).distinct()
                .toList();
    }

    static void write(HttpServletResponse response, int status, String html) throws IOException {
        byte[] body = html.getBytes(StandardCharsets.UTF_8);
        response.setStatus(status);
        response.setContentType("text/html; charset=UTF-8");
        response.setContentLength(body.length);
        response.getOutputStream().write(body);
    }
}
