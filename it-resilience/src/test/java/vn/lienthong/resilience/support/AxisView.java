package vn.lienthong.resilience.support;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonValue;

/** What the axis simulator received, read from its admin state ({@code GET /_sim/state}). */
public final class AxisView {

    private final URI state;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    public AxisView(URI adminUri) {
        this.state = adminUri.resolve("state");
    }

    /** Number of document submissions (sendEdoc, messagetype edoc) per EDXML DocumentId. */
    public Map<String, Integer> documentsReceived() throws IOException, InterruptedException {
        HttpRequest get = HttpRequest.newBuilder(state).timeout(Duration.ofSeconds(10)).GET().build();
        HttpResponse<InputStream> response = http.send(get, HttpResponse.BodyHandlers.ofInputStream());
        Map<String, Integer> counts = new HashMap<>();
        try (JsonReader reader = Json.createReader(response.body())) {
            for (JsonValue v : reader.readObject().getJsonArray("submissions")) {
                JsonObject s = v.asJsonObject();
                JsonObject facts = s.getJsonObject("facts");
                if ("edoc".equalsIgnoreCase(s.getString("messageType")) && !facts.isNull("documentId")) {
                    counts.merge(facts.getString("documentId"), 1, Integer::sum);
                }
            }
        }
        return counts;
    }
}
