package vn.lienthong.it.support;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A deliberately dumb HTTP/1.1 client over a plain (or demo-CA TLS) socket, for what ordinary clients hide or
 * "fix": exactly the bytes a test builds (any method, any header, a lying Content-Length, a 64 KiB header line;
 * {@link #request}), or a body streamed from a generator, fixed length or chunked, with {@code Expect: 100-continue}
 * ({@link #send(URL, String, Map, InputStream, long, boolean)}). The answer is read while the body is still being
 * sent: a server may answer and close before it has read a body it refuses, which is the point of these tests.
 */
public final class RawHttp {

    private static final int TIMEOUT_MS = 30_000;
    private static final int STREAMING_TIMEOUT_MS = 180_000;
    private static final Pattern CONTENT_LENGTH = Pattern.compile("\ncontent-length:\\s*(\\d+)");

    private final String method;
    private final String target;
    private final Map<String, String> headers = new LinkedHashMap<>();
    private byte[] body = new byte[0];
    private boolean contentLength = true;

    private RawHttp(String method, String target) {
        this.method = method;
        this.target = target;
    }

    /** {@code target}: path and query as sent on the request line (not encoded here). */
    public static RawHttp request(String method, String target) {
        return new RawHttp(method, target);
    }

    public RawHttp header(String name, String value) {
        headers.put(name, value);
        return this;
    }

    public RawHttp body(byte[] bytes) {
        this.body = bytes;
        return this;
    }

    public RawHttp body(String text) {
        return body(text.getBytes(StandardCharsets.UTF_8));
    }

    /** Sends the headers as given, without adding a Content-Length of our own. */
    public RawHttp noContentLength() {
        this.contentLength = false;
        return this;
    }

    /** One request per connection ({@code Connection: close}); chunked answers are decoded. */
    public Answer send(URL server) throws IOException {
        try (Socket s = open(server)) {
            s.setSoTimeout(TIMEOUT_MS);
            OutputStream out = s.getOutputStream();
            StringBuilder head = head(method, target, server, headers);
            if (contentLength && !headers.containsKey("Content-Length")) {
                head.append("Content-Length: ").append(body.length).append("\r\n");
            }
            head.append("Connection: close\r\n\r\n");
            out.write(head.toString().getBytes(StandardCharsets.UTF_8));
            try {
                out.write(body);
                out.flush();
            } catch (IOException e) {
                // The server may answer and close before reading a body it refuses: read what it said.
            }
            return read(s.getInputStream(), new CompletableFuture<>());
        }
    }

    /**
     * Sends {@code method url} with {@code headers} and a body of {@code length} bytes from {@code body} (chunked
     * transfer encoding when {@code length < 0}; then {@code body} is read to its end; no body when null), reading
     * the answer concurrently. With {@code expectContinue} the body follows only once the server asked for it.
     */
    public static Answer send(URL url, String method, Map<String, String> headers, InputStream body, long length,
            boolean expectContinue) throws IOException, InterruptedException {
        try (Socket socket = open(url)) {
            socket.setSoTimeout(STREAMING_TIMEOUT_MS);
            OutputStream out = socket.getOutputStream();
            StringBuilder head = head(method, url.getFile(), url, headers);
            if (body != null) {
                head.append(length >= 0 ? "Content-Length: " + length : "Transfer-Encoding: chunked").append("\r\n");
            }
            if (expectContinue) {
                head.append("Expect: 100-continue\r\n");
            }
            head.append("\r\n");
            out.write(head.toString().getBytes(StandardCharsets.ISO_8859_1));
            out.flush();

            InputStream in = socket.getInputStream();
            CompletableFuture<Void> continued = new CompletableFuture<>();
            CompletableFuture<Answer> answer = CompletableFuture.supplyAsync(() -> {
                try {
                    return read(in, continued);
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
                return answer.get(STREAMING_TIMEOUT_MS, TimeUnit.MILLISECONDS);
            } catch (ExecutionException e) {
                throw new IOException("No answer: " + e.getCause(), e.getCause());
            } catch (TimeoutException e) {
                throw new IOException("No answer within " + STREAMING_TIMEOUT_MS / 1000 + " s", e);
            }
        }
    }

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

    private static StringBuilder head(String method, String target, URL server, Map<String, String> headers) {
        StringBuilder head = new StringBuilder(method).append(' ').append(target).append(" HTTP/1.1\r\n")
                .append("Host: ").append(server.getHost()).append(':').append(server.getPort()).append("\r\n");
        headers.forEach((k, v) -> head.append(k).append(": ").append(v).append("\r\n"));
        return head;
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

    /**
     * Reads one answer: until its headers plus Content-Length bytes or its last chunk are in (a server that refused
     * a request before reading its body may keep the connection open: waiting for EOF would take the timeout), else
     * to EOF. An interim {@code 100 Continue} completes {@code continued} and is skipped. A reset or timeout after
     * part of the answer arrived keeps that part; status 0 when the server sent no HTTP at all.
     */
    private static Answer read(InputStream in, CompletableFuture<Void> continued) throws IOException {
        ByteArrayOutputStream all = new ByteArrayOutputStream();
        byte[] buf = new byte[8192];
        try {
            for (int n; !complete(all.toByteArray()) && (n = in.read(buf)) >= 0; ) {
                all.write(buf, 0, n);
                all = skipContinue(all, continued);
            }
        } catch (SocketTimeoutException | java.net.SocketException e) {
            if (all.size() == 0) {
                throw e;
            }
        }
        byte[] raw = all.toByteArray();
        String text = new String(raw, StandardCharsets.ISO_8859_1);
        int end = text.indexOf("\r\n\r\n");
        if (end < 0) {
            return new Answer(0, Map.of(), text);
        }
        String[] lines = text.substring(0, end).split("\r\n");
        int status = Integer.parseInt(lines[0].split(" ")[1]);
        Map<String, List<String>> h = new LinkedHashMap<>();
        for (int i = 1; i < lines.length; i++) {
            int colon = lines[i].indexOf(':');
            if (colon > 0) {
                h.computeIfAbsent(lines[i].substring(0, colon).trim().toLowerCase(Locale.ROOT), k -> new ArrayList<>())
                        .add(lines[i].substring(colon + 1).trim());
            }
        }
        byte[] bodyBytes = Arrays.copyOfRange(raw, end + 4, raw.length);
        if (h.getOrDefault("transfer-encoding", List.of()).stream().anyMatch(v -> v.equalsIgnoreCase("chunked"))) {
            bodyBytes = dechunk(bodyBytes);
        }
        return new Answer(status, h, new String(bodyBytes, StandardCharsets.UTF_8));
    }

    /** Drops a complete interim 1xx answer from the front of what was read, telling the sender to go on. */
    private static ByteArrayOutputStream skipContinue(ByteArrayOutputStream all, CompletableFuture<Void> continued) {
        String text = new String(all.toByteArray(), StandardCharsets.ISO_8859_1);
        int end = text.indexOf("\r\n\r\n");
        if (!text.startsWith("HTTP/1.1 100") || end < 0) {
            return all;
        }
        continued.complete(null);
        ByteArrayOutputStream rest = new ByteArrayOutputStream();
        rest.write(all.toByteArray(), end + 4, all.size() - end - 4);
        return skipContinue(rest, continued);
    }

    /** Whether the whole answer is in: headers plus Content-Length bytes, or the last chunk. */
    private static boolean complete(byte[] raw) {
        String text = new String(raw, StandardCharsets.ISO_8859_1);
        int end = text.indexOf("\r\n\r\n");
        if (end < 0) {
            return false;
        }
        String head = text.substring(0, end).toLowerCase(Locale.ROOT);
        Matcher length = CONTENT_LENGTH.matcher(head);
        if (length.find()) {
            return raw.length - (end + 4) >= Long.parseLong(length.group(1));
        }
        if (head.contains("transfer-encoding: chunked")) {
            return text.endsWith("\r\n0\r\n\r\n") || text.endsWith("\n0\r\n\r\n");
        }
        return false;
    }

    private static byte[] dechunk(byte[] chunked) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int pos = 0;
        while (pos < chunked.length) {
            int lineEnd = indexOfCrlf(chunked, pos);
            if (lineEnd < 0) {
                break;
            }
            String sizeLine = new String(chunked, pos, lineEnd - pos, StandardCharsets.US_ASCII).split(";")[0].trim();
            int size = sizeLine.isEmpty() ? 0 : Integer.parseInt(sizeLine, 16);
            if (size == 0) {
                break;
            }
            int start = lineEnd + 2;
            out.write(chunked, start, Math.min(size, chunked.length - start));
            pos = start + size + 2;
        }
        return out.toByteArray();
    }

    private static int indexOfCrlf(byte[] b, int from) {
        for (int i = from; i + 1 < b.length; i++) {
            if (b[i] == '\r' && b[i + 1] == '\n') {
                return i;
            }
        }
        return -1;
    }

    /** Status, headers (lower-case names) and body text of one answer; status 0 when the server sent no HTTP. */
    public record Answer(int status, Map<String, List<String>> headers, String body) {

        /** The header's values joined with ", " as HTTP allows; null when absent. */
        public String header(String name) {
            List<String> values = headers.get(name.toLowerCase(Locale.ROOT));
            return values == null || values.isEmpty() ? null : String.join(", ", values);
        }

        @Override
        public String toString() {
            String shown = body.length() > 6000 ? body.substring(0, 1500) + " … " + body.substring(body.length() - 4500)
                    : body;
            return "HTTP " + status + " " + headers + "\n" + shown;
        }
    }
}
