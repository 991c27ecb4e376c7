package vn.lienthong.adapter.statistics.control;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import vn.lienthong.adapter.statistics.entity.DirectionFigures;
import vn.lienthong.adapter.statistics.entity.StatisticsRow;
import vn.lienthong.adapter.statistics.entity.Timing;

/**
 * The flat table both exports write: one line per result row, the same columns in the same order (so a CSV and
 * an XLSX of one query can be compared cell by cell). Cells are Long, Double, String or null.
 */
public final class StatisticsTable {

    /** One column: its header and how to read its cell from a row. */
    public record Column(String header, Function<StatisticsRow, Object> cell) {
    }

    private StatisticsTable() {
    }

    public static List<Column> columns(Labels l) {
        List<Column> c = new ArrayList<>();
        c.add(new Column(l.get("period"), StatisticsRow::period));
        c.add(new Column(l.get("organisation"), r -> all(l, r.organisation())));
        c.add(new Column(l.get("counterpart"), r -> all(l, r.counterpart())));
        side(c, l, "sent", StatisticsRow::sent);
        side(c, l, "received", StatisticsRow::received);
        return c;
    }

    private static void side(List<Column> c, Labels l, String side, Function<StatisticsRow, DirectionFigures> f) {
        String p = l.get(side) + ": ";
        c.add(new Column(p + l.get("documents"), r -> f.apply(r).documents()));
        c.add(new Column(p + l.get("recalls"), r -> f.apply(r).recalls()));
        c.add(new Column(p + l.get("updates"), r -> f.apply(r).updates()));
        c.add(new Column(p + l.get("replacements"), r -> f.apply(r).replacements()));
        c.add(new Column(p + l.get("byDocumentType"), r -> breakdown(f.apply(r).byDocumentType())));
        c.add(new Column(p + l.get("byUrgency"), r -> breakdown(f.apply(r).byUrgency())));
        c.add(new Column(p + l.get("failed"), r -> f.apply(r).failed()));
        c.add(new Column(p + l.get("dead"), r -> f.apply(r).dead()));
        c.add(new Column(p + l.get("cancelled"), r -> f.apply(r).cancelledBeforeSending()));
        c.add(new Column(p + l.get("pairs"), r -> f.apply(r).feedback().pairs()));
        c.add(new Column(p + l.get("complete"), r -> f.apply(r).feedback().complete()));
        c.add(new Column(p + l.get("partial"), r -> f.apply(r).feedback().partial()));
        c.add(new Column(p + l.get("arrivedOnly"), r -> f.apply(r).feedback().arrivedOnly()));
        c.add(new Column(p + l.get("none"), r -> f.apply(r).feedback().none()));
        c.add(new Column(p + l.get("overdue"), r -> f.apply(r).feedback().overdue()));
        timing(c, l, p + l.get("to01"), r -> f.apply(r).feedback().to01());
        timing(c, l, p + l.get("to03"), r -> f.apply(r).feedback().to03());
        timing(c, l, p + l.get("to06"), r -> f.apply(r).feedback().to06());
    }

    private static void timing(List<Column> c, Labels l, String name, Function<StatisticsRow, Timing> t) {
        c.add(new Column(name + ", " + l.get("reached"), r -> t.apply(r).reached()));
        c.add(new Column(name + ", " + l.get("median"), r -> t.apply(r).medianSeconds()));
        c.add(new Column(name + ", " + l.get("p90"), r -> t.apply(r).p90Seconds()));
    }

    private static String all(Labels l, String organ) {
        return StatisticsRow.ALL.equals(organ) ? l.get("all") : organ;
    }

    /** {@code ?=1; 1=3; 2=2} — code = count, codes ascending ({@code ?}: not given, -1 in JSON). */
    public static String breakdown(Map<Integer, Long> counts) {
        return counts.entrySet().stream().sorted(Map.Entry.comparingByKey())
                .map(e -> (e.getKey() < 0 ? "?" : e.getKey().toString()) + "=" + e.getValue())
                .collect(Collectors.joining("; "));
    }
}
