package vn.lienthong.adapter.statistics.boundary;

import java.time.YearMonth;
import java.util.List;

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;

import vn.lienthong.adapter.audit.control.AuditLog;
import vn.lienthong.adapter.reception.control.OurOrganisations;
import vn.lienthong.adapter.statistics.control.CsvExport;
import vn.lienthong.adapter.statistics.control.ExchangeStatistics;
import vn.lienthong.adapter.statistics.control.Labels;
import vn.lienthong.adapter.statistics.control.MonthlyFigures;
import vn.lienthong.adapter.statistics.control.StatisticsDownloads;
import vn.lienthong.adapter.statistics.control.StatisticsRequest;
import vn.lienthong.adapter.statistics.control.XlsxExport;
import vn.lienthong.adapter.statistics.entity.StatisticsQuery;
import vn.lienthong.adapter.statistics.entity.StatisticsResult;
import vn.lienthong.adapter.vocabulary.Rejection;

/**
 * Admin: the exchange statistics under {@code /admin/statistics} (bearer token, every call audited by the admin
 * application's filters). Parameters: {@code from}+{@code to} (ISO dates, both included) or {@code month}
 * ({@code 2026-11}) or {@code year}; {@code organisation} (repeatable or comma-separated; default all served
 * here), {@code counterpart}, {@code groupBy=day|month|year|total}, {@code split=organisation,counterpart},
 * {@code lang=en} for the exports and the report. A refused parameter is HTTP 400 (403 for an organisation the
 * caller may not see) with {@code {"code","message"}} and an audit entry {@code ADMIN_STATISTICS}/{@code REFUSED}.
 */
@Stateless
@Path("statistics")
public class StatisticsResource {

    /** The actor the admin bearer token is audited as (admin.boundary.AdminAuthentication.ADMIN). */
    private static final String ADMIN = "admin";
    private static final MediaType CSV = MediaType.valueOf(StatisticsDownloads.CSV_TYPE);
    private static final MediaType XLSX = MediaType.valueOf(StatisticsDownloads.XLSX_TYPE);

    @Inject
    ExchangeStatistics statistics;
    @Inject
    OurOrganisations ours;
    @Inject
    AuditLog audit;

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    public Response figures(@BeanParam StatisticsParameters p) {
        try {
            return Response.ok(StatisticsJson.of(statistics.compute(query(p))), MediaType.APPLICATION_JSON).build();
        } catch (Rejection r) {
            return refused(r);
        }
    }

    @GET
    @Path("export.csv")
    public Response csv(@BeanParam StatisticsParameters p) {
        try {
            StatisticsResult r = statistics.compute(query(p));
            StreamingOutput body = out -> new CsvExport(Labels.of(p.lang)).write(r, out);
            return download(body, CSV, r, "csv");
        } catch (Rejection r) {
            return refused(r);
        }
    }

    @GET
    @Path("export.xlsx")
    public Response xlsx(@BeanParam StatisticsParameters p) {
        try {
            StatisticsResult r = statistics.compute(query(p));
            StreamingOutput body = out -> new XlsxExport(Labels.of(p.lang)).write(r, out);
            return download(body, XLSX, r, "xlsx");
        } catch (Rejection r) {
            return refused(r);
        }
    }

    /**
     * Issue 14: the share of signed documents per month, inside / outside the organisation ({@code from}/{@code to},
     * {@code month} or {@code year}, {@code organisation}; the other parameters are ignored).
     */
    @GET
    @Path("signatures")
    @Produces(MediaType.APPLICATION_JSON)
    public Response signatures(@BeanParam StatisticsParameters p) {
        try {
            StatisticsQuery q = query(p);
            var rows = Json.createArrayBuilder();
            statistics.signedShare(q.from(), q.to(), q.organisations()).forEach(r -> rows.add(Json.createObjectBuilder()
                    .add("month", r.month()).add("scope", r.scope()).add("documents", r.documents())
                    .add("signed", r.signed()).add("established", r.established()).add("pending", r.pending())));
            return Response.ok(Json.createObjectBuilder().add("from", q.from().toString()).add("to", q.to().toString())
                    .add("rows", rows).build(), MediaType.APPLICATION_JSON).build();
        } catch (Rejection r) {
            return refused(r);
        }
    }

    /** The printable monthly report (HTML). */
    @GET
    @Path("report")
    public Response report(@QueryParam("month") String month,
            @QueryParam("organisation") List<String> organisations, @QueryParam("lang") String lang) {
        try {
            YearMonth m = StatisticsRequest.month(month);
            MonthlyFigures figures = statistics.month(m, StatisticsRequest.scope(organisations, ours.all(), null));
            StreamingOutput body = out -> figures.write(Labels.of(lang), out);
            return Response.ok(body, MediaType.valueOf(StatisticsDownloads.REPORT_TYPE))
                    .header("Content-Security-Policy", StatisticsDownloads.REPORT_CSP)
                    .header("X-Content-Type-Options", "nosniff").build();
        } catch (Rejection r) {
            return refused(r);
        }
    }

    private StatisticsQuery query(StatisticsParameters p) {
        // The admin bearer token may see every organisation served here (mayView = null).
        return StatisticsRequest.parse(p.from, p.to, p.month, p.year, p.organisations, p.counterpart, p.groupBy,
                p.split, ours.all(), null);
    }

    private static Response download(StreamingOutput body, MediaType type, StatisticsResult r, String extension) {
        return Response.ok(body, type).header("Content-Disposition", StatisticsDownloads.attachment(r, extension))
                .header("X-Content-Type-Options", "nosniff").build();
    }

    private Response refused(Rejection r) {
        audit.record(ADMIN, "ADMIN_STATISTICS", null, "REFUSED", r.code(), r.field() + ": " + r.getMessage());
        int status = "STATS.FORBIDDEN_ORGANISATION".equals(r.code()) ? 403 : 400;
        return Response.status(status).type(MediaType.APPLICATION_JSON)
                .entity(Json.createObjectBuilder().add("code", r.code()).add("message", r.getMessage()).build())
                .build();
    }
}
