package vn.lienthong.it.support;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.stream.Stream;

import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

import vn.lienthong.axis.simulator.AxisSimulator;
import vn.lienthong.axis.simulator.SimulatorConfig;
import vn.lienthong.axis.simulator.SystemAccount;

/**
 * Starts the axis simulator on the port Maven reserved ({@code it.axis.port}) before the adapter is deployed,
 * with two connected systems: the adapter ({@value #ADAPTER_SYSTEM}, serving the demo organisation) and a
 * counterpart agency system the tests read from. The HMAC secrets are random per run; the adapter's is written
 * to {@code axis-secret} in its data folder, exactly as the launcher does in demo mode.
 *
 * <p>Register it before the Arquillian extension so it runs first. On Payara Server the simulator lives as long
 * as the one shared deployment ({@link PayaraServerDeployment} calls {@link #startFresh()} and {@link #stop()}).
 */
public final class AxisSimulatorExtension implements BeforeAllCallback, AfterAllCallback {

    public static final String ADAPTER_SYSTEM = "demo.adapter";
    public static final String COUNTERPART_SYSTEM = "it.counterpart";
    public static final String DEMO_ORGAN = "000.00.00.G22";
    public static final String COUNTERPART_ORGAN = "000.00.00.H41";
    /** An agency the simulator plays itself: it answers documents with 01, 03, 04, 05, 06. */
    public static final String PLAYED_ORGAN = "000.00.00.H14";

    private static AxisSimulator simulator;
    private static String counterpartSecret;

    @Override
    public void beforeAll(ExtensionContext context) throws Exception {
        startFresh();
    }

    @Override
    public void afterAll(ExtensionContext context) {
        stop();
    }

    /** An empty data folder holding only the adapter's axis secret, and a simulator that knows both systems. */
    public static synchronized void startFresh() throws Exception {
        Path dataDir = dataDir();
        wipe(dataDir);
        Files.createDirectories(dataDir);
        String adapterSecret = randomSecret();
        counterpartSecret = randomSecret();
        Files.writeString(dataDir.resolve("axis-secret"), adapterSecret);
        simulator = AxisSimulator.start(SimulatorConfig.builder()
                .port(Integer.getInteger("it.axis.port"))
                .system(SystemAccount.of(ADAPTER_SYSTEM, adapterSecret, DEMO_ORGAN))
                .system(SystemAccount.of(COUNTERPART_SYSTEM, counterpartSecret, COUNTERPART_ORGAN))
                .counterpart(PLAYED_ORGAN)
                .build());
    }

    public static synchronized void stop() {
        if (simulator != null) {
            simulator.close();
            simulator = null;
        }
    }

    public static AxisSimulator simulator() {
        return simulator;
    }

    public static String counterpartSecret() {
        return counterpartSecret;
    }

    public static Path dataDir() {
        return Path.of(System.getProperty("it.data.dir"));
    }

    private static String randomSecret() {
        byte[] b = new byte[24];
        new SecureRandom().nextBytes(b);
        return HexFormat.of().formatHex(b);
    }

    private static void wipe(Path dir) throws IOException {
        // The previous test class's server may still be stopping and remove files of its own meanwhile (the H2
        // lock file of AUTO_SERVER): a file gone already is fine, and a walk that met one is repeated.
        for (int attempt = 1; Files.exists(dir); attempt++) {
            try (Stream<Path> files = Files.walk(dir)) {
                for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
                    Files.deleteIfExists(p);
                }
            } catch (java.io.UncheckedIOException | java.nio.file.NoSuchFileException
                    | java.nio.file.DirectoryNotEmptyException e) {
                if (attempt >= 5) {
                    throw e instanceof java.io.UncheckedIOException u ? u.getCause() : (IOException) e;
                }
            }
        }
    }
}
