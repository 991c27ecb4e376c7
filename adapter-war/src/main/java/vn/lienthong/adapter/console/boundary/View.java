package vn.lienthong.adapter.console.boundary;

import static vn.lienthong.adapter.console.boundary.Html.esc;

import jakarta.servlet.http.HttpServletRequest;

import vn.lienthong.adapter.console.control.ConsoleCaller;

/**
 * One request's page context: who is signed in, in which language, the form token, and the page frame (menu,
 * language switch, sign-out). Pages write only their content. No inline script or style anywhere: the
 * Content-Security-Policy forbids both.
 */
final class View {

    final HttpServletRequest request;
    final ConsoleCaller caller;
    final ConsoleText text;
    final String base;
    private final String csrf;

    View(HttpServletRequest request, ConsoleCaller caller, ConsoleText text) {
        this.request = request;
        this.caller = caller;
        this.text = text;
        this.base = request.getContextPath() + ConsoleAuthentication.PREFIX;
        this.csrf = ConsoleSession.csrfToken(request);
    }

    String t(String key) {
        return esc(text.get(key));
    }

    /** The hidden form-token field every form carries. */
    String csrfField() {
        return "<input type=\"hidden\" name=\"" + ConsoleSession.CSRF_FIELD + "\" value=\"" + esc(csrf) + "\">";
    }

    /** A POST form to {@code action} (below /console) with the token. */
    String form(String action, String id, String inner) {
        return "<form method=\"post\" action=\"" + esc(base + action) + "\"" + (id == null ? "" : " id=\"" + id + "\"")
                + ">" + csrfField() + inner + "</form>";
    }

    String page(String titleKey, String content) {
        // After a POST the language link leads to the dashboard: the action's address answers POST only.
        String here = "GET".equals(request.getMethod()) ? request.getRequestURI() : base + "/";
        String other = ConsoleText.EN.equals(text.lang()) ? ConsoleText.VI : ConsoleText.EN;
        StringBuilder b = new StringBuilder(8192);
        b.append("<!DOCTYPE html><html lang=\"").append(text.lang()).append("\"><head><meta charset=\"utf-8\">")
                .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">")
                .append("<title>").append(t(titleKey)).append(" · ").append(t("app.name")).append("</title>")
                .append("<link rel=\"stylesheet\" href=\"").append(esc(base)).append("/static/console.css\">")
                .append("</head><body><header><a class=\"brand\" href=\"").append(esc(base)).append("/\">")
                .append(t("app.name")).append("</a><nav>");
        nav(b, "/", "nav.dashboard");
        nav(b, "/documents", "nav.documents");
        nav(b, "/outbox", "nav.outbox");
        nav(b, "/inbox", "nav.inbox");
        nav(b, "/directory", "nav.directory");
        nav(b, "/statistics", "nav.statistics");
        if (caller != null && caller.isAdministrator()) {
            nav(b, "/credentials", "nav.credentials");
            nav(b, "/users", "nav.users");
        }
        nav(b, "/audit", "nav.audit");
        b.append("</nav><div class=\"who\">");
        if (caller != null) {
            b.append("<span id=\"who\">").append(esc(caller.username())).append(" · ")
                    .append(t("role." + caller.role().roleName())).append("</span>");
        }
        b.append("<a id=\"lang\" href=\"").append(esc(here)).append("?lang=").append(other).append("\">")
                .append(other.toUpperCase(java.util.Locale.ROOT)).append("</a>");
        if (caller != null) {
            b.append(form("/logout", "logout", "<button type=\"submit\">" + t("action.logout") + "</button>"));
        }
        b.append("</div></header><main><h1>").append(t(titleKey)).append("</h1>").append(content)
                .append("</main><footer>").append(t("footer.time")).append("</footer>")
                .append("<script src=\"").append(esc(base)).append("/static/chart.umd.js\"></script>")
                .append("<script src=\"").append(esc(base)).append("/static/console.js\"></script>")
                .append("</body></html>");
        return b.toString();
    }

    private void nav(StringBuilder b, String path, String key) {
        b.append("<a href=\"").append(esc(base + path)).append("\">").append(t(key)).append("</a>");
    }

    /** A refusal shown in the page frame: the stable code first, then a sentence. */
    String refusal(String code, String message) {
        return page("refusal.title", "<p class=\"refusal\"><code id=\"refusal-code\">" + esc(code) + "</code> "
                + esc(message) + "</p>");
    }

    /** A notice after an action (shown once, never put in a URL). */
    static String notice(String id, String html) {
        return "<p class=\"notice\" id=\"" + id + "\">" + html + "</p>";
    }
}
