package vn.lienthong.adapter.console.boundary;

import java.time.Duration;
import java.time.OffsetDateTime;

import vn.lienthong.adapter.platform.time.VietnamTime;

/** Escaping and the few markup pieces every page uses. Everything from the store goes through {@link #esc}. */
final class Html {

    private Html() {
    }

    static String esc(Object value) {
        if (value == null) {
            return "";
        }
        String s = value.toString();
        StringBuilder b = new StringBuilder(s.length() + 16);
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

    /** Vietnam time, ISO 8601 with offset ({@code 2026-11-28T14:05:00+07:00}); empty for none. */
    static String time(OffsetDateTime t) {
        return t == null ? "" : VietnamTime.iso(t);
    }

    static String age(Duration d) {
        if (d == null) {
            return "—";
        }
        long m = Math.max(0, d.toMinutes());
        return m < 60 ? m + " min" : (m / 60) + " h " + (m % 60) + " min";
    }

    /** A header row. */
    static String head(String... cells) {
        StringBuilder b = new StringBuilder("<thead><tr>");
        for (String c : cells) {
            b.append("<th>").append(esc(c)).append("</th>");
        }
        return b.append("</tr></thead>").toString();
    }

    /** A row of already escaped cells. */
    static String row(String... cells) {
        return rowWith("", cells);
    }

    /** A row with attributes (made by {@link #data}) of already escaped cells. */
    static String rowWith(String attributes, String... cells) {
        StringBuilder b = new StringBuilder("<tr").append(attributes).append('>');
        for (String c : cells) {
            b.append("<td>").append(c == null ? "" : c).append("</td>");
        }
        return b.append("</tr>").toString();
    }

    /** A {@code data-} attribute with an escaped value (readers and tests find a row by it), with a space before. */
    static String data(String name, Object value) {
        return " data-" + name + "=\"" + esc(value) + "\"";
    }

    /** Percent-encoding for a query value. */
    static String url(String s) {
        return s == null ? "" : java.net.URLEncoder.encode(s, java.nio.charset.StandardCharsets.UTF_8);
    }
}
