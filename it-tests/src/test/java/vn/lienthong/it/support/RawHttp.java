package vn.lienthong.it.support;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

/**
 * HTTP/1.1 over a plain socket, for what ordinary clients hide: a body streamed from a generator (fixed length or
 * chunked), {@code Expect: 100-continue}, and an answer read while the body is still being sent — the server may
 * answer and close before it has read the body, which is the point of the tests using this.
 */
public final class RawHttp {

    private RawHttp() {
    }

    public record Reply(int status, Map<String, String> headers, String body) {
        public String header(String name) {
            return headers.get(name.toLowerCase(Locale.ROOT));
        }

        @Override
        public String toString() {
            return "HTTP " + status + " " + headers + "\n" + body;
        }
    }

    /**
     * Sends {@code method url} with {@code headers} and a body of {@code length} bytes from {@code body} (chunked
     * transfer encoding when {@code length < 0}; then {@code body} is read to its end; no body when null), reading
     * the answer concurrently.
     */
    /** A plain socket, or for https one trusting the test's demo CA (Micro's HTTPS key, TlsKeyStoreExtension). */
    private static Socket open(URL url) throws IOException {
        if (!"https".equals(url.getProtocol())) {
            return new Socket(url.getHost(), url.getPort());
        }
        try {
            return TlsKeyStoreExtension.clientContext().getSocketFactory().createSocket(url.getHost(), url.getPort());
        } catch (IOException e) {
            throw e;
        } catch (Exception e) {
            throw new IOException("no TLS context for the demo CA", e);
        }
    }

    public static Reply send(URL url, String method, Map<String, String> headers, InputStream body, long length,
            boolean expectContinue) throws IOException, InterruptedException {
        try (Socket socket = open(url)) {
            socket.setSoTimeout(180_000);
            OutputStream out = socket.getOutputStream();
            StringBuilder head = new StringBuilder(method).append(' ').append(url.getFile()).append(" HTTP/1.1\r\n")
                    .append("Host: ").append(url.getHost()).append(':').append(url.getPort()).append("\r\n");
            headers.forEach((k, v) -> head.append(k).append(": ").append(v).append("\r\n"));
            if (body != null) {
                head.append(length >= 0 ? "Content-Length: " + length : "Transfer-Encoding: chunked").append("\r\n");
            }
            if (expectContinue) {
                head.append("Expect: 100-continue\r\n");
            }
            head.append("\r\n");
            out.write(head.toString().getBytes(StandardCharsets.ISO_8859_1));
            out.flush();

            InputStream in = new BufferedInputStream(socket.getInputStream());
            CompletableFuture<Void> continued = new CompletableFuture<>();
            CompletableFuture<Reply> answer = CompletableFuture.supplyAsync(() -> {
                try {
                    return readReply(in, continued);
                } catch (IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            });
            if (body != null) {
                if (expectContinue) {
                    // Either the server asks for the body (100) or it has answered without wanting it.
                    CompletableFuture.anyOf(continued, answer).join();
                }
                if (!answer.isDone()) {
                    writeBody(out, body, length);
                }
            }
            try {
                return answer.get(180, TimeUnit.SECONDS);
            } catch (ExecutionException e) {
                throw new IOException("No answer: " + e.getCause(), e.getCause());
            } catch (java.util.concurrent.TimeoutException e) {
                throw new IOException("No answer within 180 s", e);
            }
        }
    }

    private static void writeBody(OutputStream out, InputStream body, long length) {
        byte[] buffer = new byte[64 * 1024];
        try {
            int n;
            while ((n = body.read(buffer)) > 0) {
                if (length < 0) {
                    out.write((Integer.toHexString(n) + "\r\n").getBytes(StandardCharsets.ISO_8859_1));
                    out.write(buffer, 0, n);
                    out.write("\r\n".getBytes(StandardCharsets.ISO_8859_1));
                } else {
                    out.write(buffer, 0, n);
                }
            }
            if (length < 0) {
                out.write("0\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1));
            }
            out.flush();
        } catch (IOException e) {
            // The server stopped reading (it refused the request and closed): its answer is what counts.
        }
    }

    private static Reply readReply(InputStream in, CompletableFuture<Void> continued) throws IOException {
        while (true) {
            String statusLine = line(in);
            if (statusLine == null) {
                throw new IOException("Connection closed without an answer");
            }
            int status = Integer.parseInt(statusLine.split(" ")[1]);
            Map<String, String> headers = new LinkedHashMap<>();
            for (String l = line(in); l != null && !l.isEmpty(); l = line(in)) {
                int colon = l.indexOf(':');
                headers.merge(l.substring(0, colon).trim().toLowerCase(Locale.ROOT), l.substring(colon + 1).trim(),
                        (a, b) -> a + ", " + b);
            }
            if (status == 100) {
                continued.complete(null);
                continue;
            }
            ByteArrayOutputStream body = new ByteArrayOutputStream();
            String length = headers.get("content-length");
            if (length != null) {
                body.write(in.readNBytes(Integer.parseInt(length)));
            } else if ("chunked".equalsIgnoreCase(headers.get("transfer-encoding"))) {
                for (int size = Integer.parseInt(line(in).split(";")[0].trim(), 16); size > 0;
                        size = Integer.parseInt(line(in).split(";")[0].trim(), 16)) {
                    body.write(in.readNBytes(size));
                    line(in);
                }
            } else {
                body.write(in.readAllBytes());
            }
            return new Reply(status, headers, body.toString(StandardCharsets.UTF_8));
        }
    }

    private static String line(InputStream in) throws IOException {
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        int c;
        while ((c = in.read()) >= 0 && c != '\n') {
            if (c != '\r') {
                b.write(c);
            }
        }
        return c < 0 && b.size() == 0 ? null : b.toString(StandardCharsets.ISO_8859_1);
    }
}
