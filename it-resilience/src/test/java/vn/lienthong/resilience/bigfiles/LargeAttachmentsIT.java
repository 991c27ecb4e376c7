package vn.lienthong.resilience.bigfiles;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import jakarta.activation.DataHandler;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonValue;

import org.apache.cxf.frontend.ClientProxy;
import org.apache.cxf.transport.http.HTTPConduit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

import vn.lienthong.axis.simulator.AxisSimulator;
import vn.lienthong.axis.simulator.SimulatorConfig;
import vn.lienthong.axis.simulator.SystemAccount;
import vn.lienthong.resilience.support.AdapterClient;
import vn.lienthong.resilience.support.MicroProcess;
import vn.lienthong.resilience.support.Submissions;
import vn.lienthong.resilience.support.Workspace;
import vn.lienthong.itsupport.SignedPart;
import vn.lienthong.ws.exchange.v1.AttachmentData;
import vn.lienthong.ws.exchange.v1.DocumentExchangePort;
import vn.lienthong.ws.exchange.v1.GetIncomingDocument;
import vn.lienthong.ws.exchange.v1.InboxEntry;
import vn.lienthong.ws.exchange.v1.InboxKind;
import vn.lienthong.ws.exchange.v1.ListIncoming;
import vn.lienthong.ws.exchange.v1.SubmitDocument;
import vn.lienthong.ws.exchange.v1.SubmitDocumentResponse;

/**
 * Issue 11 item 4: a 2 GiB attachment through each SOAP face — signed SubmitDocument with the file as an MTOM
 * part, and the old protocol's SendDocument with it as a SwA part — accepted, packaged, signed and delivered to the
 * axis simulator by the real WAR on Payara Micro with {@code -Xmx512m}; the adapter's live heap grows by at most
 * 64 MiB ({@link HeapWatch}); the attachment the axis received has the SHA-256 of what was sent. The file is
 * generated from a seed on both sides of every stream, never held in memory by the test either. Then the other way:
 * a package with the same file from the axis (the counterpart's system, {@link IncomingFromAxis}) received by the
 * adapter (download, verification, unpacking into a stored file), fetched through GetIncomingDocument as a signed
 * MTOM part (signature over the Body with {@code xop:Include} + sha256, the part's SHA-256 checked while it is saved)
 * and through the old protocol's GetDocument as a base64 SwA part ({@link MimeParts}); each step's heap growth
 * asserted like the faces'. Size:
 * {@code -Dit.bigfiles.bytes} (default 2 GiB); figures in {@code target/resilience/figures.txt}
 * (docs/benchmarks.md, section "Large attachments"). Everything it wrote is deleted at the end.
 */
// Kept out of the README's test command for its time (6 min 17 s with its build on a quiet machine, ~15 GiB of disk;
// the command must stay under 30 minutes) and run by .ci/run as a second step with -DbigFiles=true on every CI build.
// The session-4 failure ("protocol error" ~2 GiB into the WS upload) is understood and avoided:
// docs/large-attachments.md, "Uploads of 2 GiB and more".
@EnabledIfSystemProperty(named = "bigFiles", matches = "true", disabledReason = "run by .ci/run as its second step (the large-file drill), else opt-in: -DbigFiles=true")
class LargeAttachmentsIT {

    private static final String FROM = "000.00.00.G22";
    private static final String TO = "000.00.00.H41";
    private static final long SIZE = Long.getLong("it.bigfiles.bytes", 2L * 1024 * 1024 * 1024);
    private static final long MAX_HEAP_GROWTH = 64L * 1024 * 1024;
    private static final Duration DELIVERY_TIMEOUT = Duration.ofMinutes(15);

