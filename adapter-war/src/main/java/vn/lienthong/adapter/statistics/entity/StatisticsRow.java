package vn.lienthong.adapter.statistics.entity;

/**
 * One row: a period ({@code 2026-11-05}, {@code 2026-11}, {@code 2026}, or {@code 2026-11-01/2026-11-30} for the
 * whole range), an organisation served here and a counterpart ({@value #ALL} when not split), and the figures of
 * what was sent and what was received.
 */
public record StatisticsRow(String period, String organisation, String counterpart, DirectionFigures sent,
        DirectionFigures received) {

    public static final String ALL = "*";
}
