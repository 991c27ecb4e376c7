package vn.lienthong.edxml.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.lienthong.docsig.SignedPdfs;
import vn.lienthong.docsig.TestCa;
import vn.lienthong.edxml.testsupport.SamplePackages;
import vn.lienthong.edxml.testsupport.TestPki;
import vn.lienthong.edxml.write.AttachmentSource;
import vn.lienthong.edxml.write.EdxmlWriter;

/**
 * {@code signatures} streams: a package carrying a signed 200 MB PDF is examined by the packaged jar in a JVM of
 * 256 MB heap (a second JVM, so the limit is real), which must still verify the signature over all of it.
 */
class SignaturesStreamingIT {

    private static final long PDF_BYTES = 200L << 20;

    @TempDir
    Path tmp;

    @Test
    void signedTwoHundredMegabytePdfIsVerifiedUnderA256MegabyteHeap() throws Exception {
        TestCa ca = new TestCa("Streaming CA");
        Path big = SignedPdfs.sign(SignedPdfs.largeUnsigned(tmp.resolve("big-unsigned.pdf"), PDF_BYTES),
                tmp.resolve("big.pdf"), SignedPdfs.Signing.of(ca.signer("Ky Tep Lon")));
        assertTrue(Files.size(big) > PDF_BYTES);
        Path pkg = tmp.resolve("big.edxml");
        try (OutputStream out = Files.newOutputStream(pkg)) {
            new EdxmlWriter().writeDocument(SamplePackages.newDocument(),
                    List.of(AttachmentSource.ofFile(big, "Van ban lon", "application/pdf")), out);
        }
        Files.delete(tmp.resolve("big-unsigned.pdf"));
        Path caPem = TestPki.writePem(tmp.resolve("ca.pem"), ca.certificate);
        Path crl = TestPki.writePem(tmp.resolve("ca.crl"), ca.crl(Instant.now()));

        Path log = tmp.resolve("cli.out");
        Process p = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx256m", "-Djava.io.tmpdir=" + tmp, "-jar", System.getProperty("cli.jar", "target/edxml-cli.jar"),
                "signatures", "--trust", caPem.toString(), "--crl", crl.toString(), pkg.toString())
                .redirectErrorStream(true).redirectOutput(log.toFile()).start();
        assertTrue(p.waitFor(10, TimeUnit.MINUTES), "finished");
        String out = Files.readString(log, StandardCharsets.UTF_8);
        assertEquals(0, p.exitValue(), out);
        assertTrue(out.contains("attachment [0] big.pdf: PDF, VALID"), out);
        assertTrue(out.contains("covers:   WHOLE_FILE"), out);
        assertTrue(out.contains("package: ESTABLISHED"), out);
    }
}