    @Test
    void twoGigabyteAttachmentsCrossBothFacesInAFixedHeap() throws Exception {
        Path work = Workspace.fresh("bigfiles");
        Path data = Files.createDirectories(work.resolve("data"));
        Path axisData = Files.createDirectories(work.resolve("axis"));
        String secret = Workspace.randomSecret();
        Files.writeString(data.resolve("axis-secret"), secret);
        String run = Long.toString(System.currentTimeMillis() % 100_000);
        try (AxisSimulator sim = AxisSimulator.start(SimulatorConfig.builder()
                .system(SystemAccount.of("demo.adapter", secret, FROM))
                .system(SystemAccount.of("it.counterpart", Workspace.randomSecret(), TO))
                .dataDir(axisData)
                .maxPackageBytes(SIZE * 3)
                .build())) {
            Map<String, String> settings = new LinkedHashMap<>();
            settings.put("adapter.data.dir", data.toString());
            settings.put("adapter.axis.endpoint", sim.baseUri().toString());
            settings.put("adapter.outbox.interval-ms", "200");
            settings.put("adapter.receive.interval-ms", "500");
            // The operator's switches for large files (README, docs/large-attachments.md): the attachment limit
            // and the old protocol's message limit; the envelope limit and the in-flight budget keep their defaults.
            settings.put("adapter.limits.attachment-bytes", Long.toString(SIZE + 1024 * 1024));
            settings.put("adapter.legacy.max-message-bytes", Long.toString(SIZE + 4 * 1024 * 1024));
            Path gcLog = work.resolve("gc.log");
            try (MicroProcess adapter = MicroProcess.start("bigfiles", work, Workspace.freePort(), settings,
                    HeapWatch.jvmOptions(gcLog));
                    HeapWatch heap = new HeapWatch(adapter.pid(), gcLog)) {
                Duration boot = adapter.awaitReady(Duration.ofSeconds(300));
                Workspace.figure("bigfiles.boot.ms=" + boot.toMillis() + ", attachment=" + SIZE + " bytes");
                AdapterClient client = new AdapterClient(data);
                LegacySwaUpload legacy = new LegacySwaUpload(adapter.base());
                String token = legacy.issueToken(data, FROM);

                // Warm-up with 1 MiB through each face: classes and caches of the paths are in the baseline.
                SeededContent small = new SeededContent(1024 * 1024, 7);
                deliverThroughWs(client, adapter, axisData, sim, run + "1", small, small.sha256());
                deliverThroughLegacy(legacy, token, sim, axisData, run + "2", small);
                IncomingFromAxis axis = new IncomingFromAxis(sim.adminUri());
                receiveAndAnswer(axis, client, adapter, legacy, token, heap, work, run + "5", small, small.sha256(),
                        false);

                SeededContent big = new SeededContent(SIZE, 20261128L);
                long hashStart = System.nanoTime();
                String expected = big.sha256();
                Workspace.figure("bigfiles.client.sha256.ms=" + millisSince(hashStart));
                heap.start(5);

                Result ws = measured("ws", heap, data, axisData,
                        () -> deliverThroughWs(client, adapter, axisData, sim, run + "3", big, expected));
                check("ws", ws, expected, big.size());
                Result old = measured("legacy", heap, data, axisData,
                        () -> deliverThroughLegacy(legacy, token, sim, axisData, run + "4", big));
                check("legacy", old, expected, big.size());
                removeDeliveredUploads(data);

                // The other way: a package with the 2 GiB file from the axis, received (downloaded, verified,
                // unpacked into a stored file), then fetched through GetIncomingDocument as an MTOM part and through
                // the old protocol's GetDocument as a base64 SwA part; each step's heap measured like the faces.
                receiveAndAnswer(axis, client, adapter, legacy, token, heap, work, run + "6", big, expected, true);
            }
        } finally {
            // Gigabytes: nothing of the run stays behind but the logs (adapter, GC) next to figures.txt.
            deleteTree(work.resolve("data"));
            deleteTree(work.resolve("axis"));
            try (Stream<Path> roots = Files.list(work)) {
                for (Path micro : roots.filter(p -> p.getFileName().toString().startsWith("micro-")).toList()) {
                    deleteTree(micro);
                }
            }
        }
    }

