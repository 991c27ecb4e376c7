package vn.lienthong.it.micro;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

import vn.lienthong.axis.simulator.FaultMode;
import vn.lienthong.axis.simulator.FaultRule;
import vn.lienthong.it.support.Await;

import vn.lienthong.it.support.AdapterOnMicro;
import vn.lienthong.it.support.AxisSimulatorExtension;
import vn.lienthong.it.support.Documents;

/**
 * Issue 13 item 3 on Payara Micro: MicroProfile Health (liveness, readiness with its four checks and no internals
 * in the answer) and MicroProfile Metrics in Prometheus text; an accepted submission, a refused request and a
 * timed operation move their metrics.
 */
class HealthAndMetricsOnMicroIT extends AdapterOnMicro {

    /** One check of a MicroProfile Health answer (Payara writes name, then status). */
    private static final Pattern CHECK = Pattern.compile("\\{\"name\":\"([\\w-]+)\",\"status\":\"(UP|DOWN)\"");
    private static final Pattern SAMPLE = Pattern.compile("^([a-z_]+)(\\{[^}]*\\})? ([-+0-9.eE]+|NaN)$");
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @Test
    void readinessIsUpWithEveryCheckAndShowsNoInternals() throws Exception {
        HttpResponse<String> ready = get("/health/ready");
        assertEquals(200, ready.statusCode(), ready.body());
        assertTrue(ready.body().startsWith("{\"status\":\"UP\""), ready.body());
        Set<String> checks = CHECK.matcher(ready.body()).results().map(m -> m.group(1) + "=" + m.group(2))
                .collect(Collectors.toSet());
        assertTrue(checks.containsAll(Set.of("database=UP", "data-folder=UP", "keys=UP", "axis=UP")), checks.toString());
        String dataDir = AxisSimulatorExtension.dataDir().toString();
        assertFalse(ready.body().contains(dataDir), "the data folder's path is not shown: " + ready.body());
        assertFalse(ready.body().contains("Exception"), ready.body());

        HttpResponse<String> live = get("/health/live");
        assertEquals(200, live.statusCode(), live.body());
        assertTrue(live.body().contains("\"lienthong\""), live.body());
    }

