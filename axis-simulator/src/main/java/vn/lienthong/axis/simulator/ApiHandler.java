package vn.lienthong.axis.simulator;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import vn.lienthong.edxml.attach.NonClosingOutputStream;

/**
 * The axis API: {@code <basePath><operation>}, GET or POST, parameters in signed {@code XroadVnpt-*} headers.
 * Faults that look like network trouble (down, slow, 5xx) strike before authentication, FAIL answers after it.
 * Every sendEdoc answer, refusals included, carries a {@code DocId} member (empty when refused): the reference SDK
 * reads it unconditionally. Every answer is sent after the rest of the request body was read ({@link RequestBody}).
 */
final class ApiHandler implements HttpHandler {

    private static final System.Logger LOG = System.getLogger(ApiHandler.class.getName());
    private static final ZoneId AXIS_ZONE = ZoneId.of("Asia/Ho_Chi_Minh");
    private static final DateTimeFormatter LIST_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");
    private static final DateTimeFormatter TRACE_TIME = DateTimeFormatter.ofPattern("yyyy/MM/dd HH:mm:ss");
    private static final String SEND_EDOC = "sendEdoc";

    private final String basePath;
    private final RequestVerifier verifier;
    private final FaultInjector faults;
    private final RequestCounter requests;
    private final Deliveries deliveries;
    private final SubmissionDesk desk;
    private final AgencyDirectory directory;
    private final boolean transitTraceHeader;
    private final Clock clock;
    private final long maxBodyBytes;

    ApiHandler(String basePath, RequestVerifier verifier, FaultInjector faults, RequestCounter requests,
               Deliveries deliveries,
               SubmissionDesk desk, AgencyDirectory directory, boolean transitTraceHeader, Clock clock,
               long maxPackageBytes) {
        this.basePath = basePath;
        this.verifier = verifier;
        this.faults = faults;
        this.requests = requests;
        this.deliveries = deliveries;
        this.desk = desk;
        this.directory = directory;
        this.transitTraceHeader = transitTraceHeader;
        this.clock = clock;
        // The package plus the CRLF the SDK appends: the most the simulator reads of a body it does not want.
        this.maxBodyBytes = maxPackageBytes + 2;
    }

    @Override
    public void handle(HttpExchange exchange) throws IOException {
        String path = exchange.getRequestURI().getPath();
        String operation = path.startsWith(basePath) ? path.substring(basePath.length()) : "";
        exchange.setStreams(new RequestBody(exchange.getRequestBody(), maxBodyBytes), null);
        requests.count(operation);
        try {
            if (networkFault(exchange, operation)) {
                return;
            }
            VerifiedRequest request;
            try {
                request = verifier.verify(exchange.getRequestHeaders());
            } catch (AuthenticationFailure e) {
                LOG.log(System.Logger.Level.INFO, () -> operation + " refused: " + e.errorCode());
                refuse(exchange, operation, e.httpStatus(), e.errorCode(), e.getMessage());
                return;
            }
            Optional<FaultRule> fail = faults.take(FaultMode.FAIL, operation);
            if (fail.isPresent()) {
                refuse(exchange, operation, 200, fail.get().code(), fail.get().desc());
                return;
            }
            LOG.log(System.Logger.Level.DEBUG, () -> operation + " from " + request.system().systemId());
            try {
                dispatch(operation, request, exchange);
            } catch (RoutingException e) {
                LOG.log(System.Logger.Level.INFO, () -> operation + " refused: " + e.errorCode());
                refuse(exchange, operation, 200, e.errorCode(), e.getMessage());
            }
        } catch (RuntimeException e) {
            LOG.log(System.Logger.Level.WARNING, operation + " failed inside the simulator", e);
            throw e;
        } finally {
            exchange.close();
        }
    }

    /** @return true when the fault already answered (or deliberately did not) */
    private boolean networkFault(HttpExchange exchange, String operation) throws IOException {
        if (faults.take(FaultMode.DOWN, operation).isPresent()) {
            // Closing before any response line makes the client see a dropped connection.
            return true;
        }
        Optional<FaultRule> slow = faults.take(FaultMode.SLOW, operation);
        if (slow.isPresent()) {
            pause(slow.get().ms());
        }
        Optional<FaultRule> error = faults.take(FaultMode.HTTP5XX, operation);
        if (error.isPresent()) {
            Answers.text(exchange, error.get().httpStatus(), "Simulated server error");
            return true;
        }
        return false;
    }

    /**
     * A FAIL answer; for sendEdoc with {@code "DocId":""} and only ASCII, because the SDK reads DocId from every
     * sendEdoc answer and decodes it as US-ASCII.
     */
    private static void refuse(HttpExchange exchange, String operation, int httpStatus, String code, String desc)
            throws IOException {
        if (SEND_EDOC.equals(operation)) {
            Answers.fail(exchange, httpStatus, ascii(code), ascii(desc), g -> g.write("DocId", ""));
        } else {
            Answers.fail(exchange, httpStatus, code, desc);
        }
    }