    /**
     * A document with {@code file} from the counterpart (TO) to us (FROM) through the axis, then both answers.
     * {@code measured}: each step's heap window is recorded and asserted (else a warm-up).
     */
    private static void receiveAndAnswer(IncomingFromAxis axis, AdapterClient client, MicroProcess adapter,
            LegacySwaUpload legacy, String token, HeapWatch heap, Path work, String number, SeededContent file,
            String sha256, boolean measured) throws Exception {
        Path packageFile = work.resolve("incoming-" + number + ".edxml");
        long start = System.nanoTime();
        axis.write(TO, FROM, number, file, packageFile);
        String documentId = IncomingFromAxis.documentId(TO, number);
        if (measured) {
            Workspace.figure("bigfiles.incoming.package: written by the test in " + millisSince(start) + " ms, "
                    + Files.size(packageFile) + " bytes");
        }
        List<Long> pendingBefore = legacy.pendingIds(FROM, token);
        Path data = work.resolve("data");
        Path axisData = work.resolve("axis");

        InboxEntry item = step("reception", measured, heap, data, axisData, () -> {
            axis.inject(packageFile);
            return awaitIncoming(client, adapter, documentId);
        });
        step("ws-answer", measured, heap, data, axisData, () -> {
            fetchAsMtom(client, adapter, item, work.resolve("answer-" + number + ".pdf"), file.size(), sha256);
            return null;
        });
        step("legacy-answer", measured, heap, data, axisData, () -> {
            long id = legacy.pendingIds(FROM, token).stream().filter(i -> !pendingBefore.contains(i)).findFirst()
                    .orElseThrow(() -> new AssertionError("the received document is pending for the old client"));
            fetchThroughGetDocument(legacy, token, id, documentId, file.size(), sha256);
            return null;
        });
        // Gigabytes: the axis' copy of the package is no longer needed.
        try (Stream<Path> packages = Files.list(axisData.resolve("packages"))) {
            for (Path p : packages.toList()) {
                Files.deleteIfExists(p);
            }
        }
    }

    @FunctionalInterface
    private interface Step<T> {
        T run() throws Exception;
    }

    /** Runs one step of the incoming side; when measured, records its time, heap, disk and load and asserts the heap. */
    private static <T> T step(String name, boolean measured, HeapWatch heap, Path data, Path axisData, Step<T> step)
            throws Exception {
        if (!measured) {
            return step.run();
        }
        String loadBefore = Files.readString(Path.of("/proc/loadavg")).trim();
        HeapWatch.Mark mark = heap.mark();
        long start = System.nanoTime();
        T result = step.run();
        long millis = millisSince(start);
        HeapWatch.Window window = heap.since(mark);
        Workspace.figure("bigfiles.incoming." + name + ": " + millis + " ms; heap " + window + "; disk "
                + ((treeSize(data) + treeSize(axisData)) >> 20) + " MiB (data " + (treeSize(data) >> 20)
                + " MiB, axis " + (treeSize(axisData) >> 20) + " MiB); load before " + loadBefore + ", after "
                + Files.readString(Path.of("/proc/loadavg")).trim());
        assertTrue(window.growthBytes() <= MAX_HEAP_GROWTH, name + ": live heap growth " + window);
        return result;
    }

    /** The document in our organisation's inbox once the receive loop filed it. */
    private static InboxEntry awaitIncoming(AdapterClient client, MicroProcess adapter, String documentId)
            throws Exception {
        DocumentExchangePort port = client.port(adapter.endpoint());
        ListIncoming list = new ListIncoming();
        list.setOrganId(FROM);
        list.setKind(InboxKind.DOCUMENT);
        long deadline = System.nanoTime() + DELIVERY_TIMEOUT.toNanos();
        while (System.nanoTime() < deadline) {
            Optional<InboxEntry> item = port.listIncoming(list).getItem().stream()
                    .filter(i -> documentId.equals(i.getDocumentId())).findFirst();
            if (item.isPresent()) {
                return item.get();
            }
            TimeUnit.SECONDS.sleep(1); // poll interval
        }
        throw new AssertionError(documentId + " not received from the axis within " + DELIVERY_TIMEOUT);
    }

    /**
     * GetIncomingDocument as MTOM (HTTP/1.1, as the uploads): the answer's signature verified over its Body as sent
     * (xop:Include + sha256, AdapterClient), the part saved to disk while its SHA-256 is checked (SignedPart).
     */
    private static void fetchAsMtom(AdapterClient client, MicroProcess adapter, InboxEntry item, Path target,
            long size, String sha256) throws Exception {
        DocumentExchangePort port = client.port(adapter.endpoint(), true, TimeUnit.MINUTES.toMillis(30));
        ((HTTPConduit) ClientProxy.getClient(port).getConduit()).getClient().setVersion("1.1");
        GetIncomingDocument get = new GetIncomingDocument();
        get.setOrganId(FROM);
        get.setItemId(item.getItemId());
        AttachmentData a = port.getIncomingDocument(get).getAttachment().get(0);
        assertEquals(sha256, a.getSha256(), "ws-answer: the sha256 in the signed Body");
        try (InputStream in = a.getContent().getInputStream()) {
            assertEquals(size, SignedPart.save(in, a.getSha256(), target), "ws-answer: size of the part");
        } finally {
            Files.deleteIfExists(target);
        }
    }

