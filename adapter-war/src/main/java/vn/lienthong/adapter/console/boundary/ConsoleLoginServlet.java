package vn.lienthong.adapter.console.boundary;

import static vn.lienthong.adapter.console.boundary.Html.esc;

import java.io.IOException;
import java.util.regex.Pattern;

import jakarta.servlet.annotation.ServletSecurity;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * The sign-in page. Its form goes to {@code POST /console/login}, which {@link ConsoleAuthentication} answers
 * before any servlet; a refused sign-in comes back here with its code ({@code ?e=AUTH.PASSWORD}), shown on the
 * page. Over plain HTTP the page says HTTPS is required: the session cookie is {@code Secure}.
 */
// Open to everyone: more specific than the console servlet's /console/* constraint, which would otherwise send
// the sign-in page (and its style sheet) to the sign-in page for ever.
@ServletSecurity
@WebServlet(name = "console-login", urlPatterns = ConsoleAuthentication.LOGIN)
public class ConsoleLoginServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;
    private static final Pattern CODE = Pattern.compile("[A-Z]+\\.[A-Z_]{1,40}");

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        ConsoleText text = ConsoleServlet.language(request);
        View v = new View(request, null, text);
        StringBuilder b = new StringBuilder();
        String code = request.getParameter("e");
        if (code != null && CODE.matcher(code).matches()) {
            b.append("<p class=\"refusal\"><code id=\"refusal-code\">").append(esc(code)).append("</code> ")
                    .append(v.t("login.refused." + code)).append("</p>");
        }
        if (!request.isSecure()) {
            b.append("<p class=\"hint\" id=\"tls-hint\">").append(v.t("login.tls")).append("</p>");
        }
        if (request.getUserPrincipal() != null) {
            b.append("<p id=\"signed-in\">").append(v.t("login.already")).append(" <a href=\"").append(esc(v.base))
                    .append("/\">").append(v.t("nav.dashboard")).append("</a></p>");
        }
        b.append(v.form("/login", "login-form", "<label>" + v.t("col.user")
                + "<input type=\"text\" name=\"username\" id=\"username\" autocomplete=\"username\" required"
                + " maxlength=\"100\"></label><label>" + v.t("login.password")
                + "<input type=\"password\" name=\"password\" id=\"password\" autocomplete=\"current-password\""
                + " required maxlength=\"200\"></label><button type=\"submit\" id=\"login\">" + v.t("action.login")
                + "</button>"));
        ConsoleServlet.write(response, 200, v.page("login.title", b.toString()));
    }

    @Override
    protected void doPost(HttpServletRequest request, HttpServletResponse response) throws IOException {
        // Only reached if the mechanism did not answer: never sign anyone in here.
        response.sendRedirect(request.getContextPath() + ConsoleAuthentication.LOGIN + "?e=SYS.INTERNAL");
    }
}
