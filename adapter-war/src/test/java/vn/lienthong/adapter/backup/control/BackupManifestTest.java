package vn.lienthong.adapter.backup.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The manifest lists every file with its SHA-256 in sha256sum's format and finds changed or missing files. */
class BackupManifestTest {

    @TempDir
    Path backup;

    @Test
    void anIntactBackupVerifiesAndAChangedOrMissingFileIsNamed() throws Exception {
        Files.createDirectories(backup.resolve("data/packages/2026"));
        Files.writeString(backup.resolve("data/packages/2026/a.edxml"), "<edXML/>");
        Files.writeString(backup.resolve("database.zip"), "db");
        long[] written = BackupManifest.write(backup);
        assertEquals(2, written[0]);
        assertEquals(10, written[1]);
        List<String> lines = Files.readAllLines(backup.resolve(BackupManifest.FILE));
        assertTrue(lines.get(0).matches("[0-9a-f]{64}  data/packages/2026/a\\.edxml"), lines.get(0));
        assertEquals(List.of(), BackupManifest.verify(backup));

        Files.writeString(backup.resolve("data/packages/2026/a.edxml"), "<edXML>changed</edXML>");
        Files.delete(backup.resolve("database.zip"));
        assertEquals(List.of("data/packages/2026/a.edxml", "database.zip"), BackupManifest.verify(backup));
    }
}
