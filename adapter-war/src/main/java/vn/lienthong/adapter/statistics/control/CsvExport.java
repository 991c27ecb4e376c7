package vn.lienthong.adapter.statistics.control;

import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.List;

import vn.lienthong.adapter.statistics.entity.StatisticsResult;
import vn.lienthong.adapter.statistics.entity.StatisticsRow;

/**
 * Writes a result as CSV (RFC 4180, UTF-8 with a byte-order mark so spreadsheet programs read the Vietnamese
 * letters, comma-separated, CRLF). A text cell that a spreadsheet would take for a formula ({@code = + - @}, tab,
 * CR) is prefixed with an apostrophe: organisation codes come from packages anyone on the axis can send.
 */
public final class CsvExport {

    private final Labels labels;

    public CsvExport(Labels labels) {
        this.labels = labels;
    }

    public void write(StatisticsResult result, OutputStream out) throws IOException {
        Writer w = new OutputStreamWriter(out, StandardCharsets.UTF_8);
        w.write('\uFEFF');
        List<StatisticsTable.Column> columns = StatisticsTable.columns(labels);
        line(w, columns.stream().map(c -> (Object) c.header()).toList());
        for (StatisticsRow row : result.rows()) {
            line(w, columns.stream().map(c -> c.cell().apply(row)).toList());
        }
        w.flush();
    }

    private static void line(Writer w, List<Object> cells) throws IOException {
        for (int i = 0; i < cells.size(); i++) {
            if (i > 0) {
                w.write(',');
            }
            w.write(cell(cells.get(i)));
        }
        w.write("\r\n");
    }

    static String cell(Object value) {
        if (value == null) {
            return "";
        }
        if (value instanceof Number n) {
            return value instanceof Double d ? String.valueOf(Math.round(d * 1000) / 1000.0) : n.toString();
        }
        String s = value.toString();
        if (!s.isEmpty() && "=+-@\t\r".indexOf(s.charAt(0)) >= 0) {
            s = "'" + s;
        }
        if (s.contains(",") || s.contains("\"") || s.contains("\n") || s.contains("\r")) {
            s = "\"" + s.replace("\"", "\"\"") + "\"";
        }
        return s;
    }
}
