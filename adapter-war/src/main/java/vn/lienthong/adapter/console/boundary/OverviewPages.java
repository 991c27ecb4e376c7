package vn.lienthong.adapter.console.boundary;

import static vn.lienthong.adapter.console.boundary.Html.esc;

import java.util.Comparator;
import java.util.List;
import java.util.function.ToLongFunction;
import java.util.stream.Collectors;

import vn.lienthong.adapter.console.control.ConsoleQueries;

/** The dashboard. */
final class OverviewPages {

    /** Bars in the completeness chart; beyond that a chart is unreadable (the table has every counterpart). */
    static final int CHART_COUNTERPARTS = 20;

    private OverviewPages() {
    }

    static String dashboard(View v, ConsoleQueries.Dashboard d) {
        StringBuilder b = new StringBuilder();
        b.append("<section class=\"cards\">");
        card(b, v, "sent-today", "dash.sentToday", d.sentToday());
        card(b, v, "received-today", "dash.receivedToday", d.receivedToday());
        card(b, v, "sent-month", "dash.sentMonth", d.sentMonth());
        card(b, v, "received-month", "dash.receivedMonth", d.receivedMonth());
        card(b, v, "outbox-depth", "dash.queued", d.queued());
        card(b, v, "in-flight", "dash.inFlight", d.inFlight());
        card(b, v, "dead", "dash.dead", d.dead());
        b.append("<div class=\"card\"><span class=\"label\">").append(v.t("dash.oldestQueued"))
                .append("</span><span class=\"figure\" id=\"oldest-queued\">").append(esc(Html.age(d.oldestQueuedAge())))
                .append("</span></div></section>");
        // The chart reads its figures from data attributes: no inline script (CSP).
        b.append("<section><h2>").append(v.t("dash.daily")).append("</h2><div class=\"chart\"><canvas id=\"daily-chart\"")
                .append(" data-labels=\"").append(esc(d.days().stream().map(x -> x.day().toString())
                        .collect(Collectors.joining(",")))).append("\"")
                .append(" data-delivered=\"").append(d.days().stream().map(x -> Long.toString(x.delivered()))
                        .collect(Collectors.joining(","))).append("\"")
                .append(" data-feedback=\"").append(d.days().stream().map(x -> Long.toString(x.feedback()))
                        .collect(Collectors.joining(","))).append("\"")
                .append(" data-label-delivered=\"").append(v.t("dash.delivered")).append("\"")
                .append(" data-label-feedback=\"").append(v.t("dash.feedback")).append("\"></canvas></div></section>");
        b.append("<section><h2>").append(v.t("dash.completeness")).append("</h2><p class=\"hint\">")
                .append(v.t("dash.completenessHint")).append("</p>");
        completenessChart(b, v, d);
        b.append("<table id=\"completeness\">")
                .append(Html.head(v.text.get("col.counterpart"), v.text.get("dash.full"), v.text.get("dash.partial"),
                        v.text.get("dash.only01"), v.text.get("dash.nothing"), v.text.get("dash.fullShare")))
                .append("<tbody>");
        for (ConsoleQueries.Completeness c : d.completeness()) {
            b.append(Html.row(esc(c.counterpart()), Long.toString(c.full()), Long.toString(c.partial()),
                    Long.toString(c.only01()), Long.toString(c.nothing()),
                    c.total() == 0 ? "—" : (100 * c.full() / c.total()) + " %"));
        }
        b.append("</tbody></table></section>");
        return v.page("nav.dashboard", b.toString());
    }

    /**
     * Completeness per counterpart as a stacked bar chart (the counterparts with most deliveries first, at most
     * {@value #CHART_COUNTERPARTS}; the table below lists them all). Figures in data attributes, drawn by console.js.
     */
    private static void completenessChart(StringBuilder b, View v, ConsoleQueries.Dashboard d) {
        List<ConsoleQueries.Completeness> top = d.completeness().stream()
                .sorted(Comparator.comparingLong(ConsoleQueries.Completeness::total).reversed()
                        .thenComparing(ConsoleQueries.Completeness::counterpart))
                .limit(CHART_COUNTERPARTS).toList();
        if (top.isEmpty()) {
            return;
        }
        b.append("<div class=\"chart\"><canvas id=\"completeness-chart\" data-labels=\"")
                .append(esc(top.stream().map(ConsoleQueries.Completeness::counterpart)
                        .collect(Collectors.joining(","))))
                .append("\"");
        series(b, "full", top, ConsoleQueries.Completeness::full);
        series(b, "partial", top, ConsoleQueries.Completeness::partial);
        series(b, "only01", top, ConsoleQueries.Completeness::only01);
        series(b, "nothing", top, ConsoleQueries.Completeness::nothing);
        b.append(" data-label-full=\"").append(v.t("dash.full")).append("\" data-label-partial=\"")
                .append(v.t("dash.partial")).append("\" data-label-only01=\"").append(v.t("dash.only01"))
                .append("\" data-label-nothing=\"").append(v.t("dash.nothing")).append("\"></canvas></div>");
    }

    private static void series(StringBuilder b, String name, List<ConsoleQueries.Completeness> rows,
            ToLongFunction<ConsoleQueries.Completeness> figure) {
        b.append(" data-").append(name).append("=\"").append(rows.stream().map(c -> Long.toString(figure.applyAsLong(c)))
                .collect(Collectors.joining(","))).append("\"");
    }

    private static void card(StringBuilder b, View v, String id, String key, long figure) {
        b.append("<div class=\"card\"><span class=\"label\">").append(v.t(key))
                .append("</span><span class=\"figure\" id=\"").append(id).append("\">").append(figure)
                .append("</span></div>");
    }
}
