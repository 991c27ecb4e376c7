package vn.lienthong.adapter.alerting.control;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/**
 * POSTs a notice's JSON to a webhook (HTTP or HTTPS, the JVM's trust store), with a timeout and a bounded number
 * of attempts: a 2xx answer is success; a connection failure, a timeout or a 5xx/429 is tried again (after
 * 0.5 s, 1 s, …); another 4xx is final. A receiver that answered too late may get a notice twice: it can drop
 * the repeat by its {@code noticeId}.
 */
public final class WebhookSender {

    private final HttpClient client;
    private final Duration timeout;
    private final int attempts;

    public WebhookSender(Duration timeout, int attempts) {
        this.client = HttpClient.newBuilder().connectTimeout(timeout).followRedirects(HttpClient.Redirect.NEVER)
                .build();
        this.timeout = timeout;
        this.attempts = Math.max(1, attempts);
    }

    /** Delivers {@code json}; throws when every attempt failed (the message names the URL's host, not its path). */
    public void post(URI url, String json) throws IOException {
        HttpRequest request = HttpRequest.newBuilder(url).timeout(timeout)
                .header("Content-Type", "application/json; charset=utf-8")
                .POST(HttpRequest.BodyPublishers.ofString(json, StandardCharsets.UTF_8))
                .build();
        String last = "";
        for (int attempt = 1; attempt <= attempts; attempt++) {
            try {
                int status = client.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
                if (status / 100 == 2) {
                    return;
                }
                last = "HTTP " + status;
                if (status / 100 == 4 && status != 429) {
                    break;
                }
            } catch (IOException e) {
                last = e.getClass().getSimpleName();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IOException("interrupted");
            }
            if (attempt < attempts) {
                try {
                    Thread.sleep(500L * attempt);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IOException("interrupted");
                }
            }
        }
        // The URL's path or query may hold a token: only scheme, host and port are named.
        throw new IOException("webhook " + url.getScheme() + "://" + url.getHost()
                + (url.getPort() > 0 ? ":" + url.getPort() : "") + " failed after " + attempts + " attempt(s): " + last);
    }
}
