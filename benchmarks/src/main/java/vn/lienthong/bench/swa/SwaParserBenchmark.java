package vn.lienthong.bench.swa;

import java.io.ByteArrayInputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * Reading one old-protocol SwA request (envelope + one binary PDF part) with each candidate parser: envelope to
 * memory, the part decoded to a file in a temporary folder, then removed. Sizes: the whole request 10 KB or 20 MB.
 * Run with {@code -prof gc} for the allocation per operation (docs/legacy-edoc.md, "Why this SwA reader").
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Fork(value = 1, jvmArgsAppend = {"-Xmx512m"})
public class SwaParserBenchmark {

    /** Part limit above the 20 MB sample (the adapter's default is 20 MiB per decoded part). */
    private static final SwaParser.Limits LIMITS = new SwaParser.Limits(2L << 20, 32L << 20, 20);

    @Param({"10KB", "20MB"})
    public String size;

    @Param({"SwaReader", "CXF", "JakartaMail"})
    public String parser;

    @Param({"binary"})
    public String encoding;

    private SwaParser candidate;
    private String contentType;
    private byte[] body;
    private Path dir;
    private int n;

    @Setup(Level.Trial)
    public void setUp() throws Exception {
        candidate = switch (parser) {
            case "SwaReader" -> new HandWrittenSwa();
            case "CXF" -> new CxfSwa();
            case "JakartaMail" -> new JakartaMailSwa();
            default -> throw new IllegalArgumentException(parser);
        };
        SwaSample sample = new SwaSample();
        int total = "10KB".equals(size) ? 10 * 1024 : 20 * 1024 * 1024;
        int overhead = sample.body().length - sample.attachment.length;
        sample.attachmentEncoding = encoding;
        int raw = total - overhead;
        sample.attachment = SwaSample.binary("base64".equals(encoding) ? raw / 4 * 3 * 76 / 78 : raw, 7);
        contentType = sample.contentType();
        body = sample.body();
        dir = Files.createTempDirectory("swa-bench");
        // Every candidate must read the sample right before it is measured.
        try (SwaParser.Parsed p = candidate.parse(contentType, new ByteArrayInputStream(body), dir.resolve("check"),
                LIMITS)) {
            if (!java.util.Arrays.equals(sample.attachment, Files.readAllBytes(p.parts().get("att1")))) {
                throw new IllegalStateException(parser + " misread the sample");
            }
        }
    }

    @Benchmark
    public int parse() throws Exception {
        try (SwaParser.Parsed p = candidate.parse(contentType, new ByteArrayInputStream(body), dir.resolve("r" + n++),
                LIMITS)) {
            return p.envelope().length + p.parts().size();
        }
    }

    @TearDown(Level.Trial)
    public void tearDown() throws Exception {
        new SwaParser.Parsed(new byte[0], java.util.Map.of(), dir).close();
    }
}
