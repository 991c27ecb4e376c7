package vn.lienthong.edxml.bench;

import java.io.IOException;
import java.io.OutputStream;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;
import vn.lienthong.edxml.read.AttachmentSink;
import vn.lienthong.edxml.read.EdxmlHeaderScanner;
import vn.lienthong.edxml.read.EdxmlReader;
import vn.lienthong.edxml.read.PackageHeader;
import vn.lienthong.edxml.read.ReadResult;
import vn.lienthong.edxml.sign.PackageSigner;
import vn.lienthong.edxml.sign.PackageVerifier;
import vn.lienthong.edxml.sign.SignatureAlgorithm;
import vn.lienthong.edxml.sign.VerificationResult;

/**
 * Parse, write, sign and verify throughput for packages of 10 KB, 1 MB and 100 MB, single-threaded (ops/s per
 * core). Each (benchmark, size) runs in its own fork with a 512 MB heap; the peak heap occupancy of the fork
 * (garbage included) is printed at tear-down. To bound live memory, rerun with {@code -jvmArgsAppend -Xmx64m}.
 * Inputs are files in a temporary directory that is removed afterwards; nothing package-sized is held in memory.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Fork(value = 1, jvmArgsAppend = {"-Xmx512m"})
@Warmup(iterations = 2, time = 2)
@Measurement(iterations = 3, time = 3)
@Threads(1)
public class EdxmlBenchmark {

    @Param({"10240", "1048576", "104857600"})
    public long packageBytes;

    private Path dir;
    private Path attachment;
    private Path unsigned;
    private Path signed;
    private Path signedOut;
    private PackageSigner rsaSigner;
    private PackageSigner ecSigner;
    private PackageVerifier verifier;
    private EdxmlReader reader;

    @Setup(Level.Trial)
    public void setUp() throws IOException {
        dir = Files.createTempDirectory("edxml-bench-");
        attachment = BenchPackages.attachmentFor(packageBytes, dir.resolve("attachment.pdf"));
        unsigned = BenchPackages.writeFile(attachment, dir.resolve("unsigned.edxml"));
        rsaSigner = new PackageSigner(BenchPackages.credentials("RSA"), SignatureAlgorithm.RSA_SHA256);
        ecSigner = new PackageSigner(BenchPackages.credentials("EC"), SignatureAlgorithm.ECDSA_SHA256);
        signed = dir.resolve("signed.edxml");
        rsaSigner.sign(unsigned, signed);
        signedOut = dir.resolve("signed-out.edxml");
        verifier = new PackageVerifier();
        reader = new EdxmlReader(vn.lienthong.edxml.read.ReaderLimits.defaults(), dir);
        System.out.printf("%n[setup] package %d bytes unsigned, %d bytes signed%n", Files.size(unsigned),
                Files.size(signed));
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            pool.resetPeakUsage();
        }
    }

    @TearDown(Level.Trial)
    public void tearDown() throws IOException {
        long peak = 0;
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP) {
                peak += pool.getPeakUsage().getUsed();
            }
        }
        System.out.printf("%n[teardown] peak heap used %d MB (max %d MB)%n", peak >> 20,
                Runtime.getRuntime().maxMemory() >> 20);
        try (var files = Files.list(dir)) {
            for (Path p : files.toList()) {
                Files.deleteIfExists(p);
            }
        }
        Files.deleteIfExists(dir);
    }

    @Benchmark
    public void write() throws IOException {
        try (OutputStream out = Files.newOutputStream(dir.resolve("written.edxml"))) {
            BenchPackages.write(attachment, out);
        }
    }

    @Benchmark
    public ReadResult parse() throws IOException {
        return reader.read(signed, AttachmentSink.discard());
    }

    @Benchmark
    public PackageHeader scanHeader() throws IOException {
        try (var in = Files.newInputStream(signed)) {
            return EdxmlHeaderScanner.scan(in);
        }
    }

    @Benchmark
    public void signRsa() throws IOException {
        rsaSigner.sign(unsigned, signedOut);
    }

    @Benchmark
    public VerificationResult verifyRsa() throws IOException {
        return verifier.verify(signed);
    }

    /** The target: signing plus verifying a 10 KB package at 1 000 per second per core. */
    @Benchmark
    public VerificationResult signAndVerifyRsa() throws IOException {
        rsaSigner.sign(unsigned, signedOut);
        return verifier.verify(signedOut);
    }

    @Benchmark
    public VerificationResult signAndVerifyEcdsa() throws IOException {
        ecSigner.sign(unsigned, signedOut);
        return verifier.verify(signedOut);
    }
}
