package vn.lienthong.axis.simulator;

import com.sun.net.httpserver.HttpServer;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Comparator;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Stream;

/**
 * A local stand-in for the national axis: the VXP HTTP API with HMAC-signed headers, routing between connected
 * systems, counterpart agencies and run-time fault injection. Embeddable in tests
 * ({@code try (AxisSimulator sim = AxisSimulator.start(config)) {…}}) and runnable through {@link AxisSimulatorMain}.
 */
public final class AxisSimulator implements AutoCloseable {

    private static final System.Logger LOG = System.getLogger(AxisSimulator.class.getName());

    private final SimulatorConfig config;
    private final Path dataDir;
    private final boolean temporaryDataDir;
    private final FaultInjector faults = new FaultInjector();
    private final RequestCounter requests = new RequestCounter();
    private final AtomicReference<CounterpartScript> script;
    private final Deliveries deliveries;
    private final SubmissionDesk desk;
    private final ScheduledExecutorService counterpartScheduler;
    private final ExecutorService requestThreads;
    private final HttpServer server;

    private AxisSimulator(SimulatorConfig config) throws IOException {
        this.config = config;
        this.temporaryDataDir = config.dataDir() == null;
        this.dataDir = temporaryDataDir ? Files.createTempDirectory("axis-simulator-")
                : Files.createDirectories(config.dataDir());
        this.script = new AtomicReference<>(config.counterpartScript());
        Clock clock = Clock.systemUTC();
        Router router = new Router(config.systems(), config.directory(), config.counterpartOrganIds());
        this.deliveries = new Deliveries(dataDir, router, clock, config.failedAckKeepsItemListed());
        this.desk = new SubmissionDesk(deliveries, config.inspector(), router, faults, config.hashFileCheck(),
                config.maxPackageBytes());
        this.counterpartScheduler = Executors.newSingleThreadScheduledExecutor(daemon("axis-sim-counterpart"));
        Counterpart counterpart = new Counterpart(counterpartScheduler, config.directory(), script::get, faults,
                (organ, bytes) -> desk.internal(Deliveries.COUNTERPART, new ByteArrayInputStream(bytes)), clock);
        desk.counterpart(counterpart::received);

        this.server = HttpServer.create(new InetSocketAddress(config.bindAddress(), config.port()), 64);
        RequestVerifier verifier = new RequestVerifier(config.systems(), config.timestampWindow(), clock);
        server.createContext(config.basePath(), new ApiHandler(config.basePath(), verifier, faults, requests, deliveries, desk,
                config.directory(), config.transitTraceHeader(), clock, config.maxPackageBytes()));
        server.createContext("/_sim/", new AdminHandler(this));
        this.requestThreads = Executors.newFixedThreadPool(32, daemon("axis-sim-http"));
        server.setExecutor(requestThreads);
        server.start();
    }

    public static AxisSimulator start(SimulatorConfig config) throws IOException {
        AxisSimulator simulator = new AxisSimulator(config);
        LOG.log(System.Logger.Level.INFO, () -> "axis simulator listening on " + simulator.baseUri()
                + " with " + config.systems().size() + " systems, data in " + simulator.dataDir);
        return simulator;
    }

    public int port() {
        return server.getAddress().getPort();
    }

    /** Endpoint to configure in clients: {@code http://127.0.0.1:<port><basePath>}. */
    public URI baseUri() {
        return URI.create("http://" + server.getAddress().getAddress().getHostAddress() + ":" + port()
                + config.basePath());
    }

    /** Root of the operator endpoints, {@code http://127.0.0.1:<port>/_sim/}. */
    public URI adminUri() {
        return URI.create("http://" + server.getAddress().getAddress().getHostAddress() + ":" + port() + "/_sim/");
    }

    public FaultInjector faults() {
        return faults;
    }

    /** API requests per operation, counted before faults strike. */
    public RequestCounter requests() {
        return requests;
    }

    /** DocumentIds of the document packages received through sendEdoc, in order of arrival (oldest first). */
    public java.util.List<String> receivedDocumentIds() {
        return deliveries.receivedDocumentIds();
    }

    public CounterpartScript counterpartScript() {
        return script.get();
    }

    public void counterpartScript(CounterpartScript newScript) {
        script.set(newScript);
    }

    public SimulatorConfig config() {
        return config;
    }

    public Path dataDir() {
        return dataDir;
    }

    /** Forgets every package, delivery and fault. */
    public void reset() {
        faults.clear();
        requests.clear();
        deliveries.clear();
    }

    Deliveries deliveries() {
        return deliveries;
    }

    SubmissionDesk desk() {
        return desk;
    }

    @Override
    public void close() {
        server.stop(0);
        requestThreads.shutdownNow();
        counterpartScheduler.shutdownNow();
        try {
            counterpartScheduler.awaitTermination(2, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        try {
            deliveries.close();
        } catch (java.io.IOException e) {
            LOG.log(System.Logger.Level.WARNING,
                    () -> "could not write the final snapshot (the journal keeps every change): " + e);
        }
        if (temporaryDataDir) {
            deleteTree(dataDir);
        }
    }

    private static void deleteTree(Path root) {
        try (Stream<Path> paths = Files.walk(root)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static java.util.concurrent.ThreadFactory daemon(String name) {
        AtomicInteger counter = new AtomicInteger();
        return runnable -> {
            Thread thread = new Thread(runnable, name + "-" + counter.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
    }
}
