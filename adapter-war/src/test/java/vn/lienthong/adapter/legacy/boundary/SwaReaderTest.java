package vn.lienthong.adapter.legacy.boundary;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import vn.lienthong.adapter.legacy.control.LegacyCodes;
import vn.lienthong.adapter.legacy.control.LegacyFault;

/**
 * The SwA reader's byte level ({@link MimeScanner}): a part comes back byte for byte whatever its size relative to
 * the 64 KiB window (a delimiter or the CR before it split across two reads), with CRLF or bare LF line ends, and
 * with content that looks like the start of a delimiter. The streaming limits are in {@link BadInputTest}.
 */
class SwaReaderTest {

    private static final String CT = "multipart/related; type=\"text/xml\"; boundary=\"MIMEBoundary_b1\"; start=\"<root>\"";
    private static final String ENVELOPE = "<soap:Envelope xmlns:soap=\"http://schemas.xmlsoap.org/soap/envelope/\">"
            + "<soap:Body/></soap:Envelope>";

    @TempDir
    Path spool;

    @ParameterizedTest
    @ValueSource(ints = {0, 1, 2, 100, 65_536 - 300, 65_536 - 19, 65_536 - 18, 65_536 - 17, 65_536, 65_537,
            3 * 65_536 + 5, 1_000_003})
    void aPartOfAnySizeComesBackExactly(int size) throws IOException {
        for (String eol : new String[] {"\r\n", "\n"}) {
            byte[] file = content(size, size);
            // Dribbling reads (1–7 bytes at a time) move every delimiter across window refills.
            for (boolean dribble : new boolean[] {false, true}) {
                byte[] body = request(eol, file);
                InputStream in = dribble ? dribbling(new ByteArrayInputStream(body)) : new ByteArrayInputStream(body);
                try (SwaMessage m = new SwaReader(1 << 20, 2 << 20, 5).read(CT, in, spool.resolve(size + eol.length()
                        + "-" + dribble))) {
                    assertEquals(ENVELOPE, new String(m.envelope(), StandardCharsets.UTF_8), "envelope, " + size);
                    assertArrayEquals(file, Files.readAllBytes(m.parts().get("att1").file()), "part of " + size
                            + " bytes, eol " + eol.length() + ", dribble " + dribble);
                }
            }
        }
    }

    @Test
    void aPartEndingInCarriageReturnsKeepsThemAllButTheLineEndsCr() throws IOException {
        byte[] file = "data\r\r".getBytes(StandardCharsets.US_ASCII);
        try (SwaMessage m = new SwaReader(1 << 20, 1 << 20, 5).read(CT, new ByteArrayInputStream(request("\r\n", file)),
                spool.resolve("cr"))) {
            assertArrayEquals(file, Files.readAllBytes(m.parts().get("att1").file()));
        }
    }

    @Test
    void aRequestEndingInsideAPartIsRefusedAndLeavesNothingOnDisk() {
        byte[] body = request("\r\n", content(10_000, 3));
        byte[] cut = java.util.Arrays.copyOf(body, body.length - 2_000);
        Path dir = spool.resolve("cut");
        LegacyFault f = assertThrows(LegacyFault.class, () -> new SwaReader(1 << 20, 1 << 20, 5)
                .read(CT, new ByteArrayInputStream(cut), dir));
        assertEquals(LegacyCodes.BAD_ENVELOPE, f.code());
        assertFalse(Files.exists(dir));
    }

    @Test
    void anAbsurdBoundaryIsRefusedBeforeReading() {
        String ct = "multipart/related; boundary=\"" + "b".repeat(300) + "\"";
        assertEquals(LegacyCodes.BAD_ENVELOPE, assertThrows(LegacyFault.class, () -> new SwaReader(1 << 20, 1 << 20, 5)
                .read(ct, new ByteArrayInputStream(new byte[0]), spool.resolve("b"))).code());
    }

    /** Random bytes with delimiter look-alikes: CRLF + dashes, the boundary minus its last character, bare CRs. */
    private static byte[] content(int size, long seed) {
        byte[] b = new byte[size];
        new Random(seed).nextBytes(b);
        byte[] trap = "\r\n--MIMEBoundary_b\r\n--MIMEBoundary_b2x\r\r\n-".getBytes(StandardCharsets.US_ASCII);
        for (int at = 0; at + trap.length <= size; at += 9_973) {
            System.arraycopy(trap, 0, b, at, trap.length);
        }
        // With bare-LF line ends a part ending in CR is ambiguous (CR LF "--boundary" is a CRLF delimiter, RFC 2046);
        // the reader takes the RFC's reading. Random content must not end in CR by chance.
        if (size > 0 && b[size - 1] == '\r') {
            b[size - 1] = 'x';
        }
        return b;
    }

    private static byte[] request(String eol, byte[] file) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(("--MIMEBoundary_b1" + eol + "Content-Type: text/xml" + eol + "Content-ID: <root>" + eol + eol
                + ENVELOPE + eol + "--MIMEBoundary_b1" + eol + "Content-Type: application/pdf" + eol
                + "Content-ID: <att1>" + eol + eol).getBytes(StandardCharsets.US_ASCII));
        out.writeBytes(file);
        out.writeBytes((eol + "--MIMEBoundary_b1--" + eol).getBytes(StandardCharsets.US_ASCII));
        return out.toByteArray();
    }

    private static InputStream dribbling(InputStream in) {
        Random r = new Random(5);
        return new FilterInputStream(in) {
            @Override
            public int read(byte[] b, int off, int len) throws IOException {
                return super.read(b, off, Math.min(len, 1 + r.nextInt(7)));
            }
        };
    }
}
