package vn.lienthong.axis.simulator;

import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import jakarta.json.stream.JsonGenerator;
import java.time.Instant;
import java.util.List;

/** JSON form of submissions and deliveries, used for the state file and for {@code GET /_sim/state}. */
final class StateJson {

    private StateJson() {
    }

    static void writeSubmission(JsonGenerator g, Submission s) {
        g.writeStartObject();
        g.write("id", s.id());
        g.write("senderSystem", s.senderSystem());
        g.write("fromOrganId", s.fromOrganId());
        g.write("messageType", s.messageType());
        g.write("size", s.size());
        g.write("created", s.created().toString());
        PackageFacts f = s.facts();
        g.writeStartObject("facts");
        g.write("status", f.status());
        writeNullable(g, "fromOrganId", f.fromOrganId());
        g.writeStartArray("toOrganIds");
        f.toOrganIds().forEach(g::write);
        g.writeEnd();
        writeNullable(g, "documentId", f.documentId());
        g.write("businessType", f.businessType());
        writeNullable(g, "statusCode", f.statusCode());
        writeNullable(g, "responseForOrganId", f.responseForOrganId());
        writeNullable(g, "responseForDocumentId", f.responseForDocumentId());
        writeNullable(g, "subject", f.subject());
        writeNullable(g, "notation", f.notation());
        g.writeEnd();
        g.writeEnd();
    }

    static void writeDelivery(JsonGenerator g, Delivery d) {
        g.writeStartObject();
        g.write("id", d.id);
        g.write("submissionId", d.submissionId);
        g.write("recipientSystem", d.recipientSystem);
        g.writeStartArray("recipientOrganIds");
        d.recipientOrganIds.forEach(g::write);
        g.writeEnd();
        g.write("messageType", d.messageType);
        g.write("fromOrganId", d.fromOrganId);
        g.write("state", d.state);
        g.write("created", d.created.toString());
        g.write("updated", d.updated.toString());
        g.writeEnd();
    }

    static Submission readSubmission(JsonObject o) {
        JsonObject f = o.getJsonObject("facts");
        PackageFacts facts = new PackageFacts(f.getBoolean("status"), text(f, "fromOrganId"),
                strings(f.getJsonArray("toOrganIds")), text(f, "documentId"), f.getInt("businessType"),
                text(f, "statusCode"), text(f, "responseForOrganId"), text(f, "responseForDocumentId"),
                text(f, "subject"), text(f, "notation"));
        return new Submission(o.getString("id"), o.getString("senderSystem"), o.getString("fromOrganId"),
                o.getString("messageType"), facts, o.getJsonNumber("size").longValue(),
                Instant.parse(o.getString("created")));
    }

    static Delivery readDelivery(JsonObject o) {
        return new Delivery(o.getString("id"), o.getString("submissionId"), o.getString("recipientSystem"),
                strings(o.getJsonArray("recipientOrganIds")), o.getString("messageType"), o.getString("fromOrganId"),
                Instant.parse(o.getString("created")), o.getString("state"), Instant.parse(o.getString("updated")));
    }

    private static void writeNullable(JsonGenerator g, String name, String value) {
        if (value == null) {
            g.writeNull(name);
        } else {
            g.write(name, value);
        }
    }

    private static String text(JsonObject o, String name) {
        JsonValue v = o.get(name);
        return v == null || v.getValueType() == JsonValue.ValueType.NULL ? null : o.getString(name);
    }

    private static List<String> strings(JsonArray array) {
        return array.getValuesAs(jakarta.json.JsonString.class).stream().map(jakarta.json.JsonString::getString)
                .toList();
    }
}
