package vn.lienthong.axis.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

class AxisClientConfigTest {

    @Test
    void toStringHidesTheSecret() {
        AxisClientConfig config = new AxisClientConfig(URI.create("http://127.0.0.1:1/vxp"), "sys",
                "very-secret-value", null, null);
        assertFalse(config.toString().contains("very-secret-value"));
        assertTrue(config.toString().contains("sys"));
    }

    @Test
    void endpointGetsATrailingSlashSoOperationsResolveBelowIt() {
        AxisClientConfig config = new AxisClientConfig(URI.create("http://127.0.0.1:1/vxp"), "sys", "s", null, null);
        assertEquals(URI.create("http://127.0.0.1:1/vxp/getEdoc"), config.endpoint().resolve("getEdoc"));
    }

    @Test
    void readsFromAnyKeyValueSource() {
        Map<String, String> source = Map.of("axis.endpoint", "http://127.0.0.1:9/", "axis.system-id", "sys",
                "axis.secret", "s", "axis.read-timeout", "PT5S", "axis.connect-timeout", "3");
        AxisClientConfig config = AxisClientConfig.fromSource(source::get);
        assertEquals(Duration.ofSeconds(5), config.readTimeout());
        assertEquals(Duration.ofSeconds(3), config.connectTimeout());
    }
}
