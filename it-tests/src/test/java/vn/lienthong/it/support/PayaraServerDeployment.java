package vn.lienthong.it.support;

import java.io.IOException;
import java.net.MalformedURLException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.logging.Logger;

import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * The real EAR on a full Payara Server (unpacked from Maven Central into {@code payara.home}), started and deployed
 * ONCE for all server test classes of the run: the first class to need it wipes the data folder, starts the axis
 * simulator, starts domain1 with {@code asadmin} and deploys the EAR; the JUnit root store undeploys and stops it all
 * when the run ends. Each suite class on Micro gets a fresh Micro instead (Arquillian), because some Micro-only
 * tests change the adapter's world (the axis down, a full disk); the shared suites do not, so they share.
 *
 * <p>Settings reach the application through the domain's environment, which asadmin passes on from the test JVM
 * (failsafe execution {@code server} in it-tests/pom.xml): {@code ADAPTER_DATA_DIR}, {@code ADAPTER_DB_URL}, ….
 * Ports 8080/4848 are Payara's fixed defaults: only one such run may happen on a machine at a time.
 */
public final class PayaraServerDeployment implements BeforeAllCallback {

    private static final Logger LOG = Logger.getLogger(PayaraServerDeployment.class.getName());
    private static final String APP = "lienthong";
    private static final String BASE = "http://localhost:8080/" + APP + "/";
    private static final ExtensionContext.Namespace NAMESPACE =
            ExtensionContext.Namespace.create(PayaraServerDeployment.class);

    @Override
    public void beforeAll(ExtensionContext context) {
        context.getRoot().getStore(NAMESPACE).getOrComputeIfAbsent(Deployed.class, k -> deploy(), Deployed.class);
    }

    /** The deployed EAR, for the suite bodies. */
    public static AdapterTarget target() {
        try {
            return new AdapterTarget("Payara Server", new URL(BASE), AxisSimulatorExtension.dataDir());
        } catch (MalformedURLException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Deployed deploy() {
        try {
            AxisSimulatorExtension.startFresh();
            long started = System.nanoTime();
            asadmin(Duration.ofMinutes(5), "start-domain", "domain1");
            long domainUp = System.nanoTime();
            asadmin(Duration.ofMinutes(5), "deploy", "--force=true", "--name", APP, System.getProperty("it.ear"));
            // The adapter writes its demo client on its first start (demo mode): the sign that it is ready.
            Path credentials = AxisSimulatorExtension.dataDir().resolve("demo-credentials.properties");
            Await.until("the adapter's demo credentials", Duration.ofSeconds(120),
                    () -> Files.exists(credentials) ? Optional.of(true) : Optional.empty());
            LOG.info(() -> String.format("Payara Server: domain up in %d s, EAR deployed in %d s",
                    TimeUnit.NANOSECONDS.toSeconds(domainUp - started),
                    TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - domainUp)));
            return new Deployed();
        } catch (Exception e) {
            AxisSimulatorExtension.stop();
            throw new IllegalStateException("Payara Server with the EAR did not come up", e);
        }
    }

    /** Undeploys and stops the domain when the run is over (JUnit closes the root store's resources). */
    private static final class Deployed implements ExtensionContext.Store.CloseableResource {
        @Override
        public void close() throws Exception {
            try {
                asadmin(Duration.ofMinutes(2), "undeploy", APP);
            } finally {
                try {
                    asadmin(Duration.ofMinutes(2), "stop-domain", "domain1");
                } finally {
                    AxisSimulatorExtension.stop();
                }
            }
        }
    }

    /** Runs asadmin as the Payara Server managed connector does: the CLI jar on the test's own JVM. */
    private static void asadmin(Duration timeout, String... arguments) throws IOException, InterruptedException {
        Path home = Path.of(System.getProperty("payara.home"));
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java")
                .toString(), "-jar", home.resolve("glassfish/lib/client/appserver-cli.jar").toString()));
        command.addAll(List.of(arguments));
        // Output to a file, not a pipe: start-domain leaves the domain running with the streams it inherited.
        Path log = Files.createTempFile("asadmin", ".log");
        Process p = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        p.getOutputStream().close();
        if (!p.waitFor(timeout.toSeconds(), TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new IOException("asadmin " + String.join(" ", arguments) + " took over " + timeout);
        }
        String output = Files.readString(log, StandardCharsets.UTF_8);
        Files.delete(log);
        if (p.exitValue() != 0) {
            throw new IOException("asadmin " + String.join(" ", arguments) + " failed (" + p.exitValue() + "): "
                    + output);
        }
        LOG.info(() -> "asadmin " + String.join(" ", arguments) + ": " + output.trim());
    }
}
