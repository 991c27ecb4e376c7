package vn.lienthong.adapter.statistics.boundary;

import java.util.Map;

import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;

import vn.lienthong.adapter.platform.time.VietnamTime;
import vn.lienthong.adapter.statistics.entity.DirectionFigures;
import vn.lienthong.adapter.statistics.entity.Feedback;
import vn.lienthong.adapter.statistics.entity.StatisticsQuery;
import vn.lienthong.adapter.statistics.entity.StatisticsResult;
import vn.lienthong.adapter.statistics.entity.StatisticsRow;
import vn.lienthong.adapter.statistics.entity.Timing;

/** The JSON form of a result (names as in the records; docs/statistics.md explains each). */
public final class StatisticsJson {

    private StatisticsJson() {
    }

    public static JsonObject of(StatisticsResult r) {
        StatisticsQuery q = r.query();
        JsonArrayBuilder organisations = Json.createArrayBuilder();
        q.organisations().forEach(organisations::add);
        JsonObjectBuilder query = Json.createObjectBuilder()
                .add("from", q.from().toString())
                .add("to", q.to().toString())
                .add("groupBy", q.groupBy().name().toLowerCase(java.util.Locale.ROOT))
                .add("organisations", organisations)
                .add("byOrganisation", q.byOrganisation())
                .add("byCounterpart", q.byCounterpart());
        if (q.counterpart() != null) {
            query.add("counterpart", q.counterpart());
        }
        JsonArrayBuilder rows = Json.createArrayBuilder();
        for (StatisticsRow row : r.rows()) {
            rows.add(Json.createObjectBuilder()
                    .add("period", row.period())
                    .add("organisation", row.organisation())
                    .add("counterpart", row.counterpart())
                    .add("sent", side(row.sent()))
                    .add("received", side(row.received())));
        }
        return Json.createObjectBuilder().add("query", query)
                .add("computedAt", VietnamTime.iso(r.computedAt())).add("rows", rows).build();
    }

    private static JsonObjectBuilder side(DirectionFigures f) {
        Feedback fb = f.feedback();
        return Json.createObjectBuilder()
                .add("documents", f.documents())
                .add("recalls", f.recalls())
                .add("updates", f.updates())
                .add("replacements", f.replacements())
                .add("byDocumentType", counts(f.byDocumentType()))
                .add("byUrgency", counts(f.byUrgency()))
                .add("failed", f.failed())
                .add("dead", f.dead())
                .add("cancelledBeforeSending", f.cancelledBeforeSending())
                .add("feedback", Json.createObjectBuilder()
                        .add("pairs", fb.pairs())
                        .add("complete", fb.complete())
                        .add("partial", fb.partial())
                        .add("arrivedOnly", fb.arrivedOnly())
                        .add("none", fb.none())
                        .add("overdue", fb.overdue())
                        .add("to01", timing(fb.to01()))
                        .add("to03", timing(fb.to03()))
                        .add("to06", timing(fb.to06())));
    }

    private static JsonObjectBuilder counts(Map<Integer, Long> counts) {
        JsonObjectBuilder b = Json.createObjectBuilder();
        counts.forEach((k, v) -> b.add(String.valueOf(k), v));
        return b;
    }

    private static JsonObjectBuilder timing(Timing t) {
        JsonObjectBuilder b = Json.createObjectBuilder().add("reached", t.reached());
        if (t.medianSeconds() != null) {
            b.add("medianSeconds", t.medianSeconds()).add("p90Seconds", t.p90Seconds());
        } else {
            b.addNull("medianSeconds").addNull("p90Seconds");
        }
        return b;
    }
}