    /** The old protocol's GetDocument: the root part names the document, the next part is the file in base64. */
    private static void fetchThroughGetDocument(LegacySwaUpload legacy, String token, long id, String documentId,
            long size, String sha256) throws Exception {
        HttpResponse<InputStream> r = legacy.getDocument(FROM, token, id, Duration.ofMinutes(30));
        assertEquals(200, r.statusCode());
        String type = r.headers().firstValue("Content-Type").orElse("");
        assertTrue(type.startsWith("multipart/related"), type);
        try (InputStream body = r.body()) {
            MimeParts parts = new MimeParts(body, type);
            MimeParts.Part root = parts.next();
            String envelope = new String(root.content().readNBytes(4 * 1024 * 1024), StandardCharsets.UTF_8);
            assertTrue(envelope.contains("<edXML:DocumentId>" + documentId + "</edXML:DocumentId>"), envelope);
            MimeParts.Part file = parts.next();
            assertEquals("base64", file.headers().get("content-transfer-encoding"));
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            long n;
            try (InputStream decoded = new DigestInputStream(Base64.getMimeDecoder().wrap(file.content()), digest)) {
                n = decoded.transferTo(OutputStream.nullOutputStream());
            }
            assertEquals(size, n, "legacy-answer: size of the file");
            assertEquals(sha256, HexFormat.of().formatHex(digest.digest()), "legacy-answer: SHA-256 of the file");
            assertEquals(null, parts.next(), "one file, then the closing delimiter");
        }
    }

    /**
     * Disk: the adapter's own copies of what it sent (stored attachments, signed packages: ~4.7 GiB per 2 GiB file)
     * are delivered and checked; removed so the incoming side does not need their room too.
     */
    private static void removeDeliveredUploads(Path data) throws IOException {
        deleteTree(data.resolve("packages"));
        if (Files.exists(data.resolve("attachments"))) {
            try (Stream<Path> stored = Files.list(data.resolve("attachments"))) {
                for (Path p : stored.filter(p -> !p.getFileName().toString().startsWith("in-")).toList()) {
                    deleteTree(p);
                }
            }
        }
    }

    /** What one face did with the large file, measured from outside. */
    private record Result(Delivered delivered, HeapWatch.Window heap, long diskBytes) {
    }

    private record Delivered(String documentId, Path packageFile, long acceptMillis, long deliverMillis) {
    }

    @FunctionalInterface
    private interface Delivery {
        Delivered run() throws Exception;
    }

    private static Result measured(String face, HeapWatch heap, Path data, Path axisData, Delivery delivery)
            throws Exception {
        String loadBefore = Files.readString(Path.of("/proc/loadavg")).trim();
        HeapWatch.Mark mark = heap.mark();
        Delivered d = delivery.run();
        HeapWatch.Window window = heap.since(mark);
        long disk = treeSize(data) + treeSize(axisData);
        Workspace.figure("bigfiles." + face + ": accepted in " + d.acceptMillis() + " ms, delivered "
                + d.deliverMillis() + " ms after acceptance; heap " + window + "; disk " + (disk >> 20)
                + " MiB (data " + (treeSize(data) >> 20) + " MiB, axis " + (treeSize(axisData) >> 20)
                + " MiB, spool " + (treeSize(data.resolve("tmp")) >> 20) + " MiB); load before "
                + loadBefore + ", after " + Files.readString(Path.of("/proc/loadavg")).trim());
        return new Result(d, window, disk);
    }

    private static void check(String face, Result r, String expectedSha256, long size) throws IOException {
        long start = System.nanoTime();
        DeliveredAttachment.Digest got = DeliveredAttachment.of(r.delivered().packageFile());
        Workspace.figure("bigfiles." + face + ".verify.ms=" + millisSince(start) + ", package "
                + Files.size(r.delivered().packageFile()) + " bytes");
        assertEquals(size, got.size(), face + ": size of the attachment the axis received");
        assertEquals(expectedSha256, got.sha256(), face + ": SHA-256 of the attachment the axis received");
        assertTrue(r.heap().growthBytes() <= MAX_HEAP_GROWTH, face + ": live heap growth " + r.heap());
        Files.delete(r.delivered().packageFile()); // the next face needs the disk space
    }