    private void dispatch(String operation, VerifiedRequest request, HttpExchange exchange)
            throws IOException, RoutingException {
        switch (operation) {
            case SEND_EDOC -> sendEdoc(request, exchange);
            case "getReceivedEdocList" -> receivedList(request, exchange);
            case "getEdoc" -> getEdoc(request, exchange);
            case "downloadEdoc" -> downloadEdoc(request, exchange);
            case "updateStatus" -> updateStatus(request, exchange);
            case "getSentEdocList" -> sentList(request, exchange);
            case "countReceiveEdoc" -> count(request, exchange, "edoc");
            case "countReceiveStatus" -> count(request, exchange, "status");
            case "getAgenciesList" -> DirectoryAnswers.agencies(exchange, directory);
            case "getAgenciesListQD20" -> DirectoryAnswers.agenciesQd20(exchange, directory, request.parameter("level"));
            case "getSynchronizeUnit" -> DirectoryAnswers.synchronizeUnits(exchange, directory);
            case "registerAgency", "deleteAgency" -> Answers.ok(exchange, g -> { });
            default -> Answers.fail(exchange, 404, "UNKNOWN_OPERATION", "no operation " + operation);
        }
    }

    /** Refusals (RoutingException) are answered by {@link #refuse}, with an empty DocId. */
    private void sendEdoc(VerifiedRequest request, HttpExchange exchange) throws IOException, RoutingException {
        // Not closed here: an unread rest is discarded before the answer (RequestBody), then the exchange closes it.
        InputStream body = exchange.getRequestBody();
        Submission submission = desk.fromSystem(request.system(), request.parameter("from"),
                lower(request.parameter("messagetype")), request.parameter("hash-file"), body);
        Answers.ok(exchange, g -> g.write("DocId", submission.id()));
    }

    private void receivedList(VerifiedRequest request, HttpExchange exchange) throws IOException, RoutingException {
        List<String> messageTypes = listedMessageTypes(request);
        List<Delivery> pending = new ArrayList<>();
        for (String messageType : messageTypes) {
            pending.addAll(deliveries.pending(request.system().systemId(), messageType));
        }
        Answers.okStreamingData(exchange, g -> pending.forEach(d -> {
            g.writeStartObject();
            g.write("docId", d.id);
            g.write("serviceType", "eDoc");
            g.write("messageType", d.messageType);
            g.write("from", d.fromOrganId);
            g.write("to", d.toCodes());
            g.write("status", d.state);
            g.write("status_desc", describe(d.state));
            g.write("created_time", listTime(d.created));
            g.write("updated_time", listTime(d.updated));
            g.writeEnd();
        }));
    }

    /**
     * Message types a list call covers: the one asked for, or both when none is given — the reference SDK's own
     * example lists with {@code {}}. What the real axis does then is unknown (README, "What the reference SDK
     * expects").
     */
    private static List<String> listedMessageTypes(VerifiedRequest request) throws RoutingException {
        String messageType = lower(request.parameter("messagetype"));
        if (messageType == null || messageType.isEmpty()) {
            return List.of("edoc", "status");
        }
        if (!"edoc".equals(messageType) && !"status".equals(messageType)) {
            throw new RoutingException("INVALID_MESSAGETYPE", "messagetype must be edoc or status (or absent)");
        }
        return List.of(messageType);
    }

