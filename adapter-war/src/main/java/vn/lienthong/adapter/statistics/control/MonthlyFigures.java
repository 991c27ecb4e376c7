package vn.lienthong.adapter.statistics.control;

import java.io.IOException;
import java.io.OutputStream;
import java.time.YearMonth;
import java.util.Set;

import vn.lienthong.adapter.statistics.entity.StatisticsResult;

/**
 * The figures of one printable monthly report: the month in one row and the same split per counterpart, for the
 * organisations in {@code scope} (empty: all served here), and the signed share (issue 14). Built by
 * {@link ExchangeStatistics#month}.
 */
public record MonthlyFigures(YearMonth month, Set<String> scope, StatisticsResult summary,
        StatisticsResult perCounterpart, java.util.List<SignedShare.Row> signedShare) {

    public void write(Labels labels, OutputStream out) throws IOException {
        new MonthlyReport(labels).write(month, scope, summary, perCounterpart, signedShare, out);
    }
}
