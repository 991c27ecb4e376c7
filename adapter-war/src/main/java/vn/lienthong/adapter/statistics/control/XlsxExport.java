package vn.lienthong.adapter.statistics.control;

import java.io.IOException;
import java.io.OutputStream;
import java.util.List;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.xssf.streaming.SXSSFSheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;

import vn.lienthong.adapter.statistics.entity.StatisticsResult;
import vn.lienthong.adapter.statistics.entity.StatisticsRow;

/**
 * Writes a result as an XLSX workbook with Apache POI's streaming SXSSF (at most 100 rows in memory, the rest
 * in a temporary file POI deletes afterwards): one sheet, a bold header row, numbers as numeric cells, text as
 * text (never a formula — cells are set as strings, so a value beginning with {@code =} stays text).
 */
public final class XlsxExport {

    private static final int ROWS_IN_MEMORY = 100;

    private final Labels labels;

    public XlsxExport(Labels labels) {
        this.labels = labels;
    }

    public void write(StatisticsResult result, OutputStream out) throws IOException {
        SXSSFWorkbook workbook = new SXSSFWorkbook(ROWS_IN_MEMORY);
        try {
            SXSSFSheet sheet = workbook.createSheet(labels.get("sheet"));
            List<StatisticsTable.Column> columns = StatisticsTable.columns(labels);
            CellStyle bold = workbook.createCellStyle();
            Font font = workbook.createFont();
            font.setBold(true);
            bold.setFont(font);
            bold.setWrapText(true);
            Row header = sheet.createRow(0);
            for (int i = 0; i < columns.size(); i++) {
                Cell c = header.createCell(i);
                c.setCellValue(columns.get(i).header());
                c.setCellStyle(bold);
            }
            sheet.createFreezePane(3, 1);
            int r = 1;
            for (StatisticsRow row : result.rows()) {
                Row line = sheet.createRow(r++);
                for (int i = 0; i < columns.size(); i++) {
                    Object v = columns.get(i).cell().apply(row);
                    if (v instanceof Number n) {
                        line.createCell(i).setCellValue(n.doubleValue());
                    } else if (v != null) {
                        line.createCell(i).setCellValue(v.toString());
                    }
                }
            }
            workbook.write(out);
        } finally {
            workbook.close(); // also deletes SXSSF's temporary file
        }
    }
}
