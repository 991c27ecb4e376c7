package vn.lienthong.adapter.console.boundary;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.Proxy;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;

import org.junit.jupiter.api.Test;

import vn.lienthong.adapter.console.control.ConsoleCaller;
import vn.lienthong.adapter.console.control.ConsoleQueries;
import vn.lienthong.adapter.console.entity.ConsoleRole;

/**
 * The dashboard's completeness chart: the counterparts with most deliveries, at most 20 bars, figures in data
 * attributes in the same order, every value escaped (organisation codes come from packages); the table lists all.
 */
class OverviewPagesTest {

    @Test
    void theCompletenessChartShowsTheLargestCounterpartsAndTheTableAllOfThem() {
        List<ConsoleQueries.Completeness> rows = new ArrayList<>();
        for (int i = 1; i <= 25; i++) {
            rows.add(new ConsoleQueries.Completeness(String.format("000.00.00.H%02d", i), i, 0, 0, 1));
        }
        rows.add(new ConsoleQueries.Completeness("\"><script>x</script>", 100, 1, 2, 3));
        String html = OverviewPages.dashboard(view(), new ConsoleQueries.Dashboard(1, 2, 3, 4, 0, 0, 0,
                Duration.ZERO, List.of(), rows));

        String labels = attribute(html, "completeness-chart", "data-labels");
        List<String> bars = List.of(labels.split(","));
        assertEquals(OverviewPages.CHART_COUNTERPARTS, bars.size());
        assertEquals("&quot;&gt;&lt;script&gt;x&lt;/script&gt;", bars.get(0), "largest first, escaped");
        assertEquals("000.00.00.H25", bars.get(1));
        assertFalse(labels.contains("000.00.00.H06"), "the smallest left out of the chart");
        assertEquals("100,25,24", attribute(html, "completeness-chart", "data-full").substring(0, 9));
        assertEquals("3,1,1", attribute(html, "completeness-chart", "data-nothing").substring(0, 5));
        assertFalse(html.contains("<script>x"), "no markup from the store");
        assertTrue(html.contains("<td>000.00.00.H01</td>"), "the table lists every counterpart");
    }

    @Test
    void noCounterpartNoChart() {
        String html = OverviewPages.dashboard(view(), new ConsoleQueries.Dashboard(0, 0, 0, 0, 0, 0, 0, null,
                List.of(), List.of()));
        assertFalse(html.contains("completeness-chart"));
        assertTrue(html.contains("id=\"completeness\""));
    }

    private static String attribute(String html, String id, String name) {
        Matcher m = Pattern.compile("id=\"" + id + "\"[^>]*? " + name + "=\"([^\"]*)\"").matcher(html);
        assertTrue(m.find(), name + " of " + id);
        return m.group(1);
    }

    /** A view of a GET request with a session, as the servlet builds it (no container in unit tests). */
    private static View view() {
        Map<String, Object> attributes = new HashMap<>();
        HttpSession session = (HttpSession) Proxy.newProxyInstance(OverviewPagesTest.class.getClassLoader(),
                new Class<?>[] {HttpSession.class}, (p, m, a) -> switch (m.getName()) {
                    case "getAttribute" -> attributes.get(a[0]);
                    case "setAttribute" -> attributes.put((String) a[0], a[1]);
                    default -> null;
                });
        HttpServletRequest request = (HttpServletRequest) Proxy.newProxyInstance(
                OverviewPagesTest.class.getClassLoader(), new Class<?>[] {HttpServletRequest.class},
                (p, m, a) -> switch (m.getName()) {
                    case "getSession" -> session;
                    case "getContextPath" -> "/lienthong";
                    case "getMethod" -> "GET";
                    case "getRequestURI" -> "/lienthong/console/";
                    default -> null;
                });
        ConsoleCaller admin = new ConsoleCaller("demo-admin", ConsoleRole.ADMINISTRATOR, true, List.of(), "127.0.0.1");
        return new View(request, admin, new ConsoleText(ConsoleText.VI));
    }
}
