package vn.lienthong.adapter.statistics.control;

import vn.lienthong.adapter.statistics.entity.StatisticsResult;

/**
 * What both faces of the statistics (REST {@code /admin/statistics} and the web console) answer for a download:
 * the same content types, file names and the monthly report's own Content-Security-Policy, so the two never
 * drift apart.
 */
public final class StatisticsDownloads {

    public static final String CSV_TYPE = "text/csv; charset=utf-8";
    public static final String XLSX_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
    public static final String REPORT_TYPE = "text/html; charset=utf-8";
    /** The report is one self-contained page with its own style element: nothing may load, nothing may run. */
    public static final String REPORT_CSP = "default-src 'none'; style-src 'unsafe-inline'";

    private StatisticsDownloads() {
    }

    /** {@code thong-ke-2026-11-01_2026-11-30.xlsx}: the period in the name, nothing taken from the request. */
    public static String fileName(StatisticsResult r, String extension) {
        return "thong-ke-" + r.query().from() + "_" + r.query().to() + "." + extension;
    }

    public static String attachment(StatisticsResult r, String extension) {
        return "attachment; filename=\"" + fileName(r, extension) + "\"";
    }
}
