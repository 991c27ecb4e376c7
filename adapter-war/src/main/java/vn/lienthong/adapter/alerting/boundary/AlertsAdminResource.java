package vn.lienthong.adapter.alerting.boundary;

import java.io.StringReader;
import java.util.Optional;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonException;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import vn.lienthong.adapter.alerting.control.AlertService;
import vn.lienthong.adapter.alerting.control.ContactTable;
import vn.lienthong.adapter.alerting.entity.Alert;
import vn.lienthong.adapter.alerting.entity.AlertRule;
import vn.lienthong.adapter.alerting.entity.AlertState;
import vn.lienthong.adapter.alerting.entity.Contact;
import vn.lienthong.adapter.audit.control.AuditLog;
import vn.lienthong.adapter.configuration.AdapterSettings;
import vn.lienthong.adapter.platform.time.VietnamTime;
import vn.lienthong.adapter.vocabulary.Rejection;

/**
 * Admin (bearer token, under {@code /admin}): the alerts — list with filters, one, acknowledge — the rules with
 * their adapter-wide settings, and the contacts per organisation (create, read, update, delete). Refusals carry a
 * stable code ({@code M.*}/{@code N.*} for a bad field, {@code ALERT.NOT_FOUND}, {@code ALERT.NOT_OPEN},
 * {@code ALERT.CONTACT_NOT_FOUND}); every call is audited by the admin application ({@code ADMIN_CALL}), every
 * change or refused change also as {@code ADMIN_ALERT_ACK} / {@code ADMIN_ALERT_CONTACT}.
 */
@RequestScoped
@Path("alerts")
@Produces(MediaType.APPLICATION_JSON)
public class AlertsAdminResource {

    /** The admin bearer's name in the audit trail (as admin.boundary.AdminAuthentication writes it). */
    static final String ADMIN = "admin";

    @Inject
    AlertService alerts;
    @Inject
    AuditLog audit;
    @Inject
    AdapterSettings settings;

    @GET
    public Response list(@QueryParam("state") String state, @QueryParam("organ") String organ,
                         @QueryParam("rule") String rule, @QueryParam("max") @DefaultValue("100") int max) {
        AlertState s;
        AlertRule r;
        try {
            s = state == null || state.isBlank() ? null : AlertState.valueOf(state.strip());
        } catch (IllegalArgumentException e) {
            return refused(Response.Status.BAD_REQUEST, Rejection.invalid("state",
                    "state must be OPEN, ACKNOWLEDGED or RESOLVED"));
        }
        if (rule == null || rule.isBlank()) {
            r = null;
        } else {
            Optional<AlertRule> known = AlertRule.byId(rule.strip());
            if (known.isEmpty()) {
                return refused(Response.Status.BAD_REQUEST, Rejection.invalid("rule", "unknown rule"));
            }
            r = known.get();
        }
        JsonArrayBuilder items = Json.createArrayBuilder();
        alerts.list(s, organ == null || organ.isBlank() ? null : organ.strip(), r, Math.max(1, Math.min(max, 1000)))
                .forEach(a -> items.add(describe(a)));
        return Response.ok(Json.createObjectBuilder().add("alerts", items).build()).build();
    }

    @GET
    @Path("rules")
    public JsonObject rules() {
        JsonArrayBuilder items = Json.createArrayBuilder();
        for (AlertRule r : AlertRule.values()) {
            var s = settings.alerts().rule(r.id(), r.unit(), r.defaultThreshold(), null);
            items.add(Json.createObjectBuilder().add("rule", r.id()).add("enabled", s.enabled())
                    .add("threshold", s.value()).add("unit", r.unit()).add("default", r.defaultThreshold())
                    .add("perOrganisation", r.perOrganisation()).add("titleVi", r.titleVi())
                    .add("titleEn", r.titleEn()));
        }
        return Json.createObjectBuilder().add("rules", items).build();
    }

    @GET
    @Path("{id}")
    public Response one(@PathParam("id") String id) {
        return alerts.find(id).map(a -> Response.ok(describe(a).build()).build())
                .orElseGet(() -> refused(Response.Status.NOT_FOUND,
                        new Rejection("ALERT.NOT_FOUND", "id", "no alert " + id)));
    }

    @POST
    @Path("{id}/acknowledge")
    public Response acknowledge(@PathParam("id") String id) {
        Optional<Alert> before = alerts.find(id);
        if (before.isEmpty()) {
            audit.record(ADMIN, "ADMIN_ALERT_ACK", null, "REFUSED", "ALERT.NOT_FOUND", cut(id));
            return refused(Response.Status.NOT_FOUND, new Rejection("ALERT.NOT_FOUND", "id", "no alert " + id));
        }
        if (!alerts.acknowledge(id, ADMIN)) {
            audit.record(ADMIN, "ADMIN_ALERT_ACK", before.get().organId(), "REFUSED", "ALERT.NOT_OPEN", id);
            return refused(Response.Status.CONFLICT, new Rejection("ALERT.NOT_OPEN", "id",
                    "alert " + id + " is not open (already acknowledged or resolved)"));
        }
        Alert a = alerts.find(id).orElseThrow();
        audit.record(ADMIN, "ADMIN_ALERT_ACK", a.organId(), "ACCEPTED", null, a.key() + " (" + id + ")");
        return Response.ok(describe(a).build()).build();
    }

    @GET
    @Path("contacts")
    public JsonObject contacts(@QueryParam("organ") String organ) {
        JsonArrayBuilder items = Json.createArrayBuilder();
        alerts.contacts(organ == null || organ.isBlank() ? null : organ.strip()).forEach(c -> items.add(describe(c)));
        return Json.createObjectBuilder().add("contacts", items).build();
    }

