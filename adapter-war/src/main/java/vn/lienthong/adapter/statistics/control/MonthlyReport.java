package vn.lienthong.adapter.statistics.control;

import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.time.YearMonth;
import java.util.Collection;
import java.util.List;
import java.util.Locale;

import vn.lienthong.adapter.platform.time.VietnamTime;
import vn.lienthong.adapter.statistics.entity.DirectionFigures;
import vn.lienthong.adapter.statistics.entity.Feedback;
import vn.lienthong.adapter.statistics.entity.StatisticsResult;
import vn.lienthong.adapter.statistics.entity.StatisticsRow;
import vn.lienthong.adapter.statistics.entity.Timing;

/**
 * The printable monthly report (one self-contained HTML page, A4, no script, no external resource), laid out like
 * the exchange sections of the provinces' reporting form (Phụ lục II of the Lai Châu letter, as far as it is
 * known: documents per month, the share of signed documents, whether processing statuses are tracked and fed
 * back): 1. documents sent and received, 2. signed share — "not yet recorded" until document signature outcomes
 * are stored (issue 14), 3. status feedback in the Government Office's categories, both directions, with feedback
 * times, 4. per counterpart. Every value is HTML-escaped.
 */
public final class MonthlyReport {

    private final Labels l;

    public MonthlyReport(Labels labels) {
        this.l = labels;
    }

    /**
     * @param summary         the month in one row ({@code StatisticsQuery.month(m)} with the organisation scope)
     * @param perCounterpart  the same query {@code perCounterpart(true)}
     * @param organisations   the organisations the report is for (empty: all served here)
     */
    public void write(YearMonth month, Collection<String> organisations, StatisticsResult summary,
            StatisticsResult perCounterpart, OutputStream out) throws IOException {
        write(month, organisations, summary, perCounterpart, null, out);
    }

    /** @param signedShare the month's signed share per scope (issue 14); null: "not recorded" */
    public void write(YearMonth month, Collection<String> organisations, StatisticsResult summary,
            StatisticsResult perCounterpart, List<SignedShare.Row> signedShare, OutputStream out) throws IOException {
        Writer w = new OutputStreamWriter(out, StandardCharsets.UTF_8);
        StatisticsRow row = summary.rows().isEmpty() ? null : summary.rows().get(0);
        DirectionFigures sent = row == null ? DirectionFigures.EMPTY : row.sent();
        DirectionFigures received = row == null ? DirectionFigures.EMPTY : row.received();
        w.write("<!DOCTYPE html>\n<html lang=\"" + (l == Labels.VI ? "vi" : "en") + "\"><head><meta charset=\"utf-8\">"
                + "<title>" + esc(l.get("reportTitle") + " — " + month) + "</title><style>"
                + "@page{size:A4;margin:18mm}body{font-family:'Times New Roman',serif;font-size:13pt;margin:0 auto;"
                + "max-width:190mm}h1{font-size:14pt;text-align:center}h2{font-size:13pt;margin-top:14pt}"
                + "table{border-collapse:collapse;width:100%;margin:4pt 0}th,td{border:1px solid #000;padding:2pt 4pt;"
                + "vertical-align:top}td.n{text-align:right}.meta{text-align:center;font-style:italic}"
                + ".sign{display:flex;justify-content:space-between;margin-top:28pt;text-align:center}"
                + ".sign div{width:45%}.note{font-size:11pt}</style></head><body>\n");
        w.write("<h1>" + esc(l.get("reportTitle")) + "</h1>\n<p class=\"meta\">" + esc(l.get("month")) + " "
                + String.format("%02d/%d", month.getMonthValue(), month.getYear()) + " — " + esc(l.get("organisation"))
                + ": " + esc(organisations.isEmpty() ? l.get("all") : String.join(", ", organisations)) + "<br>"
                + esc(l.get("computedAt")) + " " + esc(VietnamTime.iso(summary.computedAt())) + "</p>\n");

        w.write("<h2>" + esc(l.get("s1")) + "</h2>\n<table><tr><th>" + esc(l.get("item")) + "</th><th>"
                + esc(l.get("sent")) + "</th><th>" + esc(l.get("received")) + "</th></tr>\n");
        for (String key : List.of("documents", "recalls", "updates", "replacements", "failed", "dead")) {
            w.write("<tr><td>" + esc(l.get(key)) + "</td>" + num(count(sent, key)) + num(count(received, key))
                    + "</tr>\n");
        }
        w.write("<tr><td>" + esc(l.get("byDocumentType")) + "</td><td>" + esc(StatisticsTable.breakdown(
                sent.byDocumentType())) + "</td><td>" + esc(StatisticsTable.breakdown(received.byDocumentType()))
                + "</td></tr>\n<tr><td>" + esc(l.get("byUrgency")) + "</td><td>"
                + esc(StatisticsTable.breakdown(sent.byUrgency())) + "</td><td>"
                + esc(StatisticsTable.breakdown(received.byUrgency())) + "</td></tr>\n</table>\n");

        w.write("<h2>" + esc(l.get("s2")) + "</h2>\n<table><tr><td>" + esc(l.get("s2inside")) + "</td><td>"
                + esc(signed(signedShare, "INSIDE")) + "</td></tr><tr><td>" + esc(l.get("s2outside")) + "</td><td>"
                + esc(signed(signedShare, "OUTSIDE")) + "</td></tr></table>\n");

        w.write("<h2>" + esc(l.get("s3")) + "</h2>\n<p>" + esc(l.get("tracked")) + ": " + esc(l.get("yes"))
                + "</p>\n<table><tr><th>" + esc(l.get("item")) + "</th><th>" + esc(l.get("theirFeedback"))
                + "</th><th>" + esc(l.get("share")) + "</th><th>" + esc(l.get("ourFeedback")) + "</th><th>"
                + esc(l.get("share")) + "</th></tr>\n");
        for (String key : List.of("pairs", "complete", "partial", "arrivedOnly", "none", "overdue")) {
            long a = category(sent.feedback(), key);
            long b = category(received.feedback(), key);
            w.write("<tr><td>" + esc(l.get(key)) + "</td>" + num(a) + share(a, sent.feedback().pairs(), key) + num(b)
                    + share(b, received.feedback().pairs(), key) + "</tr>\n");
        }
        w.write("</table>\n<table><tr><th>" + esc(l.get("timing")) + "</th><th>" + esc(l.get("theirFeedback"))
                + "</th><th>" + esc(l.get("ourFeedback")) + "</th></tr>\n");
        timingRow(w, "to01", sent.feedback().to01(), received.feedback().to01());
        timingRow(w, "to03", sent.feedback().to03(), received.feedback().to03());
        timingRow(w, "to06", sent.feedback().to06(), received.feedback().to06());
        w.write("</table>\n");

        w.write("<h2>" + esc(l.get("s4")) + "</h2>\n");
        if (perCounterpart.rows().isEmpty()) {
            w.write("<p>" + esc(l.get("noData")) + "</p>\n");
        } else {
            w.write("<table><tr><th>" + esc(l.get("counterpart")) + "</th><th>" + esc(l.get("sent")) + "</th><th>"
                    + esc(l.get("received")) + "</th><th>" + esc(l.get("complete")) + "</th><th>"
                    + esc(l.get("partial")) + "</th><th>" + esc(l.get("arrivedOnly")) + "</th><th>"
                    + esc(l.get("none")) + "</th></tr>\n");
            for (StatisticsRow r : perCounterpart.rows()) {
                Feedback f = r.sent().feedback();
                w.write("<tr><td>" + esc(r.counterpart()) + "</td>" + num(r.sent().documents())
                        + num(r.received().documents()) + num(f.complete()) + num(f.partial())
                        + num(f.arrivedOnly()) + num(f.none()) + "</tr>\n");
            }
            w.write("</table>\n");
        }
        w.write("<p class=\"note\">" + esc(l.get("definitions")) + "</p>\n<div class=\"sign\"><div><b>"
                + esc(l.get("preparer")) + "</b></div><div><b>" + esc(l.get("head")) + "</b></div></div>\n"
                + "</body></html>\n");
        w.flush();
    }

