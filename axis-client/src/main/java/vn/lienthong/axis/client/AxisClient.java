package vn.lienthong.axis.client;

import jakarta.json.JsonException;
import jakarta.json.JsonObject;
import java.io.BufferedInputStream;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.ConnectException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublisher;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Objects;
import java.util.function.Consumer;
import javax.net.ssl.SSLContext;

/**
 * Client of the national axis HTTP API for one connected system: one method per operation, requests shaped like
 * the vendor SDK's (spec axis-vxp-api §2), answers streamed.
 *
 * <p>Thread-safe; share one instance per system id and close it on shutdown. Every method throws
 * {@link AxisTransportException} (retryable: outcome unknown), {@link AxisRejectedException} (the axis said no) or
 * {@link AxisAuthenticationException} (credentials refused).
 */
public final class AxisClient implements AutoCloseable {

    private static final System.Logger LOG = System.getLogger(AxisClient.class.getName());
    private static final String JSON = "application/json";
    private static final String OCTETS = "application/octet-stream";
    private static final String SERVICE_TYPE = "eDoc";
    private static final byte[] CRLF = {'\r', '\n'};
    private static final int MAX_ERROR_BODY = 64 * 1024;
    private static final long MIN_UPLOAD_BYTES_PER_SECOND = 128 * 1024;

    private final AxisClientConfig config;
    private final HttpClient http;
    private final HmacHeaderSigner signer;
    private final IdleReadWatchdog watchdog;

    AxisClient(AxisClientConfig config, HttpClient http, Clock clock) {
        this.config = Objects.requireNonNull(config, "config");
        this.http = Objects.requireNonNull(http, "http");
        this.signer = new HmacHeaderSigner(config.systemId(), config.secret(), clock);
        this.watchdog = new IdleReadWatchdog(config.readTimeout());
    }

    /** A client using the platform trust store for HTTPS endpoints. */
    public static AxisClient create(AxisClientConfig config) {
        return new AxisClient(config, baseBuilder(config).build(), Clock.systemUTC());
    }

    /** A client trusting what the given context trusts (e.g. the platform store plus the operator's CA). */
    public static AxisClient create(AxisClientConfig config, SSLContext sslContext) {
        return new AxisClient(config, baseBuilder(config).sslContext(sslContext).build(), Clock.systemUTC());
    }

    private static HttpClient.Builder baseBuilder(AxisClientConfig config) {
        return HttpClient.newBuilder()
                .connectTimeout(config.connectTimeout())
                .followRedirects(HttpClient.Redirect.NEVER)
                .version(HttpClient.Version.HTTP_1_1);
    }

    public AxisClientConfig config() {
        return config;
    }

    // ---------------------------------------------------------------------------------------------- operations

    /**
     * Submits a document ({@link MessageType#EDOC}) or status package ({@link MessageType#STATUS}). The body is
     * streamed from the file followed by CRLF, as the SDK sends it.
     *
     * @param from organisation sending (or, for a status, reporting); must be served by this system
     * @param to   recipient codes for the optional {@code to} header; empty = let the axis route by the package
     */
    public SendResult sendEdoc(String from, List<String> to, MessageType type, Path packageFile)
            throws AxisException {
        Map<String, String> parameters = new LinkedHashMap<>();
        parameters.put("from", from);
        parameters.put("servicetype", SERVICE_TYPE);
        parameters.put("messagetype", type.wireValue());
        if (to != null && !to.isEmpty()) {
            parameters.put("to", GsonStyleJson.stringArray(to));
        }
        BodyPublisher body;
        Duration timeout;
        try {
            parameters.put("hash-file", SdkHashFile.of(packageFile));
            body = BodyPublishers.concat(BodyPublishers.ofFile(packageFile), BodyPublishers.ofByteArray(CRLF));
            timeout = uploadTimeout(Files.size(packageFile));
        } catch (IOException e) {
            // A local problem, not the axis: the caller's file is missing or unreadable.
            throw new IllegalArgumentException("cannot read package " + packageFile, e);
        }
        AxisAnswer answer = call("sendEdoc", "POST", OCTETS, parameters, body, timeout,
                in -> AxisJsonReader.read(in, ignored -> { }));
        // The axis sends DocId on refusals too, empty (the reference SDK reads it from every answer); it means
        // nothing there, so the verdict comes first and DocId is read only from a success.
        answer.requireSuccess("sendEdoc");
        String docId = answer.get("DocId");
        if (docId == null || docId.isBlank()) {
            // Success without an id: the package may or may not be on the axis — an unknown outcome, like a timeout.
            throw new AxisTransportException("sendEdoc", "OK answer without DocId", null);
        }
        return new SendResult(docId.trim());
    }