    @Test
    void aSubmissionARefusalAndTheirTimingsMoveTheMetrics() throws Exception {
        Map<String, Double> before = metrics();
        assertTrue(before.containsKey("lienthong_outbox_depth{mp_scope=\"application\"}"), before.keySet().toString());
        assertTrue(before.containsKey("lienthong_open_alerts{mp_scope=\"application\"}"), "open alerts gauge");
        assertTrue(before.keySet().stream().anyMatch(k -> k.startsWith("lienthong_documents{face=\"ws\"")),
                "documents per face");
        assertTrue(before.containsKey("lienthong_receive_lag_seconds{mp_scope=\"application\"}"), "receive lag");

        service.submitDocument(Documents.newDocument(demo.organId(), AxisSimulatorExtension.PLAYED_ORGAN));
        HttpResponse<String> refused = http.send(HttpRequest.newBuilder(new URL(base, "services/DocumentExchange")
                        .toURI()).header("Content-Type", "text/xml; charset=utf-8")
                .header("SOAPAction", "\"urn:lienthong:exchange:1:SubmitDocument\"")
                .POST(HttpRequest.BodyPublishers.ofString("not a SOAP envelope")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertTrue(refused.body().contains("M.Envelope"), refused.body());

        Map<String, Double> after = metrics();
        String accepted = "lienthong_submissions_accepted_total{face=\"ws\",mp_scope=\"application\"}";
        assertTrue(value(after, accepted) >= value(before, accepted) + 1, "accepted: " + after.get(accepted));
        String refusal = "lienthong_refusals_total{code=\"M.Envelope\",face=\"ws\",mp_scope=\"application\"}";
        assertTrue(value(after, refusal) >= value(before, refusal) + 1, "refusals by code: " + after.get(refusal));
        String timed = "lienthong_request_seconds_count{face=\"ws\",mp_scope=\"application\",operation=\"SubmitDocument\"}";
        assertTrue(value(after, timed) >= value(before, timed) + 2, "both requests timed: " + after.get(timed));
        assertTrue(after.keySet().stream().anyMatch(k -> k.startsWith("lienthong_request_seconds_bucket{")
                && k.contains("operation=\"SubmitDocument\"")), "latency histogram buckets");
        // The store-derived gauges: the accepted document is counted in its face (cached a few seconds).
        double storedBefore = documents(before);
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (documents(after) < storedBefore + 1 && System.nanoTime() < deadline) {
            Thread.sleep(500); // the store figures are cached for adapter.metrics.cache-ms
            after = metrics();
        }
        assertTrue(documents(after) >= storedBefore + 1, "documents of the ws face: " + documents(after));
    }

    /** POST /admin/backup: refused without the admin token; with it, a folder whose manifest matches its files. */
    @Test
    void theBackupOperationNeedsTheAdminTokenAndWritesAVerifiableManifest() throws Exception {
        URI backup = new URL(base, "admin/backup").toURI();
        HttpResponse<String> refused = http.send(HttpRequest.newBuilder(backup)
                .POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(401, refused.statusCode(), refused.body());

        String token = java.nio.file.Files.readString(AxisSimulatorExtension.dataDir().resolve("admin-token")).trim();
        HttpResponse<String> done = http.send(HttpRequest.newBuilder(backup).header("Authorization", "Bearer " + token)
                .timeout(Duration.ofSeconds(120)).POST(HttpRequest.BodyPublishers.noBody()).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(200, done.statusCode(), done.body());
        Matcher folder = Pattern.compile("\"folder\":\"([^\"]+)\"").matcher(done.body());
        assertTrue(folder.find(), done.body());
        java.nio.file.Path dir = java.nio.file.Path.of(folder.group(1));
        assertTrue(java.nio.file.Files.isRegularFile(dir.resolve("database.zip")), "H2 online backup");
        assertTrue(java.nio.file.Files.isRegularFile(dir.resolve("data/keys/audit-key")), "the audit key is backed up");
        java.util.List<String> lines = java.nio.file.Files.readAllLines(dir.resolve("MANIFEST.sha256"));
        assertTrue(lines.size() >= 3, lines.toString());
        for (String line : lines) {
            java.nio.file.Path file = dir.resolve(line.substring(66));
            String sum = java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256")
                    .digest(java.nio.file.Files.readAllBytes(file)));
            assertEquals(line.substring(0, 64), sum, file.toString());
        }
    }

    /**
     * Readiness DOWN (HTTP 503, the failed check named, the others UP) while the axis is unreachable — the outbox
     * meets the outage and opens the shared breaker — and UP again once the axis answers.
     */
    @Test
    void readinessIsDownWhileTheAxisIsUnreachableAndUpWhenItIsBack() throws Exception {
        var sim = AxisSimulatorExtension.simulator();
        sim.faults().add(FaultRule.of(FaultMode.DOWN));
        try {
            service.submitDocument(Documents.newDocument(demo.organId(), AxisSimulatorExtension.COUNTERPART_ORGAN));
            HttpResponse<String> down = Await.until("readiness DOWN with the axis check", Duration.ofSeconds(120),
                    () -> java.util.Optional.of(get("/health/ready")).filter(r -> r.statusCode() == 503));
            assertTrue(down.body().startsWith("{\"status\":\"DOWN\""), down.body());
            assertEquals(Set.of("database=UP", "data-folder=UP", "keys=UP", "axis=DOWN"), checks(down), down.body());
            assertTrue(down.body().contains("\"breaker\":\"OPEN\""), down.body());
            assertEquals(200, get("/health/live").statusCode(), "liveness does not follow the axis");
        } finally {
            sim.faults().clear();
        }
        HttpResponse<String> up = Await.until("readiness UP again", Duration.ofSeconds(120),
                () -> java.util.Optional.of(get("/health/ready")).filter(r -> r.statusCode() == 200));
        assertTrue(checks(up).contains("axis=UP"), up.body());
    }

    /**
     * Readiness DOWN while the data folder takes no new file (made immutable — root ignores permissions — or
     * read-only for another user), UP again when it is writable. Free space under the threshold is the same check
     * ({@code ReadinessDownTest}: a threshold cannot change under a running node).
     */
    @Test
    void readinessIsDownWhileTheDataFolderIsNotWritableAndUpWhenItIs() throws Exception {
        java.nio.file.Path data = AxisSimulatorExtension.dataDir();
        boolean root = "root".equals(System.getProperty("user.name"));
        Assumptions.assumeTrue(root ? run("chattr", "+i", data.toString()) : run("chmod", "a-w", data.toString()),
                "cannot make the data folder unwritable here (chattr needs CAP_LINUX_IMMUTABLE and ext2/3/4)");
        try {
            HttpResponse<String> down = Await.until("readiness DOWN with the data-folder check",
                    Duration.ofSeconds(60),
                    () -> java.util.Optional.of(get("/health/ready")).filter(r -> r.statusCode() == 503));
            assertEquals(Set.of("database=UP", "data-folder=DOWN", "keys=UP", "axis=UP"), checks(down), down.body());
            // Payara writes the check's boolean data as a string.
            assertTrue(down.body().contains("\"writable\":\"false\"") || down.body().contains("\"writable\":false"),
                    down.body());
            assertFalse(down.body().contains(data.toString()), "no path in the answer");
        } finally {
            assertTrue(root ? run("chattr", "-i", data.toString()) : run("chmod", "u+w", data.toString()));
        }
        HttpResponse<String> up = Await.until("readiness UP again", Duration.ofSeconds(60),
                () -> java.util.Optional.of(get("/health/ready")).filter(r -> r.statusCode() == 200));
        assertTrue(checks(up).contains("data-folder=UP"), up.body());
    }

    /** /admin/retention: token required; off by default, so listing shows no archives and a run is refused. */
    @Test
    void theRetentionOperationIsAuthorisedAndOffByDefault() throws Exception {
        URI retention = new URL(base, "admin/retention").toURI();
        HttpResponse<String> refused = http.send(HttpRequest.newBuilder(retention).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(401, refused.statusCode(), refused.body());
        String token = java.nio.file.Files.readString(AxisSimulatorExtension.dataDir().resolve("admin-token")).trim();
        HttpResponse<String> list = http.send(HttpRequest.newBuilder(retention).header("Authorization", "Bearer "
                + token).GET().build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(200, list.statusCode(), list.body());
        assertTrue(list.body().contains("\"enabled\":false") && list.body().contains("\"archives\":[]"),
                list.body());
        HttpResponse<String> run = http.send(HttpRequest.newBuilder(retention).header("Authorization", "Bearer "
                + token).POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(409, run.statusCode(), run.body());
        assertTrue(run.body().contains("\"code\":\"RETENTION.OFF\""), run.body());
    }

    private static Set<String> checks(HttpResponse<String> r) {
        return CHECK.matcher(r.body()).results().map(m -> m.group(1) + "=" + m.group(2)).collect(Collectors.toSet());
    }

    private static boolean run(String... command) {
        try {
            Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
            p.getInputStream().transferTo(java.io.OutputStream.nullOutputStream());
            return p.waitFor() == 0;
        } catch (java.io.IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private static double documents(Map<String, Double> m) {
        return m.entrySet().stream().filter(e -> e.getKey().startsWith("lienthong_documents{face=\"ws\""))
                .mapToDouble(Map.Entry::getValue).sum();
    }

    private static double value(Map<String, Double> m, String key) {
        return m.getOrDefault(key, 0.0);
    }

    /** The Prometheus text of /metrics: series (name and labels) → value. */
    private Map<String, Double> metrics() throws Exception {
        HttpResponse<String> r = get("/metrics");
        assertEquals(200, r.statusCode());
        Map<String, Double> out = new HashMap<>();
        for (String line : r.body().split("\n")) {
            Matcher m = SAMPLE.matcher(line.trim());
            if (m.matches()) {
                out.put(m.group(1) + (m.group(2) == null ? "" : m.group(2)), Double.parseDouble(m.group(3)));
            }
        }
        return out;
    }

    private HttpResponse<String> get(String path) throws Exception {
        URI uri = new URL(base, path).toURI();
        return http.send(HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(30)).GET().build(),
                HttpResponse.BodyHandlers.ofString());
    }
}
