package vn.lienthong.edxml.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.Security;
import java.security.Signature;
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

import com.amazon.corretto.crypto.provider.AmazonCorrettoCryptoProvider;

import vn.lienthong.edxml.sign.PackageSigner;
import vn.lienthong.edxml.sign.PackageVerifier;
import vn.lienthong.edxml.sign.SignatureAlgorithm;
import vn.lienthong.edxml.sign.VerificationResult;

/**
 * EDXML sign + verify of a 10 KB package (RSA-2048 / SHA-256) with the JDK's providers and with Amazon Corretto
 * Crypto Provider 2.4.1 (native) first, as the adapter's {@code adapter.crypto.provider=auto} installs it; plus the
 * bare RSA-2048 signature and verification of 1 000 bytes, the floor under the EDXML figures. Each provider runs in
 * its own fork (a provider installed stays for the JVM). One thread: ops/s per core.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Fork(value = 1, jvmArgsAppend = {"-Xmx512m"})
@Warmup(iterations = 2, time = 2)
@Measurement(iterations = 3, time = 3)
@Threads(1)
public class EdxmlProviderBenchmark {

    @Param({"jdk", "accp"})
    public String provider;

    private Path dir;
    private Path unsigned;
    private Path signed;
    private Path signedOut;
    private PackageSigner signer;
    private PackageVerifier verifier;
    private KeyPair rsa;
    private byte[] data;
    private byte[] signature;
    private byte[] unsignedBytes;

    @Setup(Level.Trial)
    public void setUp() throws IOException, GeneralSecurityException {
        if (provider.equals("accp")) {
            AmazonCorrettoCryptoProvider.install();
            AmazonCorrettoCryptoProvider.INSTANCE.assertHealthy();
        }
        dir = Files.createTempDirectory("edxml-provider-bench-");
        Path attachment = BenchPackages.attachmentFor(10240, dir.resolve("attachment.pdf"));
        unsigned = BenchPackages.writeFile(attachment, dir.resolve("unsigned.edxml"));
        signer = new PackageSigner(BenchPackages.credentials("RSA"), SignatureAlgorithm.RSA_SHA256);
        unsignedBytes = Files.readAllBytes(unsigned);
        signed = dir.resolve("signed.edxml");
        signer.sign(unsigned, signed);
        signedOut = dir.resolve("signed-out.edxml");
        verifier = new PackageVerifier();
        KeyPairGenerator g = KeyPairGenerator.getInstance("RSA");
        g.initialize(2048);
        rsa = g.generateKeyPair();
        data = new byte[1000];
        signature = rsaSign();
        System.out.printf("%n[setup] %s: SHA256withRSA from %s, first provider %s%n", provider,
                Signature.getInstance("SHA256withRSA").getProvider().getName(), Security.getProviders()[0].getName());
    }

    @TearDown(Level.Trial)
    public void tearDown() throws IOException {
        try (var files = Files.list(dir)) {
            for (Path p : files.toList()) {
                Files.deleteIfExists(p);
            }
        }
        Files.deleteIfExists(dir);
    }

    /** The target: ≥ 1 200 per second per core. */
    @Benchmark
    public VerificationResult signAndVerify10k() throws IOException {
        signer.sign(unsigned, signedOut);
        return verifier.verify(signedOut);
    }

    /** The same in memory ({@code sign(byte[])}, {@code verify(byte[])}): what a 10 KB package costs without files. */
    @Benchmark
    public VerificationResult signAndVerify10kInMemory() throws IOException {
        return verifier.verify(signer.sign(unsignedBytes));
    }

    @Benchmark
    public void sign10k() throws IOException {
        signer.sign(unsigned, signedOut);
    }

    @Benchmark
    public VerificationResult verify10k() throws IOException {
        return verifier.verify(signed);
    }

    @Benchmark
    public byte[] rsaSign() throws GeneralSecurityException {
        Signature s = Signature.getInstance("SHA256withRSA");
        s.initSign(rsa.getPrivate());
        s.update(data);
        return s.sign();
    }

    @Benchmark
    public boolean rsaVerify() throws GeneralSecurityException {
        Signature s = Signature.getInstance("SHA256withRSA");
        s.initVerify(rsa.getPublic());
        s.update(data);
        return s.verify(signature);
    }
}
