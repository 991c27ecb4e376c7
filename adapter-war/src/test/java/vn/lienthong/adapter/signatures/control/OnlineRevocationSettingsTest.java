package vn.lienthong.adapter.signatures.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import vn.lienthong.adapter.configuration.SignatureSettings;
import vn.lienthong.adapter.configuration.AdapterSettings;

/** Online revocation is off unless an operator switches it on; its bounds have defaults and are read as set. */
class OnlineRevocationSettingsTest {

    @TempDir
    Path data;

    @Test
    void offByDefaultWithBoundedDefaults() {
        SignatureSettings s = AdapterSettings.from(TestSignatureSetup.config(Map.of("adapter.data.dir",
                data.toString()))).signatures();
        assertFalse(s.revocationOnline());
        assertEquals(Duration.ofMillis(3000), s.revocationTimeout());
        assertEquals(4L * 1024 * 1024, s.revocationMaxBytes());
        assertEquals(Duration.ofMinutes(60), s.revocationCache());
    }

    @Test
    void switchedOnWithItsBounds() {
        SignatureSettings s = AdapterSettings.from(TestSignatureSetup.config(Map.of("adapter.data.dir",
                data.toString(), SignatureSettings.REVOCATION_ONLINE, "true", SignatureSettings.REVOCATION_TIMEOUT,
                "1500", SignatureSettings.REVOCATION_MAX_BYTES, "65536", SignatureSettings.REVOCATION_CACHE, "5")))
                .signatures();
        assertTrue(s.revocationOnline());
        assertEquals(Duration.ofMillis(1500), s.revocationTimeout());
        assertEquals(65536L, s.revocationMaxBytes());
        assertEquals(Duration.ofMinutes(5), s.revocationCache());
    }
}
