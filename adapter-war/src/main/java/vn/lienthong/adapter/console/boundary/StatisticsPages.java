package vn.lienthong.adapter.console.boundary;

import static vn.lienthong.adapter.console.boundary.Html.esc;

import java.util.Collection;
import java.util.function.Function;

import vn.lienthong.adapter.statistics.control.Labels;
import vn.lienthong.adapter.statistics.control.StatisticsTable;
import vn.lienthong.adapter.statistics.entity.DirectionFigures;
import vn.lienthong.adapter.statistics.entity.StatisticsResult;
import vn.lienthong.adapter.statistics.entity.StatisticsRow;
import vn.lienthong.adapter.statistics.entity.Timing;
import vn.lienthong.adapter.vocabulary.Rejection;

/**
 * The statistics page: a GET form (month, or from/to; one organisation among those the user may see; counterpart;
 * group by; split), the figures of each result row as an item × sent / received table in the words of the exports
 * ({@link Labels}), and GET links to the CSV, XLSX and monthly report of the same query (the session cookie
 * authenticates them, nothing secret in the address).
 */
final class StatisticsPages {

    /** The form's fields as typed (trimmed, null when empty). */
    record Form(String month, String from, String to, String organisation, String counterpart, String groupBy,
            String split) {

        /** The query part of the download links, with the console's language. */
        String query(String lang) {
            return "month=" + Html.url(month) + "&from=" + Html.url(from) + "&to=" + Html.url(to) + "&organisation="
                    + Html.url(organisation) + "&counterpart=" + Html.url(counterpart) + "&groupBy="
                    + Html.url(groupBy) + "&split=" + Html.url(split) + "&lang=" + lang;
        }
    }

    private StatisticsPages() {
    }

    /** The page: the form, then the refusal (its stable code) or the figures with their downloads. */
    static String page(View v, Form f, Collection<String> organisations, StatisticsResult result, Rejection refused) {
        Labels l = Labels.of(v.text.lang());
        StringBuilder b = new StringBuilder(16384);
        form(b, v, f, organisations);
        if (refused != null) {
            b.append("<p class=\"refusal\"><code id=\"refusal-code\">").append(esc(refused.code())).append("</code> ")
                    .append(esc(refused.getMessage())).append("</p>");
            return v.page("nav.statistics", b.toString());
        }
        String q = f.query(v.text.lang());
        b.append("<p class=\"downloads\">").append(v.t("stats.downloads")).append(' ')
                .append(link(v, "stats-csv", "/statistics/export.csv?" + q, "CSV")).append(' ')
                .append(link(v, "stats-xlsx", "/statistics/export.xlsx?" + q, "XLSX"));
        if (f.month() != null) {
            b.append(' ').append(link(v, "stats-report", "/statistics/report?month=" + Html.url(f.month())
                    + "&organisation=" + Html.url(f.organisation()) + "&lang=" + v.text.lang(),
                    v.text.get("stats.report")));
        }
        b.append("</p><p class=\"hint\">").append(v.t("stats.hint")).append("</p>");
        if (result.rows().isEmpty()) {
            b.append("<p id=\"stats-empty\">").append(esc(l.get("noData"))).append("</p>");
        }
        for (int i = 0; i < result.rows().size(); i++) {
            row(b, v, l, i, result.rows().get(i), result);
        }
        return v.page("nav.statistics", b.toString());
    }

    private static void form(StringBuilder b, View v, Form f, Collection<String> organisations) {
        b.append("<form method=\"get\" action=\"").append(esc(v.base + "/statistics")).append("\" id=\"stats-form\"")
                .append(" class=\"search\">");
        input(b, v, "month", "month", f.month(), "stats.month");
        input(b, v, "date", "from", f.from(), "stats.from");
        input(b, v, "date", "to", f.to(), "stats.to");
        b.append("<label>").append(v.t("stats.organisation")).append(" <select name=\"organisation\">")
                .append("<option value=\"\">").append(v.t("stats.allMine")).append("</option>");
        for (String o : organisations) {
            b.append("<option value=\"").append(esc(o)).append("\"")
                    .append(o.equals(f.organisation()) ? " selected" : "")
                    .append(">").append(esc(o)).append("</option>");
        }
        b.append("</select></label>");
        input(b, v, "text", "counterpart", f.counterpart(), "stats.counterpart");
        select(b, v, "groupBy", f.groupBy(), "stats.groupBy", "total", "day", "month", "year");
        select(b, v, "split", f.split(), "stats.split", "", "organisation", "counterpart", "organisation,counterpart");
        b.append("<button type=\"submit\" id=\"stats-submit\">").append(v.t("stats.show")).append("</button></form>");
    }

    private static void input(StringBuilder b, View v, String type, String name, String value, String key) {
        b.append("<label>").append(v.t(key)).append(" <input type=\"").append(type).append("\" name=\"").append(name)
                .append("\" value=\"").append(esc(value)).append("\"></label>");
    }

    private static void select(StringBuilder b, View v, String name, String value, String key, String... options) {
        b.append("<label>").append(v.t(key)).append(" <select name=\"").append(name).append("\">");
        for (String o : options) {
            boolean chosen = o.equals(value == null ? options[0] : value);
            b.append("<option value=\"").append(esc(o)).append("\"").append(chosen ? " selected" : "").append(">")
                    .append(v.t(key + "." + (o.isEmpty() ? "none" : o.replace(',', '-')))).append("</option>");
        }
        b.append("</select></label>");
    }

