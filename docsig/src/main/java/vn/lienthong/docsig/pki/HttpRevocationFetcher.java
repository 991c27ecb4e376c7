package vn.lienthong.docsig.pki;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Flow;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * {@link RevocationFetcher} over the JDK's HTTP client, for hostile or dead servers: {@code http} only (a CRL or an
 * OCSP answer is signed, TLS adds nothing but a way to fail), no redirects followed, one deadline for the whole
 * exchange (connect, headers and body: a server dripping bytes cannot hold a verification longer), and the body
 * counted while it streams in: beyond {@code maxBytes} the exchange is cancelled (a declared Content-Length too
 * large is refused before reading).
 */
public final class HttpRevocationFetcher implements RevocationFetcher {

    private final HttpClient client;
    private final Duration timeout;
    private final long maxBytes;

    public HttpRevocationFetcher(Duration timeout, long maxBytes) {
        this.timeout = timeout;
        this.maxBytes = maxBytes;
        this.client = HttpClient.newBuilder().connectTimeout(timeout).followRedirects(HttpClient.Redirect.NEVER)
                .version(HttpClient.Version.HTTP_1_1).build();
    }

    @Override
    public byte[] get(URI uri) throws IOException {
        return exchange(HttpRequest.newBuilder(checked(uri)).GET());
    }

    @Override
    public byte[] post(URI uri, byte[] body, String contentType) throws IOException {
        return exchange(HttpRequest.newBuilder(checked(uri)).header("Content-Type", contentType)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body)));
    }

    private static URI checked(URI uri) throws IOException {
        if (uri.getScheme() == null || !"http".equals(uri.getScheme().toLowerCase(Locale.ROOT))
                || uri.getHost() == null) {
            throw new IOException("only http URLs are fetched, not " + uri);
        }
        return uri;
    }

    private byte[] exchange(HttpRequest.Builder request) throws IOException {
        HttpRequest r = request.timeout(timeout).build();
        CompletableFuture<HttpResponse<byte[]>> pending = client.sendAsync(r, this::bounded);
        HttpResponse<byte[]> response;
        try {
            response = pending.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            pending.cancel(true);
            throw new IOException("no complete answer from " + r.uri() + " within " + timeout.toMillis() + " ms");
        } catch (InterruptedException e) {
            pending.cancel(true);
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("interrupted while fetching " + r.uri());
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            Throwable tooLarge = cause;
            while (tooLarge != null && !(tooLarge instanceof TooLarge)) {
                tooLarge = tooLarge.getCause();
            }
            String why = tooLarge != null ? tooLarge.getMessage()
                    : cause == null ? "failed" : cause.getClass().getSimpleName()
                    + (cause.getMessage() == null ? "" : ": " + cause.getMessage());
            throw new IOException(r.uri() + ": " + why);
        }
        if (response.statusCode() != 200) {
            throw new IOException(r.uri() + " answered HTTP " + response.statusCode()
                    + (response.statusCode() / 100 == 3 ? " (redirects are not followed)" : ""));
        }
        return response.body();
    }

    /** The body of a 200 answer, at most {@code maxBytes}; nothing is read from other answers. */
    private HttpResponse.BodySubscriber<byte[]> bounded(HttpResponse.ResponseInfo info) {
        if (info.statusCode() != 200) {
            return HttpResponse.BodySubscribers.replacing(new byte[0]);
        }
        long declared = info.headers().firstValueAsLong("Content-Length").orElse(-1L);
        if (declared > maxBytes) {
            return new Refused(new TooLarge("answer of " + declared + " bytes, more than the limit of " + maxBytes));
        }
        return new Bounded();
    }

    private static final class TooLarge extends IOException {
        private static final long serialVersionUID = 1L;

        TooLarge(String message) {
            super(message);
        }
    }

    /** Collects the body and cancels the exchange as soon as it passes the limit. */
    private final class Bounded implements HttpResponse.BodySubscriber<byte[]> {
        private final CompletableFuture<byte[]> result = new CompletableFuture<>();
        private final java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
        private Flow.Subscription subscription;

        @Override
        public CompletionStage<byte[]> getBody() {
            return result;
        }

        @Override
        public void onSubscribe(Flow.Subscription s) {
            subscription = s;
            s.request(Long.MAX_VALUE);
        }

        @Override
        public void onNext(List<ByteBuffer> buffers) {
            if (result.isDone()) {
                return;
            }
            for (ByteBuffer b : buffers) {
                if (bytes.size() + (long) b.remaining() > maxBytes) {
                    subscription.cancel();
                    result.completeExceptionally(new TooLarge("answer longer than the limit of " + maxBytes
                            + " bytes"));
                    return;
                }
                byte[] chunk = new byte[b.remaining()];
                b.get(chunk);
                bytes.write(chunk, 0, chunk.length);
            }
        }

        @Override
        public void onError(Throwable t) {
            result.completeExceptionally(t);
        }

        @Override
        public void onComplete() {
            result.complete(bytes.toByteArray());
        }
    }

    /** Reads nothing: the declared length is already too large. */
    private static final class Refused implements HttpResponse.BodySubscriber<byte[]> {
        private final CompletableFuture<byte[]> result = new CompletableFuture<>();
        private final IOException why;

        Refused(IOException why) {
            this.why = why;
        }

        @Override
        public CompletionStage<byte[]> getBody() {
            return result;
        }

        @Override
        public void onSubscribe(Flow.Subscription s) {
            s.cancel();
            result.completeExceptionally(why);
        }

        @Override
        public void onNext(List<ByteBuffer> item) {
        }

        @Override
        public void onError(Throwable t) {
            result.completeExceptionally(why);
        }

        @Override
        public void onComplete() {
            result.completeExceptionally(why);
        }
    }
}
