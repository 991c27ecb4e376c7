package vn.lienthong.adapter.audit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Base64;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import vn.lienthong.adapter.audit.control.ChainKey;

/** The audit key file: created once, owner-only, reused, never shown. */
class ChainKeyTest {

    @TempDir
    Path keys;

    @Test
    void createdOnFirstUseThenReused() throws Exception {
        Path file = keys.resolve("sub/audit-key");
        ChainKey first = ChainKey.loadOrCreate(file);
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(file)));
        assertEquals(32, Base64.getDecoder().decode(Files.readString(file).strip()).length);
        ChainKey again = ChainKey.loadOrCreate(file);
        assertEquals(first.id(), again.id());
        assertEquals(first.mac("x"), again.mac("x"));
        try (var leftovers = Files.list(file.getParent())) {
            assertEquals(1, leftovers.count(), "no temporary file left behind");
        }
        assertNotEquals(first.id(), ChainKey.loadOrCreate(keys.resolve("other-key")).id());
    }

    @Test
    void theSecretNeverAppearsInItsTextForm() throws Exception {
        Path file = keys.resolve("audit-key");
        ChainKey key = ChainKey.loadOrCreate(file);
        String secret = Files.readString(file).strip();
        assertFalse(key.toString().contains(secret));
        assertFalse(key.id().contains(secret.substring(0, 8)));
    }

    @Test
    void aDamagedKeyFileStopsRatherThanChainingWithAWeakKey() throws Exception {
        Path file = keys.resolve("audit-key");
        Files.writeString(file, Base64.getEncoder().encodeToString(new byte[8]));
        assertThrows(IllegalStateException.class, () -> ChainKey.loadOrCreate(file));
    }
}