    private static Delivered deliverThroughWs(AdapterClient client, MicroProcess adapter, Path axisData,
            AxisSimulator sim, String number, SeededContent file, String sha256) throws Exception {
        SubmitDocument request = Submissions.document(number, 1, FROM, TO);
        AttachmentData a = request.getDocument().getAttachment().get(0);
        a.setName("tep-lon.pdf");
        a.setContent(new DataHandler(file));
        a.setSha256(sha256); // in the signed Body: binds the MTOM part to the signature
        DocumentExchangePort port = client.port(adapter.endpoint(), true, TimeUnit.MINUTES.toMillis(30));
        // HTTP/1.1, not CXF's default "auto": Java's HttpClient would offer h2c, Payara's HTTP/2 accepts it and grants
        // twice the connection window per byte received, so the client's window passes 2^31 - 1 about 2 GiB into the
        // upload and the client aborts with "protocol error" (docs/large-attachments.md, "Uploads of 2 GiB and more").
        ((HTTPConduit) ClientProxy.getClient(port).getConduit()).getClient().setVersion("1.1");
        long start = System.nanoTime();
        SubmitDocumentResponse accepted = port.submitDocument(request);
        long acceptMillis = millisSince(start);
        assertEquals("QUEUED", accepted.getState());
        return awaitDelivery(sim, axisData, accepted.getDocumentId(), acceptMillis);
    }

    private static Delivered deliverThroughLegacy(LegacySwaUpload legacy, String token, AxisSimulator sim,
            Path axisData, String number, SeededContent file) throws Exception {
        long start = System.nanoTime();
        HttpResponse<String> answer = legacy.sendDocument(FROM, TO, number, token, "tep-lon.pdf", file,
                Duration.ofMinutes(30));
        long acceptMillis = millisSince(start);
        assertEquals(200, answer.statusCode(), answer.body());
        assertTrue(!java.util.regex.Pattern.compile("<edXML:Code>[^<\\s]+</edXML:Code>").matcher(answer.body()).find(),
                "accepted (a Report without error codes): " + answer.body());
        return awaitDelivery(sim, axisData, LegacySwaUpload.documentId(FROM, number), acceptMillis);
    }

    private static Delivered awaitDelivery(AxisSimulator sim, Path axisData, String documentId, long acceptMillis)
            throws Exception {
        long start = System.nanoTime();
        long deadline = start + DELIVERY_TIMEOUT.toNanos();
        while (System.nanoTime() < deadline) {
            Optional<String> id = submissionOf(sim.adminUri(), documentId);
            if (id.isPresent()) {
                Path file = axisData.resolve("packages").resolve(id.get() + ".edxml");
                assertTrue(Files.exists(file), "the axis keeps the package it accepted: " + file);
                return new Delivered(documentId, file, acceptMillis, millisSince(start));
            }
            TimeUnit.SECONDS.sleep(1); // poll interval
        }
        throw new AssertionError(documentId + " not delivered to the axis within " + DELIVERY_TIMEOUT);
    }

    /** The simulator's submission id of the document package with this DocumentId, once it accepted one. */
    private static Optional<String> submissionOf(URI admin, String documentId) throws IOException, InterruptedException {
        HttpResponse<InputStream> r = HttpClient.newHttpClient().send(HttpRequest.newBuilder(admin.resolve("state"))
                .timeout(Duration.ofSeconds(30)).GET().build(), HttpResponse.BodyHandlers.ofInputStream());
        try (JsonReader reader = Json.createReader(r.body())) {
            for (JsonValue v : reader.readObject().getJsonArray("submissions")) {
                JsonObject s = v.asJsonObject();
                JsonObject facts = s.getJsonObject("facts");
                if (!facts.isNull("documentId") && documentId.equals(facts.getString("documentId"))
                        && "edoc".equalsIgnoreCase(s.getString("messageType"))) {
                    return Optional.of(s.getString("id"));
                }
            }
        }
        return Optional.empty();
    }

    private static long millisSince(long nanos) {
        return TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - nanos);
    }

    private static long treeSize(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return 0;
        }
        try (Stream<Path> files = Files.walk(dir)) {
            return files.filter(Files::isRegularFile).mapToLong(p -> p.toFile().length()).sum();
        }
    }

    private static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }
}
