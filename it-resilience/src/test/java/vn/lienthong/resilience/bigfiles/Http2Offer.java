package vn.lienthong.resilience.bigfiles;

import java.io.IOException;
import java.net.URL;
import java.net.URISyntaxException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/**
 * What a client that offers HTTP/2 gets from the adapter's plain HTTP listener. Java's HttpClient (and so CXF 4's
 * default conduit) offers it on every new {@code http:} connection ({@code Upgrade: h2c}); when Grizzly accepted,
 * a signed MTOM upload of 2 GiB ended ~2 GiB in with the client's "protocol error": the server's window updates
 * had pushed the client's connection window past 2^31 - 1 (docs/large-attachments.md, "HTTP/1.1 only"). The
 * listener must answer in HTTP/1.1.
 */
final class Http2Offer {

    private Http2Offer() {
    }

    /** The HTTP version of the answer to a small SOAP POST offering h2c, as CXF's client sends one. */
    static HttpClient.Version answerVersion(URL endpoint) throws IOException, InterruptedException {
        HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_2)
                .connectTimeout(Duration.ofSeconds(5)).build();
        try {
            // Not a valid request (refused with a fault): only the protocol of the answer matters.
            HttpRequest probe = HttpRequest.newBuilder(endpoint.toURI())
                    .header("Content-Type", "text/xml; charset=utf-8")
                    .POST(HttpRequest.BodyPublishers.ofString("<probe/>"))
                    .timeout(Duration.ofSeconds(30)).build();
            return client.send(probe, HttpResponse.BodyHandlers.discarding()).version();
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException(endpoint.toString(), e);
        }
    }
}
