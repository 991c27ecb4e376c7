package vn.lienthong.edxml.attach;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.Random;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AttachmentCodecTest {

    @TempDir
    Path tmp;

    private static byte[] decode(String encoded, int chunk) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Base64StreamDecoder d = new Base64StreamDecoder(out, Long.MAX_VALUE);
        char[] chars = encoded.toCharArray();
        for (int i = 0; i < chars.length; i += chunk) {
            d.write(chars, i, Math.min(chunk, chars.length - i));
        }
        d.finish();
        return out.toByteArray();
    }

    @Test
    void decodesAcrossArbitraryChunkBoundaries() throws IOException {
        Random random = new Random(3);
        for (int len = 0; len < 70; len++) {
            byte[] data = new byte[len];
            random.nextBytes(data);
            String encoded = Base64.getEncoder().encodeToString(data);
            for (int chunk : new int[] {1, 2, 3, 5, 7, 1000}) {
                assertArrayEquals(data, decode(encoded, chunk), "len " + len + " chunk " + chunk);
            }
            assertArrayEquals(data, decode(Base64.getMimeEncoder(8, "\r\n".getBytes()).encodeToString(data), 3),
                    "line breaks tolerated");
        }
    }

    @Test
    void rejectsWhatIsNotBase64() {
        assertThrows(InvalidBase64Exception.class, () -> decode("${__StringFromFile(test.txt,,,)}", 4));
        assertThrows(InvalidBase64Exception.class, () -> decode("QUJD=QUJD", 4), "data after padding");
        assertThrows(InvalidBase64Exception.class, () -> decode("QUJDR", 4), "truncated");
        assertThrows(InvalidBase64Exception.class, () -> decode("Q===", 4), "misplaced padding");
        assertThrows(AttachmentLimitException.class, () -> {
            Base64StreamDecoder d = new Base64StreamDecoder(OutputStreamNull.INSTANCE, 2);
            d.write("QUJD".toCharArray(), 0, 4);
        });
    }

    private static final class OutputStreamNull {
        static final java.io.OutputStream INSTANCE = java.io.OutputStream.nullOutputStream();
    }

    private Path zip(String... entries) throws IOException {
        Path p = Files.createTempFile(tmp, "z", ".bin");
        try (ZipOutputStream z = new ZipOutputStream(Files.newOutputStream(p))) {
            for (String e : entries) {
                z.putNextEntry(new ZipEntry(e));
                z.write(("content of " + e).getBytes(StandardCharsets.US_ASCII));
            }
        }
        return p;
    }

    @Test
    void wrapperZipRules() throws IOException {
        WrapperZip.Outcome sameExtension = WrapperZip.unwrapIfWrapper(zip("1234.PDF"), tmp.resolve("a"), "x.pdf",
                false, 1 << 20, 100);
        assertTrue(sameExtension.unwrapped(), "entry extension equals the name's, case-insensitively");
        assertEquals("content of 1234.PDF", Files.readString(sameExtension.content()));
        assertFalse(WrapperZip.unwrapIfWrapper(zip("1234.edxml"), tmp.resolve("b"), "x.doc", false, 1 << 20, 100)
                .unwrapped(), "different extension and no application/zip declared");
        assertTrue(WrapperZip.unwrapIfWrapper(zip("1234.edxml"), tmp.resolve("c"), "x.doc", true, 1 << 20, 100)
                .unwrapped(), "application/zip declared");
        assertFalse(WrapperZip.unwrapIfWrapper(zip("word/document.xml", "[Content_Types].xml"), tmp.resolve("d"),
                "x.docx", true, 1 << 20, 100).unwrapped(), "a real multi-entry container is kept as sent");
        assertFalse(WrapperZip.unwrapIfWrapper(zip("a.zip"), tmp.resolve("e"), "archive.zip", true, 1 << 20, 100)
                .unwrapped(), ".zip attachments are never unwrapped");
        Path pdf = tmp.resolve("raw.pdf");
        Files.writeString(pdf, "%PDF-1.4");
        assertFalse(WrapperZip.unwrapIfWrapper(pdf, tmp.resolve("f"), "raw.pdf", true, 1 << 20, 100).unwrapped());
        assertThrows(AttachmentLimitException.class, () -> WrapperZip.unwrapIfWrapper(zip("big.txt"),
                tmp.resolve("g"), "big.txt", true, 5, 100));
    }

    @Test
    void magicBytesDecideTheStoredType() {
        assertEquals("application/pdf", MagicBytes.detect("%PDF-1.7".getBytes(), 8, "file.doc"));
        assertEquals("application/msword", MagicBytes.detect(new byte[] {(byte) 0xD0, (byte) 0xCF, 0x11,
            (byte) 0xE0}, 4, "a.doc"));
        assertEquals("application/vnd.openxmlformats-officedocument.wordprocessingml.document",
                MagicBytes.detect(new byte[] {'P', 'K', 3, 4}, 4, "a.docx"));
        assertEquals("text/plain", MagicBytes.detect("hello".getBytes(), 5, "a.TXT"));
    }
}