    private static String link(View v, String id, String path, String label) {
        return "<a class=\"button\" id=\"" + id + "\" href=\"" + esc(v.base + path) + "\">" + esc(label) + "</a>";
    }

    /** One result row: item, sent, received. Cells carry data-item so tests and readers find a figure by name. */
    private static void row(StringBuilder b, View v, Labels l, int index, StatisticsRow r,
            StatisticsResult result) {
        b.append("<section class=\"stats-row\"><h2>").append(esc(l.get("period"))).append(": ").append(esc(r.period()))
                .append(" · ").append(esc(l.get("organisation"))).append(": ")
                .append(esc(organisation(l, r, result.query().organisations())))
                .append(" · ").append(esc(l.get("counterpart"))).append(": ").append(esc(all(l, r.counterpart())))
                .append("</h2><table class=\"figures\" id=\"stats-").append(index).append("\">")
                .append(Html.head(l.get("item"), l.get("sent"), l.get("received"))).append("<tbody>");
        DirectionFigures s = r.sent();
        DirectionFigures d = r.received();
        line(b, l, "documents", s, d, x -> Long.toString(x.documents()));
        line(b, l, "recalls", s, d, x -> Long.toString(x.recalls()));
        line(b, l, "updates", s, d, x -> Long.toString(x.updates()));
        line(b, l, "replacements", s, d, x -> Long.toString(x.replacements()));
        line(b, l, "byDocumentType", s, d, x -> orDash(StatisticsTable.breakdown(x.byDocumentType())));
        line(b, l, "byUrgency", s, d, x -> orDash(StatisticsTable.breakdown(x.byUrgency())));
        line(b, l, "failed", s, d, x -> Long.toString(x.failed()));
        line(b, l, "dead", s, d, x -> Long.toString(x.dead()));
        line(b, l, "cancelled", s, d, x -> Long.toString(x.cancelledBeforeSending()));
        line(b, l, "pairs", s, d, x -> Long.toString(x.feedback().pairs()));
        line(b, l, "complete", s, d, x -> Long.toString(x.feedback().complete()));
        line(b, l, "partial", s, d, x -> Long.toString(x.feedback().partial()));
        line(b, l, "arrivedOnly", s, d, x -> Long.toString(x.feedback().arrivedOnly()));
        line(b, l, "none", s, d, x -> Long.toString(x.feedback().none()));
        line(b, l, "overdue", s, d, x -> Long.toString(x.feedback().overdue()));
        timing(b, v, l, "to01", s, d, x -> x.feedback().to01());
        timing(b, v, l, "to03", s, d, x -> x.feedback().to03());
        timing(b, v, l, "to06", s, d, x -> x.feedback().to06());
        b.append("</tbody></table></section>");
    }

    private static void line(StringBuilder b, Labels l, String item, DirectionFigures sent, DirectionFigures received,
            Function<DirectionFigures, String> cell) {
        b.append("<tr data-item=\"").append(item).append("\"><th>").append(esc(l.get(item)))
                .append("</th><td class=\"sent\">").append(esc(cell.apply(sent))).append("</td><td class=\"received\">")
                .append(esc(cell.apply(received))).append("</td></tr>");
    }

    private static void timing(StringBuilder b, View v, Labels l, String item, DirectionFigures sent,
            DirectionFigures received, Function<DirectionFigures, Timing> t) {
        line(b, l, item, sent, received, x -> t.apply(x).reached() + " " + l.get("reached"));
        b.append("<tr data-item=\"").append(item).append("-median\"><th>").append(esc(l.get(item))).append(", ")
                .append(v.t("stats.median")).append("</th><td class=\"sent\">")
                .append(duration(t.apply(sent).medianSeconds())).append("</td><td class=\"received\">")
                .append(duration(t.apply(received).medianSeconds())).append("</td></tr>");
        b.append("<tr data-item=\"").append(item).append("-p90\"><th>").append(esc(l.get(item))).append(", ")
                .append(v.t("stats.p90")).append("</th><td class=\"sent\">")
                .append(duration(t.apply(sent).p90Seconds())).append("</td><td class=\"received\">")
                .append(duration(t.apply(received).p90Seconds())).append("</td></tr>");
    }

    private static String orDash(String s) {
        return s.isEmpty() ? "—" : s;
    }

    /** Seconds as people read them: {@code 42 s}, {@code 3 min 5 s}, {@code 2 h 10 min}; a dash for none. */
    static String duration(Double seconds) {
        if (seconds == null) {
            return "—";
        }
        long s = Math.round(seconds);
        if (s < 60) {
            return s + " s";
        }
        if (s < 3600) {
            return (s / 60) + " min " + (s % 60) + " s";
        }
        return (s / 3600) + " h " + (s % 3600 / 60) + " min";
    }

    /** A row not split by organisation covers the query's organisations: name them (none named: all served here). */
    private static String organisation(Labels l, StatisticsRow r, java.util.Set<String> scope) {
        return StatisticsRow.ALL.equals(r.organisation()) && !scope.isEmpty() ? String.join(", ", scope)
                : all(l, r.organisation());
    }

    private static String all(Labels l, String organ) {
        return StatisticsRow.ALL.equals(organ) ? l.get("all") : organ;
    }
}
