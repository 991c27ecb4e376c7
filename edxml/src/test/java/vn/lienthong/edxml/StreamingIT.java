package vn.lienthong.edxml;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.lienthong.edxml.read.AttachmentSink;
import vn.lienthong.edxml.read.EdxmlReader;
import vn.lienthong.edxml.read.ReadResult;
import vn.lienthong.edxml.sign.PackageSigner;
import vn.lienthong.edxml.sign.PackageVerifier;
import vn.lienthong.edxml.sign.VerificationResult;
import vn.lienthong.edxml.sign.VerificationStatus;
import vn.lienthong.edxml.testsupport.SamplePackages;
import vn.lienthong.edxml.testsupport.TestPki;
import vn.lienthong.edxml.write.AttachmentSource;
import vn.lienthong.edxml.write.EdxmlWriter;

/**
 * The streaming proof of issue 3: a package with a 1 GiB attachment is written, signed, verified and read back in
 * a JVM limited to 256 MB of heap (failsafe execution "streaming-1gb", argLine -Xmx256m). The attachment is
 * generated on the fly and compared by SHA-256, never held in memory; JUnit deletes the temporary files.
 */
class StreamingIT {

    private static final long SIZE = 1L << 30;

    @TempDir
    Path tmp;

    @Test
    void oneGigabyteAttachmentStreamsThroughWriteSignVerifyRead() throws Exception {
        long maxHeap = Runtime.getRuntime().maxMemory();
        assertTrue(maxHeap <= 300L << 20, "run with -Xmx256m (failsafe argLine), max heap is " + (maxHeap >> 20)
                + " MB");
        MessageDigest sent = MessageDigest.getInstance("SHA-256");
        Path unsigned = tmp.resolve("big-unsigned.edxml");
        long t0 = System.nanoTime();
        try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(unsigned), 1 << 16)) {
            AttachmentSource big = new AttachmentSource("big.pdf", "1 GiB generated", "application/pdf",
                    () -> new DigestInputStream(new GeneratedPdf(SIZE), sent));
            new EdxmlWriter().writeDocument(SamplePackages.newDocument(), List.of(big), out);
        }
        long t1 = System.nanoTime();
        TestPki pki = TestPki.rsa();
        Path signed = tmp.resolve("big-signed.edxml");
        new PackageSigner(pki.credentials()).sign(unsigned, signed);
        Files.delete(unsigned);
        long t2 = System.nanoTime();
        VerificationResult verdict = PackageVerifier.builder().trustAnchor(pki.caCert).build().verify(signed);
        assertEquals(VerificationStatus.VALID, verdict.status(), verdict.reason());
        long t3 = System.nanoTime();
        MessageDigest received = MessageDigest.getInstance("SHA-256");
        long[] size = new long[1];
        ReadResult r = new EdxmlReader(vn.lienthong.edxml.read.ReaderLimits.defaults(), tmp).read(signed,
                (AttachmentSink) (attachment, content) -> {
                    byte[] buf = new byte[1 << 16];
                    int n;
                    while ((n = content.read(buf)) > 0) {
                        received.update(buf, 0, n);
                        size[0] += n;
                    }
                });
        long t4 = System.nanoTime();
        assertFalse(r.hasErrors(), r.errors().toString());
        assertEquals(SIZE, size[0]);
        assertArrayEquals(sent.digest(), received.digest());
        System.out.printf("1 GiB attachment: write %.1fs, sign %.1fs, verify %.1fs, read %.1fs; package %d MB;"
                        + " max heap %d MB, peak heap used %d MB%n", (t1 - t0) / 1e9, (t2 - t1) / 1e9,
                (t3 - t2) / 1e9, (t4 - t3) / 1e9, Files.size(signed) >> 20, maxHeap >> 20, peakHeapBytes() >> 20);
    }

    private static long peakHeapBytes() {
        long peak = 0;
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP) {
                peak += pool.getPeakUsage().getUsed();
            }
        }
        return peak;
    }

    /** A PDF header followed by fast pseudo-random bytes (xorshift): incompressible, reproducible, never stored. */
    static final class GeneratedPdf extends InputStream {
        private final long size;
        private long produced;
        private long state = 0x9E3779B97F4A7C15L;
        private static final byte[] HEADER = "%PDF-1.4\n".getBytes(java.nio.charset.StandardCharsets.US_ASCII);

        GeneratedPdf(long size) {
            this.size = size;
        }

        @Override
        public int read() throws IOException {
            byte[] one = new byte[1];
            return read(one, 0, 1) < 0 ? -1 : one[0] & 0xFF;
        }

        @Override
        public int read(byte[] b, int off, int len) {
            if (produced >= size) {
                return -1;
            }
            int n = (int) Math.min(len, size - produced);
            for (int i = 0; i < n; i++) {
                long pos = produced + i;
                if (pos < HEADER.length) {
                    b[off + i] = HEADER[(int) pos];
                } else {
                    state ^= state << 13;
                    state ^= state >>> 7;
                    state ^= state << 17;
                    b[off + i] = (byte) state;
                }
            }
            produced += n;
            return n;
        }
    }
}
