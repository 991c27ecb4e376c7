package vn.lienthong.adapter.statistics.entity;

import java.time.OffsetDateTime;
import java.util.List;

/** The answer to a {@link StatisticsQuery}: its rows in period, organisation, counterpart order. */
public record StatisticsResult(StatisticsQuery query, OffsetDateTime computedAt, List<StatisticsRow> rows) {

    /** All rows summed is only meaningful for counts; this is the row of the whole range when there is one. */
    public StatisticsRow first() {
        return rows.isEmpty() ? null : rows.get(0);
    }
}
