package vn.lienthong.adapter.statistics.control;

import java.sql.Connection;
import java.sql.SQLException;

import vn.lienthong.adapter.statistics.entity.Granularity;

/**
 * The two expressions that differ between H2 2.x and PostgreSQL: the Vietnam-time period of a timestamp and the
 * seconds between two timestamps. Everything else (PERCENTILE_CONT … WITHIN GROUP, FILTER-free CASE sums) is
 * the same SQL on both.
 */
enum SqlDialect {

    H2 {
        @Override
        String period(String column, Granularity g) {
            return "FORMATDATETIME(" + column + ", '" + javaPattern(g) + "', 'en', 'Asia/Ho_Chi_Minh')";
        }

        @Override
        String seconds(String from, String to) {
            return "(DATEDIFF('MILLISECOND', " + from + ", " + to + ") / 1000.0)";
        }

        @Override
        String periodGroup(String column, Granularity g) {
            return period(column, g);
        }

        @Override
        String periodLabel(String group, Granularity g) {
            return group;
        }
    },
    POSTGRESQL {
        @Override
        String period(String column, Granularity g) {
            String pattern = switch (g) {
                case DAY -> "YYYY-MM-DD";
                case MONTH -> "YYYY-MM";
                case YEAR -> "YYYY";
                case TOTAL -> throw new IllegalArgumentException("no period column for TOTAL");
            };
            return "to_char(" + column + " AT TIME ZONE 'Asia/Ho_Chi_Minh', '" + pattern + "')";
        }

        @Override
        String seconds(String from, String to) {
            return "EXTRACT(EPOCH FROM (" + to + " - " + from + "))";
        }

        /** The period's first instant: grouping on a timestamp sorts far cheaper than on formatted text. */
        @Override
        String periodGroup(String column, Granularity g) {
            String unit = switch (g) {
                case DAY -> "day";
                case MONTH -> "month";
                case YEAR -> "year";
                case TOTAL -> throw new IllegalArgumentException("no period column for TOTAL");
            };
            return "date_trunc('" + unit + "', " + column + ", 'Asia/Ho_Chi_Minh')";
        }

        @Override
        String periodLabel(String group, Granularity g) {
            return period(group, g);
        }
    };

    /** The period label of a timestamp column in Vietnam time: 2026-11-05, 2026-11 or 2026. */
    abstract String period(String column, Granularity g);

    /**
     * A GROUP BY expression equivalent to {@link #period} (one group per period label) that a database may compute and
     * sort faster; {@link #periodLabel} turns it into the same label as {@link #period}.
     */
    abstract String periodGroup(String column, Granularity g);

    /** The label ({@link #period}'s text) of a {@link #periodGroup} expression. */
    abstract String periodLabel(String group, Granularity g);

    /** Seconds from {@code from} to {@code to} (fractional). */
    abstract String seconds(String from, String to);

    static String javaPattern(Granularity g) {
        return switch (g) {
            case DAY -> "yyyy-MM-dd";
            case MONTH -> "yyyy-MM";
            case YEAR -> "yyyy";
            case TOTAL -> throw new IllegalArgumentException("no period column for TOTAL");
        };
    }

    static SqlDialect of(Connection c) throws SQLException {
        String product = c.getMetaData().getDatabaseProductName();
        if (product.toLowerCase(java.util.Locale.ROOT).contains("postgres")) {
            return POSTGRESQL;
        }
        if (product.equalsIgnoreCase("H2")) {
            return H2;
        }
        throw new SQLException("Statistics support H2 and PostgreSQL, not " + product);
    }
}
