package vn.lienthong.load;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.HashSet;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Which documents reached the axis simulator, by DocumentId, from its unauthenticated {@code /_sim/state}. */
final class SimulatorProbe {

    private static final Pattern DOCUMENT_ID = Pattern.compile("\"documentId\"\\s*:\\s*\"((?:[^\"\\\\]|\\\\.)*)\"");

    private final URI state;
    private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    SimulatorProbe(URI simulator) {
        this.state = simulator == null ? null : simulator.resolve("/_sim/state");
    }

    boolean enabled() {
        return state != null;
    }

    /** DocumentIds the simulator holds that end with {@code "/" + notation}; empty when it cannot be asked. */
    Set<String> delivered(String notation) {
        if (state == null) {
            return Set.of();
        }
        try {
            HttpResponse<String> r = client.send(HttpRequest.newBuilder(state).timeout(Duration.ofSeconds(60)).build(),
                    HttpResponse.BodyHandlers.ofString());
            return documentIds(r.body(), notation);
        } catch (Exception e) {
            System.err.println("simulator state not readable: " + e);
            return Set.of();
        }
    }

    static Set<String> documentIds(String stateJson, String notation) {
        Set<String> ids = new HashSet<>();
        Matcher m = DOCUMENT_ID.matcher(stateJson);
        while (m.find()) {
            String id = m.group(1).replace("\\/", "/");
            if (id.endsWith("/" + notation)) {
                ids.add(id);
            }
        }
        return ids;
    }
}
