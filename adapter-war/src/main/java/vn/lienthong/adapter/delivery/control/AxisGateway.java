package vn.lienthong.adapter.delivery.control;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import vn.lienthong.adapter.configuration.AdapterSettings;
import vn.lienthong.axis.client.AxisClient;
import vn.lienthong.axis.client.AxisClientConfig;
import vn.lienthong.axis.client.AxisException;
import vn.lienthong.axis.client.MessageType;

/**
 * The adapter's one connection to the national axis. The HMAC secret comes from configuration
 * ({@value AdapterSettings#AXIS_SECRET}) or, in demo mode, from {@code axis-secret} in the data folder, which the
 * launcher writes for the local simulator.
 */
@ApplicationScoped
public class AxisGateway {

    @Inject
    AdapterSettings settings;

    private AxisClient client;

    public String sendDocument(String from, List<String> to, Path packageFile) throws AxisException {
        return client().sendEdoc(from, to, MessageType.EDOC, packageFile).docId();
    }

    private synchronized AxisClient client() {
        if (client == null) {
            String secret = settings.axisSecret().orElseGet(this::demoSecret);
            client = AxisClient.create(new AxisClientConfig(settings.axisEndpoint(), settings.axisSystemId(), secret,
                    settings.axisConnectTimeout(), settings.axisReadTimeout()));
        }
        return client;
    }

    private String demoSecret() {
        Path file = settings.dataDir().resolve("axis-secret");
        try {
            return Files.readString(file).trim();
        } catch (java.io.IOException e) {
            throw new IllegalStateException("No axis secret configured (" + AdapterSettings.AXIS_SECRET
                    + ") and no demo secret file " + file);
        }
    }

    @PreDestroy
    synchronized void close() {
        if (client != null) {
            client.close();
        }
    }
}
