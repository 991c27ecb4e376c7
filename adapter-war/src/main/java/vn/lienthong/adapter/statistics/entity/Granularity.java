package vn.lienthong.adapter.statistics.entity;

/** How the period of a statistics query is divided: one row per day, month, year, or one for the whole range. */
public enum Granularity {
    DAY, MONTH, YEAR, TOTAL
}
