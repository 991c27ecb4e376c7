package vn.lienthong.edxml.read;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A received file is stored under its index and its SHA-256 is computed on the way (the digest the adapter's answers carry). */
class DirectorySinkTest {

    @TempDir
    Path dir;

    @Test
    void storesEachFileUnderItsIndexWithItsSha256() throws Exception {
        AttachmentSink.DirectorySink sink = AttachmentSink.toDirectory(dir.resolve("in-1"));
        byte[] abc = "abc".getBytes(StandardCharsets.US_ASCII);
        sink.accept(new ReceivedAttachment(0, null, null, 3, false, "text/plain"), new ByteArrayInputStream(abc));
        sink.accept(new ReceivedAttachment(1, null, null, 0, false, "text/plain"),
                new ByteArrayInputStream(new byte[0]));

        assertArrayEquals(abc, Files.readAllBytes(dir.resolve("in-1").resolve("0")));
        assertEquals(dir.resolve("in-1").resolve("1"), sink.files().get(1));
        assertEquals("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad", sink.sha256().get(0));
        assertEquals("e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855", sink.sha256().get(1));
    }
}
