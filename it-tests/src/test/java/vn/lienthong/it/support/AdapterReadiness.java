package vn.lienthong.it.support;

import java.io.IOException;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

/**
 * Waits for the adapter's MicroProfile readiness ({@code /health/ready}) instead of probing a WSDL: the
 * application deployed, database, data folder and keys UP. The axis check is left out on purpose — some tests
 * leave the simulator failing, and the adapter is ready to take submissions during an axis outage all the same.
 */
public final class AdapterReadiness {

    private static final Pattern CHECK = Pattern.compile("\\{\"name\":\"([^\"]+)\",\"status\":\"(UP|DOWN)\"");
    private static final Set<String> READY = ConcurrentHashMap.newKeySet();

    private AdapterReadiness() {
    }

    /** Returns once every check but the axis is UP (once per server); fails after {@code timeout}. */
    public static void await(URL appBase, Duration timeout) throws IOException, InterruptedException {
        URL ready = new URL(appBase, "/health/ready");
        if (READY.contains(ready.toString())) {
            return;
        }
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        long deadline = System.nanoTime() + timeout.toNanos();
        String last = "no answer";
        while (System.nanoTime() < deadline) {
            try {
                last = http.send(HttpRequest.newBuilder(ready.toURI()).timeout(Duration.ofSeconds(10)).GET().build(),
                        HttpResponse.BodyHandlers.ofString()).body();
                boolean anyCheck = CHECK.matcher(last).find();
                boolean downBesidesAxis = CHECK.matcher(last).results()
                        .anyMatch(m -> m.group(2).equals("DOWN") && !m.group(1).equals("axis"));
                if (anyCheck && !downBesidesAxis) {
                    READY.add(ready.toString());
                    return;
                }
            } catch (IOException | java.net.URISyntaxException notYet) {
                last = notYet.toString();
            }
            Thread.sleep(250); // probe interval
        }
        throw new IllegalStateException("adapter not ready after " + timeout + ": " + last);
    }
}