    /** "3 of 4 documents signed (75.0 %), 2 with legal value established (50.0 %)", pending ones named. */
    private String signed(List<SignedShare.Row> rows, String scope) {
        if (rows == null) {
            return l.get("notRecorded");
        }
        SignedShare.Row r = SignedShare.of(rows, scope);
        long checked = r.documents() - r.pending();
        if (r.documents() == 0) {
            return l.get("noSignedData");
        }
        String text = String.format(Locale.ROOT, l.get("signedShare"), r.signed(), checked, percent(r.signed(), checked),
                r.established(), percent(r.established(), checked));
        return r.pending() == 0 ? text : text + String.format(Locale.ROOT, l.get("signedPending"), r.pending());
    }

    private static double percent(long part, long whole) {
        return whole == 0 ? 0 : 100.0 * part / whole;
    }

    private void timingRow(Writer w, String key, Timing sent, Timing received) throws IOException {
        w.write("<tr><td>" + esc(l.get(key)) + "</td><td>" + esc(timing(sent)) + "</td><td>" + esc(timing(received))
                + "</td></tr>\n");
    }

    private String timing(Timing t) {
        if (t.reached() == 0) {
            return "—";
        }
        return t.reached() + " " + l.get("reached") + "; " + l.get("median") + " " + fmt(t.medianSeconds()) + "; "
                + l.get("p90") + " " + fmt(t.p90Seconds());
    }

    private String fmt(Double seconds) {
        return String.format(l.locale(), "%,.0f", seconds);
    }

    private static long count(DirectionFigures f, String key) {
        return switch (key) {
            case "documents" -> f.documents();
            case "recalls" -> f.recalls();
            case "updates" -> f.updates();
            case "replacements" -> f.replacements();
            case "failed" -> f.failed();
            case "dead" -> f.dead();
            default -> throw new IllegalArgumentException(key);
        };
    }

    private static long category(Feedback f, String key) {
        return switch (key) {
            case "pairs" -> f.pairs();
            case "complete" -> f.complete();
            case "partial" -> f.partial();
            case "arrivedOnly" -> f.arrivedOnly();
            case "none" -> f.none();
            case "overdue" -> f.overdue();
            default -> throw new IllegalArgumentException(key);
        };
    }

    private static String num(long n) {
        return "<td class=\"n\">" + n + "</td>";
    }

    private static String share(long part, long whole, String key) {
        if ("pairs".equals(key) || whole == 0) {
            return "<td class=\"n\"></td>";
        }
        return "<td class=\"n\">" + String.format(Locale.ROOT, "%.1f %%", 100.0 * part / whole) + "</td>";
    }

    static String esc(String s) {
        if (s == null) {
            return "";
        }
        StringBuilder b = new StringBuilder(s.length());
        for (char c : s.toCharArray()) {
            switch (c) {
                case '<' -> b.append("&lt;");
                case '>' -> b.append("&gt;");
                case '&' -> b.append("&amp;");
                case '"' -> b.append("&quot;");
                case '\'' -> b.append("&#39;");
                default -> b.append(c);
            }
        }
        return b.toString();
    }
}
