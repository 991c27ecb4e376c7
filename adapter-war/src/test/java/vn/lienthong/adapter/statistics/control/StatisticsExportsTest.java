package vn.lienthong.adapter.statistics.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import vn.lienthong.adapter.statistics.entity.DirectionFigures;
import vn.lienthong.adapter.statistics.entity.Feedback;
import vn.lienthong.adapter.statistics.entity.StatisticsQuery;
import vn.lienthong.adapter.statistics.entity.StatisticsResult;
import vn.lienthong.adapter.statistics.entity.StatisticsRow;
import vn.lienthong.adapter.statistics.entity.Timing;
import vn.lienthong.adapter.store.TestStores;

/** The CSV, XLSX and HTML renderings of the seeded month, read back (XLSX with POI) and compared with the result. */
class StatisticsExportsTest {

    @TempDir
    static Path dir;
    static StatisticsResult month;
    static StatisticsResult perCounterpart;

    @BeforeAll
    static void seed() throws Exception {
        JdbcDataSource ds = new JdbcDataSource();
        ds.setURL("jdbc:h2:file:" + dir.resolve("exports") + ";DB_CLOSE_ON_EXIT=FALSE");
        ds.setUser("sa");
        TestStores.freshSchema(ds);
        try (Connection c = ds.getConnection(); StoreSeed s = new StoreSeed(c)) {
            StatisticsContract.seed(s);
        }
        ExchangeStatistics statistics = new ExchangeStatistics(ds);
        month = statistics.compute(StatisticsQuery.month(YearMonth.of(2026, 11)), StatisticsContract.TODAY);
        perCounterpart = statistics.compute(StatisticsQuery.month(YearMonth.of(2026, 11)).perCounterpart(true),
                StatisticsContract.TODAY);
    }

    @Test
    void xlsxHoldsEveryFigureAsNumbers() throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        new XlsxExport(Labels.VI).write(perCounterpart, out);
        try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(out.toByteArray()))) {
            Sheet sheet = wb.getSheet("Thống kê");
            List<StatisticsTable.Column> columns = StatisticsTable.columns(Labels.VI);
            Row header = sheet.getRow(0);
            assertEquals("Gửi đi: Văn bản mới", header.getCell(3).getStringCellValue());
            assertEquals(perCounterpart.rows().size(), sheet.getLastRowNum());
            for (int r = 0; r < perCounterpart.rows().size(); r++) {
                StatisticsRow row = perCounterpart.rows().get(r);
                Row line = sheet.getRow(r + 1);
                for (int c = 0; c < columns.size(); c++) {
                    Object expected = columns.get(c).cell().apply(row);
                    var cell = line.getCell(c);
                    if (expected == null) {
                        assertTrue(cell == null || cell.getCellType() == CellType.BLANK);
                    } else if (expected instanceof Number n) {
                        assertEquals(CellType.NUMERIC, cell.getCellType(), columns.get(c).header());
                        assertEquals(n.doubleValue(), cell.getNumericCellValue(), 1e-9, columns.get(c).header());
                    } else {
                        assertEquals(expected, cell.getStringCellValue(), columns.get(c).header());
                    }
                }
            }
            // H41's sent documents in November: S1, S2, S4, S10, T1
            Row h41 = sheet.getRow(1 + indexOf(perCounterpart, StatisticsContract.H41));
            assertEquals(StatisticsContract.H41, h41.getCell(2).getStringCellValue());
            assertEquals(5.0, h41.getCell(3).getNumericCellValue());
        }
    }

    @Test
    void csvHasTheSameTableWithABomAndEscapes() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        assertDoesNotThrow(() -> new CsvExport(Labels.EN).write(month, out));
        String csv = out.toString(StandardCharsets.UTF_8);
        assertTrue(csv.startsWith("\uFEFFPeriod,Organisation,Counterpart,Sent: New documents,"));
        List<String> lines = csv.lines().toList();
        assertEquals(2, lines.size());
        // period, all, all, 6 new documents, 1 recall, 1 update, 1 replacement, "-1=1; 1=3; 2=2"
        assertTrue(lines.get(1).startsWith("2026-11-01/2026-11-30,All,All,6,1,1,1,?=1; 1=3; 2=2,0=4; 1=1; 3=1,2,1,1,"
                + "7,2,2,1,2,2,5,60.0,228.0,2,1810.0,3242.0,1,86400.0,86400.0,3,1,0,0,"), lines.get(1));
        assertEquals("\"'=HYPERLINK(\"\"x\"\")\"", CsvExport.cell("=HYPERLINK(\"x\")"));
        assertEquals("\"a,b\"", CsvExport.cell("a,b"));
        assertEquals("'-1", CsvExport.cell("-1"));
    }

    @Test
    void monthlyReportShowsTheSectionsInVietnameseAndEnglish() throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        new MonthlyReport(Labels.VI).write(YearMonth.of(2026, 11), Set.of(), month, perCounterpart, out);
        String html = out.toString(StandardCharsets.UTF_8);
        assertTrue(html.contains("BÁO CÁO TÌNH HÌNH GỬI, NHẬN VĂN BẢN ĐIỆN TỬ"));
        assertTrue(html.contains("Tháng 11/2026"));
        assertTrue(html.contains("Chưa ghi nhận"), "signed share not yet recorded (issue 14)");
        assertTrue(html.contains("<td>Văn bản mới</td><td class=\"n\">6</td><td class=\"n\">3</td>"));
        // sent pairs: 7, complete 2 (28.6 %); received pairs 4, complete 1 (25.0 %)
        assertTrue(html.contains("<td class=\"n\">2</td><td class=\"n\">28.6 %</td><td class=\"n\">1</td>"
                + "<td class=\"n\">25.0 %</td>"), html);
        assertFalse(html.contains("<script"));
        ByteArrayOutputStream en = new ByteArrayOutputStream();
        new MonthlyReport(Labels.EN).write(YearMonth.of(2026, 11), Set.of(), month, perCounterpart, en);
        assertTrue(en.toString(StandardCharsets.UTF_8).contains("Not yet recorded"));
    }

    @Test
    void reportEscapesHostileOrganisationCodes() throws Exception {
        Feedback f = Feedback.EMPTY;
        DirectionFigures d = new DirectionFigures(1, 0, 0, 0, Map.of(), Map.of(), 0, 0, 0, f);
        StatisticsQuery q = StatisticsQuery.month(YearMonth.of(2026, 11));
        StatisticsResult hostile = new StatisticsResult(q, OffsetDateTime.now(),
                List.of(new StatisticsRow("p", "*", "<script>alert(1)</script>", d, DirectionFigures.EMPTY)));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        new MonthlyReport(Labels.VI).write(YearMonth.of(2026, 11), Set.of(), hostile, hostile, out);
        String html = out.toString(StandardCharsets.UTF_8);
        assertFalse(html.contains("<script>"));
        assertTrue(html.contains("&lt;script&gt;"));
        assertEquals(Timing.NONE, f.to01());
        assertEquals(LocalDate.of(2026, 11, 1), q.from());
    }

    private static int indexOf(StatisticsResult r, String counterpart) {
        for (int i = 0; i < r.rows().size(); i++) {
            if (r.rows().get(i).counterpart().equals(counterpart)) {
                return i;
            }
        }
        throw new AssertionError(counterpart);
    }

    private static void assertDoesNotThrow(org.junit.jupiter.api.function.Executable e) {
        org.junit.jupiter.api.Assertions.assertDoesNotThrow(e);
    }
}
