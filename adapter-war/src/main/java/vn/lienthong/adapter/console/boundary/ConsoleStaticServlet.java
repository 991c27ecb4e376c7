package vn.lienthong.adapter.console.boundary;

import java.io.IOException;
import java.io.InputStream;
import java.util.Map;

import jakarta.servlet.annotation.ServletSecurity;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * The console's style sheet, its one script and Chart.js (from the WebJar on the class path, Maven Central; no
 * download at run time, no CDN). A fixed list: nothing else on the class path can be fetched through here.
 */
// Open to everyone: more specific than the console servlet's /console/* constraint, which would otherwise send
// the sign-in page (and its style sheet) to the sign-in page for ever.
@ServletSecurity
@WebServlet(name = "console-static", urlPatterns = ConsoleAuthentication.PREFIX + "/static/*")
public class ConsoleStaticServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;
    private static final String OWN = "/vn/lienthong/adapter/console/boundary/static/";
    /** Version of org.webjars.npm:chart.js in the parent pom. */
    static final String CHART_JS = "/META-INF/resources/webjars/chart.js/4.4.1/dist/chart.umd.js";
    private static final Map<String, String[]> FILES = Map.of(
            "/console.css", new String[] { OWN + "console.css", "text/css; charset=UTF-8" },
            "/console.js", new String[] { OWN + "console.js", "text/javascript; charset=UTF-8" },
            "/chart.umd.js", new String[] { CHART_JS, "text/javascript; charset=UTF-8" });

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String[] file = FILES.get(request.getPathInfo() == null ? "" : request.getPathInfo());
        InputStream in = file == null ? null : ConsoleStaticServlet.class.getResourceAsStream(file[0]);
        if (in == null) {
            response.sendError(404);
            return;
        }
        try (in) {
            byte[] body = in.readAllBytes();
            response.setContentType(file[1]);
            response.setHeader("Cache-Control", "private, max-age=3600");
            response.setContentLength(body.length);
            response.getOutputStream().write(body);
        }
    }
}
