package vn.lienthong.edxml.bench;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.Signature;

import com.amazon.corretto.crypto.provider.AmazonCorrettoCryptoProvider;

import vn.lienthong.edxml.sign.PackageSigner;
import vn.lienthong.edxml.sign.PackageVerifier;
import vn.lienthong.edxml.sign.SignatureAlgorithm;
import vn.lienthong.edxml.sign.VerificationStatus;

/**
 * EDXML sign + verify of a 10 KB package measured in <em>CPU time of the measuring thread</em> instead of wall
 * time: on a machine shared with other work, JMH's ops/s measure the contention, while operations per CPU-second
 * of one thread are what one core would do if it were ours. Runs the same operations as
 * {@link EdxmlProviderBenchmark} (files, as the adapter's packaging does) and the in-memory path for small packages.
 * <pre>java -cp benchmarks/target/benchmarks.jar vn.lienthong.edxml.bench.CpuPerOperation [accp|jdk] [seconds] [name regex]</pre>
 */
public final class CpuPerOperation {

    private CpuPerOperation() {
    }

    @FunctionalInterface
    interface Op {
        void run() throws Exception;
    }

    public static void main(String[] args) throws Exception {
        String provider = args.length > 0 ? args[0] : "accp";
        double seconds = args.length > 1 ? Double.parseDouble(args[1]) : 5;
        only = args.length > 2 ? java.util.regex.Pattern.compile(args[2]) : null;
        if (provider.equals("accp")) {
            AmazonCorrettoCryptoProvider.install();
            AmazonCorrettoCryptoProvider.INSTANCE.assertHealthy();
        }
        Path dir = Files.createTempDirectory("edxml-cpu-bench-");
        try {
            Path attachment = BenchPackages.attachmentFor(10240, dir.resolve("attachment.pdf"));
            Path unsigned = BenchPackages.writeFile(attachment, dir.resolve("unsigned.edxml"));
            byte[] unsignedBytes = Files.readAllBytes(unsigned);
            PackageSigner signer = new PackageSigner(BenchPackages.credentials("RSA"), SignatureAlgorithm.RSA_SHA256);
            PackageVerifier verifier = new PackageVerifier();
            Path signedOut = dir.resolve("signed-out.edxml");
            signer.sign(unsigned, signedOut);
            byte[] signedBytes = Files.readAllBytes(signedOut);
            KeyPairGenerator g = KeyPairGenerator.getInstance("RSA");
            g.initialize(2048);
            KeyPair rsa = g.generateKeyPair();
            byte[] data = new byte[1000];
            System.out.printf("provider %s, SHA256withRSA from %s, package %d bytes%n", provider,
                    Signature.getInstance("SHA256withRSA").getProvider().getName(), unsignedBytes.length);

            measure("bare RSA-2048 sign", seconds, () -> {
                Signature s = Signature.getInstance("SHA256withRSA");
                s.initSign(rsa.getPrivate());
                s.update(data);
                s.sign();
            });
            java.security.PrivateKey packageKey = BenchPackages.credentials("RSA").privateKey();
            measure("bare RSA-2048 sign, the package signer's key", seconds, () -> {
                Signature s = Signature.getInstance("SHA256withRSA");
                s.initSign(packageKey);
                s.update(data);
                s.sign();
            });
            measure("EDXML sign, files", seconds, () -> signer.sign(unsigned, signedOut));
            measure("EDXML verify, file", seconds, () -> check(verifier.verify(signedOut).status()));
            measure("EDXML sign + verify, files", seconds, () -> {
                signer.sign(unsigned, signedOut);
                check(verifier.verify(signedOut).status());
            });
            measure("EDXML sign, in memory", seconds, () -> signer.sign(unsignedBytes));
            measure("EDXML verify, in memory", seconds, () -> check(verifier.verify(signedBytes).status()));
            measure("EDXML sign + verify, in memory", seconds,
                    () -> check(verifier.verify(signer.sign(unsignedBytes)).status()));
            measure("EDXML sign + verify, streams", seconds, () -> {
                ByteArrayOutputStream out = new ByteArrayOutputStream(unsignedBytes.length + 4096);
                signer.sign(new java.io.ByteArrayInputStream(unsignedBytes), out);
                check(verifier.verify(new java.io.ByteArrayInputStream(out.toByteArray())).status());
            });
        } finally {
            try (var files = Files.list(dir)) {
                for (Path p : files.toList()) {
                    Files.deleteIfExists(p);
                }
            }
            Files.deleteIfExists(dir);
        }
    }

    private static void check(VerificationStatus status) {
        if (status != VerificationStatus.VALID) {
            throw new IllegalStateException("verification: " + status);
        }
    }

    /** Warms up for a third of the time, then counts operations until the thread used {@code seconds} of CPU. */
    private static java.util.regex.Pattern only;

    private static void measure(String name, double seconds, Op op) throws Exception {
        if (only != null && !only.matcher(name).find()) {
            return;
        }
        ThreadMXBean mx = ManagementFactory.getThreadMXBean();
        long warmEnd = mx.getCurrentThreadCpuTime() + (long) (seconds / 3 * 1e9);
        while (mx.getCurrentThreadCpuTime() < warmEnd) {
            op.run();
        }
        long start = mx.getCurrentThreadCpuTime();
        long wallStart = System.nanoTime();
        long end = start + (long) (seconds * 1e9);
        long n = 0;
        long now;
        do {
            op.run();
            n++;
            now = mx.getCurrentThreadCpuTime();
        } while (now < end);
        double cpu = (now - start) / 1e9;
        double wall = (System.nanoTime() - wallStart) / 1e9;
        System.out.printf("%-32s %8.0f ops per CPU-second  (%6.3f ms CPU/op; %d ops; wall %.1f s)%n", name,
                n / cpu, cpu * 1000 / n, n, wall);
    }
}
