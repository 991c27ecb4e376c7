package vn.lienthong.axis.simulator;

import java.io.IOException;
import java.net.InetAddress;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;

/**
 * Command line of the runnable jar. Prints {@code AXIS SIMULATOR READY http://127.0.0.1:PORT/} once listening, so
 * scripts can wait for that line and read the port from it.
 */
public final class AxisSimulatorMain {

    private static final String USAGE = """
            usage: java -jar axis-simulator-runnable.jar --systems FILE [options]
              --port N                  listen port, 0 = any free port (default 0)
              --bind ADDRESS            listen address (default 127.0.0.1)
              --base-path PATH          path of the API operations (default /)
              --data-dir DIR            where packages and state are kept (default: temporary, deleted on exit)
              --systems FILE            connected systems: <systemId>.secret=... / <systemId>.organs=code,code
              --directory FILE          agency directory id|pid|code102|oldCode|codeQd20|name|mail (default: built-in demo)
              --counterpart ORG[,ORG]   organisations the simulator answers for itself
              --counterpart-statuses C  status codes for new documents (default 01,03,04,05,06; e.g. 02)
              --counterpart-reason TEXT description of a 02 status
              --counterpart-change-answer 15|16   answer to take-back, recall and update (default 15)
              --counterpart-delay-ms N  delay before the first and between statuses (default 100)
              --no-transit-trace        do not append the transit TraceHeader to fetched documents
              --no-hash-check           accept any hash-file value
              --timestamp-window DUR    reject signed timestamps older/newer than DUR (ISO-8601, e.g. PT10M)
              --max-package-bytes N     refuse larger packages (default 209715200)
            """;

    private AxisSimulatorMain() {
    }

    public static void main(String[] args) throws Exception {
        SimulatorConfig config;
        try {
            config = parse(args);
        } catch (IllegalArgumentException | IOException e) {
            System.err.println(e.getMessage());
            System.err.print(USAGE);
            System.exit(2);
            return;
        }
        AxisSimulator simulator = AxisSimulator.start(config);
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            simulator.close();
            stopped.countDown();
        }, "axis-sim-shutdown"));
        System.out.println("AXIS SIMULATOR READY " + simulator.baseUri());
        System.out.flush();
        stopped.await();
    }

    static SimulatorConfig parse(String[] args) throws IOException {
        SimulatorConfig.Builder builder = SimulatorConfig.builder();
        List<String> statuses = CounterpartScript.ACCEPTING;
        String reason = null;
        String changeAnswer = null;
        Duration delay = null;
        boolean systemsGiven = false;
        for (int i = 0; i < args.length; i++) {
            String option = args[i];
            switch (option) {
                case "--no-transit-trace" -> builder.transitTraceHeader(false);
                case "--no-hash-check" -> builder.hashFileCheck(false);
                case "-h", "--help" -> throw new IllegalArgumentException("axis simulator");
                default -> {
                    if (i + 1 >= args.length) {
                        throw new IllegalArgumentException("missing value after " + option);
                    }
                    String value = args[++i];
                    switch (option) {
                        case "--port" -> builder.port(Integer.parseInt(value));
                        case "--bind" -> builder.bindAddress(InetAddress.getByName(value));
                        case "--base-path" -> builder.basePath(value);
                        case "--data-dir" -> builder.dataDir(Path.of(value));
                        case "--systems" -> {
                            builder.systems(SystemsFile.read(Path.of(value)));
                            systemsGiven = true;
                        }
                        case "--directory" -> builder.directory(AgencyDirectory.read(Path.of(value)));
                        case "--counterpart" -> builder.counterpart(
                                CounterpartScript.parseCodes(value).toArray(String[]::new));
                        case "--counterpart-statuses" -> statuses = CounterpartScript.parseCodes(value);
                        case "--counterpart-reason" -> reason = value;
                        case "--counterpart-change-answer" -> changeAnswer = value;
                        case "--counterpart-delay-ms" -> delay = Duration.ofMillis(Long.parseLong(value));
                        case "--timestamp-window" -> builder.timestampWindow(Duration.parse(value));
                        case "--max-package-bytes" -> builder.maxPackageBytes(Long.parseLong(value));
                        default -> throw new IllegalArgumentException("unknown option " + option);
                    }
                }
            }
        }
        if (!systemsGiven) {
            throw new IllegalArgumentException("--systems FILE is required");
        }
        builder.counterpartScript(new CounterpartScript(new ArrayList<>(statuses), reason, changeAnswer, delay, delay));
        return builder.build();
    }
}