    /** Items waiting for this system (not yet acknowledged with {@link AckStatus#DONE}). */
    public List<ReceivedItem> getReceivedEdocList(MessageType type) throws AxisException {
        List<ReceivedItem> items = new ArrayList<>();
        AxisAnswer answer = call("getReceivedEdocList", "POST", JSON, listParameters(type), BodyPublishers.noBody(),
                in -> AxisJsonReader.read(in, element -> items.add(receivedItem(element))));
        answer.requireSuccess("getReceivedEdocList");
        return items;
    }

    /**
     * Fetches one item and decodes its base64 {@code data} into {@code target} while it streams; the file appears
     * only when the whole answer was read and successful. Checking that the file is a well-formed package before
     * acknowledging it is the caller's job.
     */
    public FetchedPackage getEdoc(String docId, Path target) throws AxisException {
        return fetchToFile("getEdoc", "POST", docId, target, (in, out) -> Base64DataAnswerReader.read(in, out));
    }

    /** Fetches one item as the raw package bytes (GET, no base64); an alternative where the node supports it. */
    public FetchedPackage downloadEdoc(String docId, Path target) throws AxisException {
        return fetchToFile("downloadEdoc", "GET", docId, target, AxisClient::copyRawOrReadAnswer);
    }

    /** Transport acknowledgement of one received item. */
    public void updateStatus(String docId, AckStatus status) throws AxisException {
        Map<String, String> parameters = new LinkedHashMap<>();
        parameters.put("docId", requireText(docId, "docId"));
        parameters.put("status", status.wireValue());
        AxisAnswer answer = call("updateStatus", "POST", JSON, parameters, jsonEmptyObject(),
                in -> AxisJsonReader.read(in, ignored -> { }));
        answer.requireSuccess("updateStatus");
    }

    /** Delivery rows of everything this system sent with the given message type. */
    public List<SentItem> getSentEdocList(MessageType type) throws AxisException {
        return getSentEdocList(type, null);
    }

    /** Delivery rows of one submission (its axis {@code DocId}), or all when {@code docId} is null. */
    public List<SentItem> getSentEdocList(MessageType type, String docId) throws AxisException {
        Map<String, String> parameters = listParameters(type);
        if (docId != null) {
            parameters.put("docId", docId);
        }
        List<SentItem> items = new ArrayList<>();
        AxisAnswer answer = call("getSentEdocList", "POST", JSON, parameters, BodyPublishers.noBody(),
                in -> AxisJsonReader.read(in, element -> items.add(sentItem(element))));
        answer.requireSuccess("getSentEdocList");
        return items;
    }

    /**
     * Streams the directory (QCVN 102 codes) to the sink one entry at a time. Entries may have been delivered
     * before a FAIL answer is detected at the end; the caller should stage them and commit only on return.
     *
     * @return the number of entries delivered
     */
    public long getAgenciesList(Consumer<Agency> sink) throws AxisException {
        long[] count = {0};
        AxisAnswer answer = call("getAgenciesList", "POST", JSON, Map.of(), BodyPublishers.noBody(),
                in -> AxisJsonReader.read(in, element -> {
                    sink.accept(agency(element));
                    count[0]++;
                }));
        answer.requireSuccess("getAgenciesList");
        return count[0];
    }

    /**
     * Streams the QĐ 20/2020 directory to the sink; {@code level} (e.g. "1") filters by level, null = no filter.
     *
     * @return the number of entries delivered
     */
    public long getAgenciesListQD20(String level, Consumer<AgencyQd20> sink) throws AxisException {
        Map<String, String> parameters = level == null ? Map.of() : Map.of("level", level);
        long[] count = {0};
        AxisAnswer answer = call("getAgenciesListQD20", "POST", JSON, parameters, BodyPublishers.noBody(),
                in -> AxisJsonReader.read(in, element -> {
                    sink.accept(agencyQd20(element));
                    count[0]++;
                }));
        answer.requireSuccess("getAgenciesListQD20");
        return count[0];
    }

