package vn.lienthong.bench.swa;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.io.InputStream;
import java.io.SequenceInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Limits while streaming (docs/legacy-edoc.md, "Why this SwA reader"): how many bytes of an over-limit request each
 * parser reads from the wire before it refuses it. The requests are generated as they are read, never held whole:
 * one 64 MiB part against a 1 MiB part limit, and 5 000 tiny parts against a limit of 20. The recorded figures are
 * asserted as bounds (refused, and read at most so much), so a change of behaviour fails the test.
 */
class SwaStreamingLimitsTest {

    private static final long MIB = 1 << 20;
    private static final Map<String, String> OBSERVED = new LinkedHashMap<>();

    @TempDir
    Path spool;

    @Test
    void aPartOverTheSizeLimit() throws Exception {
        SwaParser.Limits limits = new SwaParser.Limits(MIB, MIB, 20);
        Map<String, Long> read = new LinkedHashMap<>();
        for (SwaParser parser : SwaToleranceTest.PARSERS) {
            CountingStream in = new CountingStream(oneHugePart(64 * MIB));
            String outcome = refusal(parser, in, limits);
            read.put(parser.name(), in.count);
            OBSERVED.put("one 64 MiB part, limit 1 MiB: " + parser.name(), outcome + ", read " + mib(in.count));
        }
        assertEquals(List.of(true, false, false), bounded(read, 2 * MIB),
                "which parsers stop reading within 2 MiB of a 1 MiB part limit: " + read);
    }

    @Test
    void morePartsThanTheCountLimit() throws Exception {
        SwaParser.Limits limits = new SwaParser.Limits(MIB, MIB, 20);
        Map<String, Long> read = new LinkedHashMap<>();
        for (SwaParser parser : SwaToleranceTest.PARSERS) {
            CountingStream in = new CountingStream(manyParts(5_000));
            String outcome = refusal(parser, in, limits);
            read.put(parser.name(), in.count);
            OBSERVED.put("5 000 parts, limit 20: " + parser.name(), outcome + ", read " + in.count + " bytes");
        }
        assertEquals(List.of(true, true, false), bounded(read, 64 * 1024),
                "which parsers stop within 64 KiB once the 21st part starts: " + read);
    }

    private static List<Boolean> bounded(Map<String, Long> read, long bound) {
        return read.values().stream().map(n -> n <= bound).toList();
    }

    private String refusal(SwaParser parser, InputStream in, SwaParser.Limits limits) {
        try (SwaParser.Parsed p = parser.parse(SAMPLE_TYPE, in, spool.resolve(parser.getClass().getSimpleName()
                + System.nanoTime()), limits)) {
            return "ACCEPTED (" + p.parts().size() + " parts)";
        } catch (Exception | OutOfMemoryError e) {
            return "refused (" + e.getClass().getSimpleName() + ")";
        }
    }

    private static final String SAMPLE_TYPE = new SwaSample().contentType();

    private static InputStream oneHugePart(long size) {
        String head = "--MIMEBoundary_b1\r\nContent-Type: text/xml\r\nContent-ID: <root>\r\n\r\n" + SwaSample.ENVELOPE
                + "\r\n--MIMEBoundary_b1\r\nContent-Type: application/pdf\r\nContent-Transfer-Encoding: binary\r\n"
                + "Content-ID: <att1>\r\n\r\n";
        return new SequenceInputStream(Collections.enumeration(List.of(ascii(head), new Generated(size),
                ascii("\r\n--MIMEBoundary_b1--\r\n"))));
    }

    private static InputStream manyParts(int parts) {
        List<InputStream> pieces = new ArrayList<>();
        pieces.add(ascii("--MIMEBoundary_b1\r\nContent-Type: text/xml\r\nContent-ID: <root>\r\n\r\n" + SwaSample.ENVELOPE));
        for (int i = 0; i < parts; i++) {
            pieces.add(ascii("\r\n--MIMEBoundary_b1\r\nContent-Type: application/pdf\r\nContent-ID: <a" + i
                    + ">\r\n\r\n%PDF-1.4 tiny part " + i));
        }
        pieces.add(ascii("\r\n--MIMEBoundary_b1--\r\n"));
        return new SequenceInputStream(Collections.enumeration(pieces));
    }

    private static InputStream ascii(String s) {
        return new java.io.ByteArrayInputStream(s.getBytes(StandardCharsets.UTF_8));
    }

    private static String mib(long n) {
        return String.format("%.1f MiB", n / (double) MIB);
    }

    @AfterAll
    static void writeFigures() throws IOException {
        StringBuilder s = new StringBuilder();
        OBSERVED.forEach((k, v) -> s.append("- ").append(k).append(": ").append(v).append('\n'));
        Path out = Path.of("target", "swa-limits.md");
        Files.createDirectories(out.getParent());
        Files.writeString(out, s);
        System.out.println(s);
    }

    /** Bytes that never contain CR, so no delimiter can appear by chance. */
    private static final class Generated extends InputStream {
        private long left;

        Generated(long size) {
            left = size;
        }

        @Override
        public int read() {
            return left-- > 0 ? 'x' : -1;
        }

        @Override
        public int read(byte[] b, int off, int len) {
            if (left <= 0) {
                return -1;
            }
            int n = (int) Math.min(len, left);
            java.util.Arrays.fill(b, off, off + n, (byte) 'x');
            left -= n;
            return n;
        }
    }

    /** Counts what the parser took from the wire. */
    private static final class CountingStream extends java.io.FilterInputStream {
        long count;

        CountingStream(InputStream in) {
            super(in);
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            if (b >= 0) {
                count++;
            }
            return b;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            int n = super.read(b, off, len);
            if (n > 0) {
                count += n;
            }
            return n;
        }
    }

}
