package vn.lienthong.resilience.support;

import java.io.IOException;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The real adapter WAR on Payara Micro as a plain child process, started the way an operator would, so it can
 * be killed like a crashing server ({@link #kill()} = {@code kill -9} of exactly this PID). Output goes to a
 * log file next to the data folder. Readiness is the adapter's MicroProfile readiness probe, never a sleep.
 */
public final class MicroProcess implements AutoCloseable {

    private final String name;
    private final Process process;
    private final int port;
    private final Path log;

    private MicroProcess(String name, Process process, int port, Path log) {
        this.name = name;
        this.process = process;
        this.port = port;
        this.log = log;
    }

    /** Starts Micro with a fresh runtime folder under {@code workDir}; {@code settings} become -D options. */
    public static MicroProcess start(String name, Path workDir, int port, Map<String, String> settings)
            throws IOException {
        return start(name, workDir, port, settings, List.of());
    }

    /** As above, with extra JVM options (e.g. a GC log) after {@code -Xmx512m}. */
    public static MicroProcess start(String name, Path workDir, int port, Map<String, String> settings,
            List<String> jvmOptions) throws IOException {
        Path root = Files.createDirectories(workDir.resolve("micro-" + name + "-" + System.nanoTime()));
        Path log = workDir.resolve(name + ".log");
        List<String> cmd = new ArrayList<>();
        cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        cmd.add("-Xmx512m");
        cmd.addAll(jvmOptions);
        settings.forEach((k, v) -> cmd.add("-D" + k + "=" + v));
        cmd.addAll(List.of("-jar", System.getProperty("it.micro.jar"),
                "--nohazelcast", "--disablephonehome", "--port", Integer.toString(port),
                // A runtime folder of our own: a killed JVM leaves it behind, and it must not be a shared /tmp one.
                "--rootdir", root.toString(),
                "--deploy", System.getProperty("it.war")));
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile())).start();
        return new MicroProcess(name, p, port, log);
    }

    /**
     * Waits until {@code /health/ready} answers 200 (application deployed, database, data folder, keys, axis
     * breaker; README "Health and metrics"); returns how long that took.
     */
    public Duration awaitReady(Duration timeout) throws InterruptedException {
        long start = System.nanoTime();
        long deadline = start + timeout.toNanos();
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();
        HttpRequest probe = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/health/ready"))
                .timeout(Duration.ofSeconds(10)).GET().build();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException(name + " exited with " + process.exitValue() + "; see " + log);
            }
            try {
                if (http.send(probe, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                    return Duration.ofNanos(System.nanoTime() - start);
                }
            } catch (IOException notYet) {
                // not listening yet
            }
            TimeUnit.MILLISECONDS.sleep(200); // poll interval of the probe
        }
        throw new IllegalStateException(name + " not ready after " + timeout + "; see " + log);
    }

    public String base() {
        return "http://127.0.0.1:" + port + "/lienthong/";
    }

    public URL endpoint() {
        try {
            return URI.create(base() + "services/DocumentExchange").toURL();
        } catch (java.net.MalformedURLException e) {
            throw new IllegalStateException(e);
        }
    }

    public long pid() {
        return process.pid();
    }

    public boolean isAlive() {
        return process.isAlive();
    }

    /** {@code kill -9}: no shutdown hooks, no undeploy, in-flight work interrupted. */
    public void kill() throws InterruptedException {
        process.destroyForcibly();
        if (!process.waitFor(30, TimeUnit.SECONDS)) {
            throw new IllegalStateException(name + " (PID " + pid() + ") survived SIGKILL for 30 s");
        }
    }

    /** Orderly stop (SIGTERM), then SIGKILL if it takes longer than 30 s. */
    public void stop() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(30, TimeUnit.SECONDS)) {
            kill();
        }
    }

    public Path log() {
        return log;
    }

    @Override
    public void close() throws InterruptedException {
        if (process.isAlive()) {
            kill();
        }
    }
}