    /** Number of pending document items; a cheap poll before listing. */
    public int countReceiveEdoc() throws AxisException {
        return count("countReceiveEdoc");
    }

    /** Number of pending status items. */
    public int countReceiveStatus() throws AxisException {
        return count("countReceiveStatus");
    }

    @Override
    public void close() {
        watchdog.close();
    }

    // ---------------------------------------------------------------------------------------------- plumbing

    @FunctionalInterface
    private interface BodyReader<T> {
        T read(InputStream body) throws IOException;
    }

    @FunctionalInterface
    private interface FileAnswerReader {
        AxisAnswer read(InputStream body, OutputStream file) throws IOException;
    }

    private int count(String operation) throws AxisException {
        AxisAnswer answer = call(operation, "POST", JSON, Map.of(), jsonEmptyObject(),
                in -> AxisJsonReader.read(in, ignored -> { }));
        answer.requireSuccess(operation);
        String count = answer.get("count");
        try {
            return Integer.parseInt(Objects.requireNonNull(count, "count").trim());
        } catch (RuntimeException e) {
            throw new AxisTransportException(operation, "answer without a numeric count", e);
        }
    }

    private FetchedPackage fetchToFile(String operation, String method, String docId, Path target,
                                       FileAnswerReader reader) throws AxisException {
        Map<String, String> parameters = Map.of("docId", requireText(docId, "docId"));
        Path directory = target.toAbsolutePath().getParent();
        Path partial;
        try {
            Files.createDirectories(directory);
            partial = Files.createTempFile(directory, ".axis-", ".part");
        } catch (IOException e) {
            throw new IllegalArgumentException("cannot write below " + directory, e);
        }
        try {
            BodyPublisher body = "GET".equals(method) ? BodyPublishers.noBody() : jsonEmptyObject();
            AxisAnswer answer = call(operation, method, JSON, parameters, body, in -> {
                try (OutputStream out = Files.newOutputStream(partial)) {
                    return reader.read(in, out);
                }
            });
            answer.requireSuccess(operation);
            moveIntoPlace(partial, target);
            return new FetchedPackage(docId, target, Files.size(target));
        } catch (IOException e) {
            throw new IllegalStateException("cannot move fetched package to " + target, e);
        } finally {
            deleteQuietly(partial);
        }
    }

    /**
     * downloadEdoc answers the raw package (XML) or, on failure, a JSON answer — possibly with HTTP 200, which the
     * reference SDK would save as a package. Tell them apart by peeking: a JSON answer is never a package, whatever
     * it says, and neither is an empty body.
     */
    private static AxisAnswer copyRawOrReadAnswer(InputStream body, OutputStream file) throws IOException {
        BufferedInputStream in = new BufferedInputStream(body, 65536);
        in.mark(64);
        int first;
        do {
            first = in.read();
        } while (first == ' ' || first == '\r' || first == '\n' || first == '\t');
        in.reset();
        if (first < 0) {
            throw new IOException("empty answer instead of a package");
        }
        if (first == '{') {
            AxisAnswer answer = AxisJsonReader.read(in, ignored -> { });
            if (answer.isSuccess()) {
                throw new IOException("JSON answer instead of a package");
            }
            return answer;
        }
        in.transferTo(file);
        return new AxisAnswer(Map.of("status", "OK", "ErrorCode", "0"));
    }

    private <T> T call(String operation, String method, String contentType, Map<String, String> parameters,
                       BodyPublisher body, BodyReader<T> reader) throws AxisException {
        return call(operation, method, contentType, parameters, body, config.readTimeout(), reader);
    }

    /**
     * The request timeout runs until the answer's headers arrive, so for sendEdoc it also covers the upload; a
     * tens-of-MB package on a slow line needs more than the plain read timeout.
     */
    private Duration uploadTimeout(long packageBytes) {
        return config.readTimeout().plusSeconds(packageBytes / MIN_UPLOAD_BYTES_PER_SECOND);
    }

