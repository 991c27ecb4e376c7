package vn.lienthong.axis.client;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.ServerSocket;
import java.net.URI;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class AxisClientTransportTest {

    @Test
    void refusedConnectionIsARetryableTransportFailure() throws Exception {
        int freePort;
        try (ServerSocket socket = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            freePort = socket.getLocalPort();
        }
        AxisClientConfig config = new AxisClientConfig(URI.create("http://127.0.0.1:" + freePort + "/"), "sys",
                "secret", Duration.ofSeconds(1), Duration.ofSeconds(1));
        try (AxisClient client = AxisClient.create(config)) {
            AxisTransportException e = assertThrows(AxisTransportException.class, client::countReceiveEdoc);
            assertTrue(e.isRetryable());
            assertTrue(e.getMessage().startsWith("countReceiveEdoc"), e.getMessage());
        }
    }
}
