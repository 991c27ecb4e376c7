package vn.lienthong.axis.client;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SdkHashFileTest {

    /** Example of spec axis-vxp-api §8: bytes below 0x10 lose their leading zero. */
    @Test
    void rendersWithoutZeroPadding(@TempDir Path dir) throws Exception {
        byte[] content = "<edXML/>".getBytes(StandardCharsets.US_ASCII);
        assertEquals("8d55f6c7bf7cd534cf27a10e1bb5731c68279c3cb991cf4844774c685b3758", SdkHashFile.of(content));
        Path file = Files.write(dir.resolve("p.edxml"), content);
        assertEquals(SdkHashFile.of(content), SdkHashFile.of(file));
    }
}