    private <T> T call(String operation, String method, String contentType, Map<String, String> parameters,
                       BodyPublisher body, Duration timeout, BodyReader<T> reader) throws AxisException {
        HttpRequest.Builder request = HttpRequest.newBuilder(config.endpoint().resolve(operation))
                .timeout(timeout)
                .method(method, body);
        signer.sign(contentType, parameters).forEach(request::header);
        long started = System.nanoTime();
        HttpResponse<InputStream> response = send(operation, request.build());
        int status = response.statusCode();
        LOG.log(System.Logger.Level.DEBUG, () -> operation + " -> HTTP " + status + " after "
                + (System.nanoTime() - started) / 1_000_000 + " ms");
        try (InputStream in = watchdog.guard(response.body())) {
            if (status == 401 || status == 403) {
                AxisAnswer answer = readErrorAnswer(in);
                throw new AxisAuthenticationException(operation, status,
                        answer.errorCode() == null ? "HTTP_" + status : answer.errorCode(), answer.errorDesc());
            }
            if (status >= 500) {
                throw new AxisTransportException(operation, "HTTP " + status, status, null);
            }
            if (status < 200 || status >= 300) {
                // e.g. 404 from downloadEdoc of an unknown item; the JSON body's ErrorCode is the better code.
                AxisAnswer answer = readErrorAnswer(in);
                throw new AxisRejectedException(operation,
                        answer.errorCode() == null ? "HTTP_" + status : answer.errorCode(), answer.errorDesc());
            }
            return reader.read(in);
        } catch (HttpTimeoutException e) {
            throw new AxisTransportException(operation, "timed out reading the answer", e);
        } catch (IOException | JsonException | NoSuchElementException e) {
            throw new AxisTransportException(operation, "unreadable answer: " + e.getMessage(), e);
        }
    }

    private HttpResponse<InputStream> send(String operation, HttpRequest request) throws AxisTransportException {
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofInputStream());
        } catch (HttpTimeoutException e) {
            throw new AxisTransportException(operation, "timed out", e);
        } catch (ConnectException e) {
            throw new AxisTransportException(operation, "cannot connect to " + config.endpoint(), e);
        } catch (IOException e) {
            throw new AxisTransportException(operation, "I/O failure: " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AxisTransportException(operation, "interrupted", e);
        }
    }

    /** Best effort: an error body that is not JSON still yields an exception, just without a description. */
    private static AxisAnswer readErrorAnswer(InputStream in) {
        try {
            byte[] bytes = in.readNBytes(MAX_ERROR_BODY);
            return AxisJsonReader.read(new ByteArrayInputStream(bytes), ignored -> { });
        } catch (IOException | JsonException e) {
            return new AxisAnswer(Map.of());
        }
    }

    private static Map<String, String> listParameters(MessageType type) {
        Map<String, String> parameters = new LinkedHashMap<>();
        parameters.put("servicetype", SERVICE_TYPE);
        parameters.put("messagetype", type.wireValue());
        return parameters;
    }

    private static BodyPublisher jsonEmptyObject() {
        return BodyPublishers.ofString("{}", StandardCharsets.US_ASCII);
    }

    private static String requireText(String value, String name) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(name + " is required");
        }
        return value;
    }

    private static void moveIntoPlace(Path partial, Path target) throws IOException {
        try {
            Files.move(partial, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(partial, target, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    private static void deleteQuietly(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException ignored) {
            // A leftover .part file is harmless and is overwritten by nothing; the temp name is unique.
        }
    }

    private static ReceivedItem receivedItem(JsonObject o) {
        return new ReceivedItem(text(o, "docId"), text(o, "serviceType"), text(o, "messageType"), text(o, "from"),
                text(o, "to"), text(o, "status"), text(o, "status_desc"), text(o, "created_time"),
                text(o, "updated_time"));
    }

    private static SentItem sentItem(JsonObject o) {
        return new SentItem(text(o, "serviceType"), text(o, "messageType"), text(o, "senderDocId"),
                text(o, "receiverDocId"), text(o, "fromCode"), text(o, "toCode"), text(o, "title"),
                text(o, "notation"), text(o, "sentTime"), text(o, "receivedTime"), text(o, "sendStatus"),
                text(o, "sendStatusDesc"), text(o, "receiveStatus"), text(o, "receiveStatusDesc"));
    }

    private static Agency agency(JsonObject o) {
        return new Agency(text(o, "id"), text(o, "pid"), text(o, "code"), text(o, "name"), text(o, "mail"),
                text(o, "oldCode"));
    }

    private static AgencyQd20 agencyQd20(JsonObject o) {
        return new AgencyQd20(text(o, "id"), text(o, "code"), text(o, "name"), text(o, "mail"),
                text(o, "code102"));
    }

    private static String text(JsonObject o, String member) {
        return AxisJsonReader.text(o, member);
    }
}