    @GET
    @Path("contacts/{id}")
    public Response contact(@PathParam("id") String id) {
        return alerts.contact(id).map(c -> Response.ok(describe(c).build()).build())
                .orElseGet(() -> refused(Response.Status.NOT_FOUND, contactNotFound(id)));
    }

    @POST
    @Path("contacts")
    @Consumes(MediaType.WILDCARD)
    public Response createContact(String body) {
        try {
            Contact c = alerts.createContact(form(body));
            audit.record(ADMIN, "ADMIN_ALERT_CONTACT", c.organId(), "ACCEPTED", null, "create " + c.id());
            return Response.status(Response.Status.CREATED).entity(describe(c).build()).build();
        } catch (Rejection r) {
            audit.record(ADMIN, "ADMIN_ALERT_CONTACT", null, "REFUSED", r.code(), "create");
            return refused(Response.Status.BAD_REQUEST, r);
        }
    }

    @PUT
    @Path("contacts/{id}")
    @Consumes(MediaType.WILDCARD)
    public Response updateContact(@PathParam("id") String id, String body) {
        try {
            Optional<Contact> c = alerts.updateContact(id, form(body));
            if (c.isEmpty()) {
                audit.record(ADMIN, "ADMIN_ALERT_CONTACT", null, "REFUSED", "ALERT.CONTACT_NOT_FOUND", "update " + cut(id));
                return refused(Response.Status.NOT_FOUND, contactNotFound(id));
            }
            audit.record(ADMIN, "ADMIN_ALERT_CONTACT", c.get().organId(), "ACCEPTED", null, "update " + id);
            return Response.ok(describe(c.get()).build()).build();
        } catch (Rejection r) {
            audit.record(ADMIN, "ADMIN_ALERT_CONTACT", null, "REFUSED", r.code(), "update " + cut(id));
            return refused(Response.Status.BAD_REQUEST, r);
        }
    }

    @DELETE
    @Path("contacts/{id}")
    public Response deleteContact(@PathParam("id") String id) {
        Optional<Contact> c = alerts.contact(id);
        if (c.isEmpty() || !alerts.deleteContact(id)) {
            audit.record(ADMIN, "ADMIN_ALERT_CONTACT", null, "REFUSED", "ALERT.CONTACT_NOT_FOUND", "delete " + cut(id));
            return refused(Response.Status.NOT_FOUND, contactNotFound(id));
        }
        audit.record(ADMIN, "ADMIN_ALERT_CONTACT", c.get().organId(), "ACCEPTED", null, "delete " + id);
        return Response.noContent().build();
    }

    /** The JSON body as a form; not JSON or not an object is {@code M.body}. Validation happens in the service. */
    static ContactTable.Form form(String body) {
        JsonObject o;
        try (var reader = Json.createReader(new StringReader(body == null ? "" : body))) {
            o = reader.readObject();
        } catch (JsonException | IllegalStateException e) {
            throw Rejection.invalid("body", "the body must be a JSON object");
        }
        return new ContactTable.Form(text(o, "organId"), text(o, "role"), text(o, "name"), text(o, "email"),
                text(o, "webhookUrl"));
    }

    private static String text(JsonObject o, String field) {
        JsonValue v = o.get(field);
        if (v == null || v.getValueType() == JsonValue.ValueType.NULL) {
            return null;
        }
        if (v instanceof JsonString s) {
            return s.getString();
        }
        throw Rejection.invalid(field, field + " must be a string");
    }

    private static Rejection contactNotFound(String id) {
        return new Rejection("ALERT.CONTACT_NOT_FOUND", "id", "no contact " + id);
    }

    private static String cut(String s) {
        return s == null || s.length() <= 100 ? s : s.substring(0, 100);
    }

    private static Response refused(Response.Status status, Rejection r) {
        return Response.status(status).type(MediaType.APPLICATION_JSON)
                .entity(Json.createObjectBuilder().add("code", r.code()).add("field", r.field())
                        .add("message", r.getMessage()).build())
                .build();
    }

    static JsonObjectBuilder describe(Alert a) {
        JsonObjectBuilder b = Json.createObjectBuilder()
                .add("id", a.id())
                .add("key", a.key())
                .add("rule", a.rule() == null ? "" : a.rule().id())
                .add("subject", a.subject())
                .add("state", a.state().name())
                .add("messageVi", a.messageVi())
                .add("messageEn", a.messageEn())
                .add("raisedAt", VietnamTime.iso(a.raisedAt()))
                .add("noticesSent", a.noticesSent());
        if (a.organId() != null) {
            b.add("organId", a.organId());
        }
        if (a.lastNoticeAt() != null) {
            b.add("lastNoticeAt", VietnamTime.iso(a.lastNoticeAt()));
        }
        if (a.nextNoticeAt() != null) {
            b.add("nextNoticeAt", VietnamTime.iso(a.nextNoticeAt()));
        }
        if (a.acknowledgedAt() != null) {
            b.add("acknowledgedAt", VietnamTime.iso(a.acknowledgedAt())).add("acknowledgedBy", a.acknowledgedBy());
        }
        if (a.resolvedAt() != null) {
            b.add("resolvedAt", VietnamTime.iso(a.resolvedAt()));
        }
        return b;
    }

    static JsonObjectBuilder describe(Contact c) {
        JsonObjectBuilder b = Json.createObjectBuilder()
                .add("id", c.id())
                .add("organId", c.organId())
                .add("role", c.role().name())
                .add("name", c.name())
                .add("email", c.email())
                .add("createdAt", VietnamTime.iso(c.createdAt()))
                .add("updatedAt", VietnamTime.iso(c.updatedAt()));
        if (c.webhookUrl() != null) {
            b.add("webhookUrl", c.webhookUrl());
        }
        return b;
    }
}
