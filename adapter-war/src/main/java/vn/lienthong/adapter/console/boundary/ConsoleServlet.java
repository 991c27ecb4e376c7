package vn.lienthong.adapter.console.boundary;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
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
import vn.lienthong.adapter.platform.time.VietnamTime;
import vn.lienthong.adapter.console.entity.ConsoleRole;
import vn.lienthong.adapter.reception.control.OurOrganisations;
import vn.lienthong.adapter.statistics.control.CsvExport;
import vn.lienthong.adapter.statistics.control.ExchangeStatistics;
import vn.lienthong.adapter.statistics.control.Labels;
import vn.lienthong.adapter.statistics.control.MonthlyFigures;
import vn.lienthong.adapter.statistics.control.StatisticsDownloads;
import vn.lienthong.adapter.statistics.control.StatisticsRequest;
import vn.lienthong.adapter.statistics.control.XlsxExport;
import vn.lienthong.adapter.statistics.entity.StatisticsResult;
import vn.lienthong.adapter.tracking.entity.Document;
import vn.lienthong.adapter.tracking.entity.DocumentState;
import vn.lienthong.adapter.vocabulary.Rejection;

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
    @Inject
    transient ExchangeStatistics statistics;
    @Inject
    transient OurOrganisations ours;

    /** A page that answers with a refusal inside itself (the statistics form) sets its HTTP status here. */
    private static final String STATUS = ConsoleServlet.class.getName() + ".status";

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
            if (("GET".equals(method) || "HEAD".equals(method)) && path.startsWith("/statistics/")) {
                statisticsDownload(view, path, response);
                return;
            } else if ("GET".equals(method) || "HEAD".equals(method)) {
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
            Object status = request.getAttribute(STATUS);
            write(response, status instanceof Integer i ? i : 200, html);
        } catch (Rejection r) {
            ConsoleRefusal refusal = statisticsRefusal(r);
            actions.refused(caller, "CONSOLE_STATISTICS", null, refusal, method + " " + path);
            write(response, refusal.status(), view.refusal(r.code(), r.getMessage()));
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
            case "/statistics" -> statistics(v);
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

    /** The statistics form and figures; a refused parameter is shown with its code under the form. */
    private String statistics(View v) {
        StatisticsPages.Form f = statisticsForm(v);
        Set<String> choices = new TreeSet<>(ours.all());
        choices.removeIf(o -> !v.caller.maySee(o));
        try {
            StatisticsResult r = statistics.compute(statisticsQuery(v, f));
            return StatisticsPages.page(v, f, choices, r, null);
        } catch (Rejection r) {
            ConsoleRefusal refusal = statisticsRefusal(r);
            actions.refused(v.caller, "CONSOLE_STATISTICS", f.organisation(), refusal, "GET /statistics");
            v.request.setAttribute(STATUS, refusal.status());
            return StatisticsPages.page(v, f, choices, null, r);
        }
    }

    /** CSV, XLSX or the monthly report of the form's query: GET links, the session cookie authenticates them. */
    private void statisticsDownload(View v, String path, HttpServletResponse response) throws IOException {
        StatisticsPages.Form f = statisticsForm(v);
        Labels labels = Labels.of(v.text.lang());
        String detail;
        switch (path) {
            case "/statistics/export.csv", "/statistics/export.xlsx" -> {
                StatisticsResult r = statistics.compute(statisticsQuery(v, f));
                boolean csv = path.endsWith(".csv");
                detail = (csv ? "csv " : "xlsx ") + r.query().from() + "/" + r.query().to() + " "
                        + r.query().organisations();
                actions.record(v.caller, "CONSOLE_STATISTICS_EXPORT", f.organisation(), "OK", detail);
                response.setContentType(csv ? StatisticsDownloads.CSV_TYPE : StatisticsDownloads.XLSX_TYPE);
                response.setHeader("Content-Disposition", StatisticsDownloads.attachment(r, csv ? "csv" : "xlsx"));
                if (csv) {
                    new CsvExport(labels).write(r, response.getOutputStream());
                } else {
                    new XlsxExport(labels).write(r, response.getOutputStream());
                }
            }
            case "/statistics/report" -> {
                YearMonth m = StatisticsRequest.month(f.month());
                MonthlyFigures figures = statistics.month(m, StatisticsRequest.scope(
                        StatisticsRequest.list(f.organisation()), ours.all(), mayView(v.caller)));
                actions.record(v.caller, "CONSOLE_STATISTICS_EXPORT", f.organisation(), "OK",
                        "report " + m + " " + figures.scope());
                response.setContentType(StatisticsDownloads.REPORT_TYPE);
                // The report styles itself with one style element; it runs nothing and loads nothing.
                response.setHeader("Content-Security-Policy", StatisticsDownloads.REPORT_CSP);
                figures.write(labels, response.getOutputStream());
            }
            default -> throw new ConsoleRefusal(ConsoleRefusal.NOT_FOUND, 404, "There is nothing at this address");
        }
    }

    private StatisticsPages.Form statisticsForm(View v) {
        String month = param(v, "month");
        boolean nothingAsked = month == null && param(v, "from") == null && param(v, "to") == null;
        // The first visit shows this month (Vietnam time).
        return new StatisticsPages.Form(nothingAsked ? YearMonth.now(VietnamTime.ZONE).toString() : month,
                param(v, "from"), param(v, "to"), param(v, "organisation"), param(v, "counterpart"),
                param(v, "groupBy"), param(v, "split"));
    }

    private vn.lienthong.adapter.statistics.entity.StatisticsQuery statisticsQuery(View v, StatisticsPages.Form f) {
        return StatisticsRequest.parse(f.from(), f.to(), f.month(), null, StatisticsRequest.list(f.organisation()),
                f.counterpart(), f.groupBy(), f.split(), ours.all(), mayView(v.caller));
    }

    /** The organisations whose figures the user may see: all for an administrator, else its own. */
    private static Set<String> mayView(ConsoleCaller caller) {
        return caller.all() ? null : Set.copyOf(caller.organIds());
    }

    private static ConsoleRefusal statisticsRefusal(Rejection r) {
        return new ConsoleRefusal(r.code(), "STATS.FORBIDDEN_ORGANISATION".equals(r.code()) ? 403 : 400,
                r.getMessage());
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