    private void getEdoc(VerifiedRequest request, HttpExchange exchange) throws IOException, RoutingException {
        String docId = request.parameter("docId");
        Optional<Delivery> found = deliveries.find(request.system().systemId(), docId);
        if (found.isEmpty()) {
            Answers.fail(exchange, "NOT_FOUND", "no item " + docId + " for this system");
            return;
        }
        exchange.getResponseHeaders().set("Content-Type", Answers.JSON);
        Answers.begin(exchange, 200, 0);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write("{\"status\":\"OK\",\"ErrorCode\":\"0\",\"ErrorDesc\":\"Success\",\"data\":\""
                    .getBytes(StandardCharsets.US_ASCII));
            stallIfAsked("getEdoc", out);
            try (OutputStream base64 = Base64.getEncoder().wrap(new NonClosingOutputStream(out))) {
                writePackage(found.get(), base64);
            }
            out.write("\"}".getBytes(StandardCharsets.US_ASCII));
        }
    }

    /**
     * An unknown item is HTTP 404 (with the usual JSON FAIL body): the reference SDK saves whatever a 200 carries
     * as the package, so a 200 JSON error would look like a downloaded document to it.
     */
    private void downloadEdoc(VerifiedRequest request, HttpExchange exchange) throws IOException, RoutingException {
        String docId = request.parameter("docId");
        Optional<Delivery> found = deliveries.find(request.system().systemId(), docId);
        if (found.isEmpty()) {
            Answers.fail(exchange, 404, "NOT_FOUND", "no item " + docId + " for this system");
            return;
        }
        exchange.getResponseHeaders().set("Content-Type", "application/octet-stream");
        Answers.begin(exchange, 200, 0);
        try (OutputStream out = exchange.getResponseBody()) {
            stallIfAsked("downloadEdoc", out);
            writePackage(found.get(), out);
        }
    }

    private void writePackage(Delivery delivery, OutputStream out) throws IOException {
        try (InputStream in = Files.newInputStream(deliveries.packageFile(delivery.submissionId))) {
            if (transitTraceHeader && "edoc".equals(delivery.messageType)) {
                // Stamped with the delivery's creation time so every fetch of one item gives the same bytes.
                TransitTraceHeader.copy(in, out, delivery.created.atZone(AXIS_ZONE).format(TRACE_TIME));
            } else {
                in.transferTo(out);
            }
        }
    }

    private void stallIfAsked(String operation, OutputStream out) throws IOException {
        Optional<FaultRule> stall = faults.take(FaultMode.STALL_BODY, operation);
        if (stall.isPresent()) {
            out.flush();
            pause(stall.get().ms());
        }
    }

    private void updateStatus(VerifiedRequest request, HttpExchange exchange) throws IOException, RoutingException {
        String state = lower(request.parameter("status"));
        if (!List.of(Deliveries.DONE, Deliveries.FAIL, Deliveries.PROCESSING).contains(state)) {
            Answers.fail(exchange, "INVALID_STATUS", "status must be done, fail or processing");
            return;
        }
        // The vendor's example acknowledges with "docid" (and fetches with "docId"): see VerifiedRequest.
        String docId = request.parameter("docid");
        if (deliveries.find(request.system().systemId(), docId).isEmpty()) {
            Answers.fail(exchange, "NOT_FOUND", "no item " + docId + " for this system");
            return;
        }
        if (faults.take(FaultMode.LOST_ACK, "updateStatus").isEmpty()) {
            deliveries.acknowledge(request.system().systemId(), docId, state);
        }
        Answers.ok(exchange, g -> { });
    }

    private void sentList(VerifiedRequest request, HttpExchange exchange) throws IOException, RoutingException {
        List<String> messageTypes = listedMessageTypes(request);
        String docId = request.parameter("docId");
        List<Map.Entry<Submission, List<Delivery>>> sent = new ArrayList<>();
        for (String messageType : messageTypes) {
            sent.addAll(deliveries.sentBy(request.system().systemId(), messageType, docId));
        }
        Answers.okStreamingData(exchange, g -> sent.forEach(entry -> entry.getValue().forEach(d -> {
            Submission s = entry.getKey();
            g.writeStartObject();
            g.write("serviceType", "eDoc");
            g.write("messageType", s.messageType());
            g.write("senderDocId", s.id());
            g.write("receiverDocId", d.id);
            g.write("fromCode", s.fromOrganId());
            g.write("toCode", d.toCodes());
            g.write("title", s.facts().subject() == null ? "" : s.facts().subject());
            g.write("notation", s.facts().notation() == null ? "" : s.facts().notation());
            g.write("sentTime", listTime(s.created()));
            g.write("receivedTime", Deliveries.DONE.equals(d.state) ? listTime(d.updated) : "");
            g.write("sendStatus", Deliveries.DONE);
            g.write("sendStatusDesc", "Sent");
            g.write("receiveStatus", d.state);
            g.write("receiveStatusDesc", describe(d.state));
            g.writeEnd();
        })));
    }

    private void count(VerifiedRequest request, HttpExchange exchange, String messageType) throws IOException {
        int count = deliveries.pending(request.system().systemId(), messageType).size();
        Answers.ok(exchange, g -> g.write("count", count));
    }

    private String listTime(Instant instant) {
        return instant.atZone(AXIS_ZONE).format(LIST_TIME);
    }

    private static String describe(String state) {
        return switch (state) {
            case Deliveries.INITIAL -> "Waiting to be received";
            case Deliveries.PROCESSING -> "Being processed by the recipient";
            case Deliveries.DONE -> "Received";
            case Deliveries.FAIL -> "Recipient could not process it";
            default -> state;
        };
    }

    private static String lower(String value) {
        return value == null ? null : value.trim().toLowerCase(Locale.ROOT);
    }

    private static String ascii(String text) {
        return text == null ? "" : text.replaceAll("[^\\x20-\\x7e]", "?");
    }

    static void pause(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
