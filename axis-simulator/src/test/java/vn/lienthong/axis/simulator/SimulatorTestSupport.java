package vn.lienthong.axis.simulator;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import vn.lienthong.axis.client.AxisClient;
import vn.lienthong.axis.client.AxisClientConfig;
import vn.lienthong.axis.client.AxisException;

/**
 * Two connected systems and two counterpart agencies:
 * <ul>
 *   <li>{@code sys.vpcp} serves 000.00.00.G22 (Văn phòng Chính phủ) and 000.00.00.A80;</li>
 *   <li>{@code sys.nghean} serves 000.00.00.H41 and 28.22.H17;</li>
 *   <li>the simulator itself answers for 000.00.00.H14 and 000.00.00.G17.</li>
 * </ul>
 */
abstract class SimulatorTestSupport {

    static final String VPCP = "000.00.00.G22";
    static final String NGHEAN = "000.00.00.H41";
    static final String COUNTERPART = "000.00.00.H14";
    static final String COUNTERPART_2 = "000.00.00.G17";
    static final Duration DEADLINE = Duration.ofSeconds(10);

    static SimulatorConfig.Builder twoSystems() {
        return SimulatorConfig.builder()
                .system(SystemAccount.of("sys.vpcp", "secret-vpcp-test", VPCP, "000.00.00.A80"))
                .system(SystemAccount.of("sys.nghean", "secret-nghean-test", NGHEAN, "28.22.H17"))
                .counterpart(COUNTERPART, COUNTERPART_2)
                .counterpartScript(CounterpartScript.accepting().withDelays(Duration.ofMillis(10), Duration.ofMillis(10)));
    }

    static AxisClient client(AxisSimulator sim, String systemId, String secret) {
        return client(sim, systemId, secret, Duration.ofSeconds(5));
    }

    static AxisClient client(AxisSimulator sim, String systemId, String secret, Duration readTimeout) {
        return AxisClient.create(new AxisClientConfig(sim.baseUri(), systemId, secret, Duration.ofSeconds(2),
                readTimeout));
    }

    static AxisClient vpcp(AxisSimulator sim) {
        return client(sim, "sys.vpcp", "secret-vpcp-test");
    }

    static AxisClient nghean(AxisSimulator sim) {
        return client(sim, "sys.nghean", "secret-nghean-test");
    }

    /** Polls until the supplier returns a value that is not null, or fails at the deadline. */
    static <T> T await(String what, AxisSupplier<T> check) throws Exception {
        long deadline = System.nanoTime() + DEADLINE.toNanos();
        while (true) {
            T value = check.get();
            if (value != null) {
                return value;
            }
            if (System.nanoTime() > deadline) {
                throw new AssertionError("timed out waiting for " + what);
            }
            Thread.sleep(20);
        }
    }

    @FunctionalInterface
    interface AxisSupplier<T> {
        T get() throws AxisException, IOException;
    }

    static PackageFacts facts(Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            return EdxmlPackageInspector.create().inspect(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static HttpResponse<String> admin(AxisSimulator sim, String method, String path, String body) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(sim.adminUri().resolve(path))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body))
                .build();
        return HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());
    }

}
