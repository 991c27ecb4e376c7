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
import java.util.Comparator;
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
import vn.lienthong.ws.exchange.v1.AttachmentData;
import vn.lienthong.ws.exchange.v1.DocumentExchangePort;
import vn.lienthong.ws.exchange.v1.SubmitDocument;
import vn.lienthong.ws.exchange.v1.SubmitDocumentResponse;

/**
 * Issue 11 item 4: a 2 GiB attachment through each SOAP face — signed SubmitDocument with the file as an MTOM
 * part, and the old protocol's SendDocument with it as a SwA part — accepted, packaged, signed and delivered to the
 * axis simulator by the real WAR on Payara Micro with {@code -Xmx512m}; the adapter's live heap grows by at most
 * 64 MiB ({@link HeapWatch}); the attachment the axis received has the SHA-256 of what was sent. The file is
 * generated from a seed on both sides of every stream, never held in memory by the test either. Size:
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
