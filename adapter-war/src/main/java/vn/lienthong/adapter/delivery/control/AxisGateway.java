package vn.lienthong.adapter.delivery.control;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Consumer;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import vn.lienthong.adapter.configuration.AdapterSettings;
import vn.lienthong.axis.client.AckStatus;
import vn.lienthong.axis.client.Agency;
import vn.lienthong.axis.client.AgencyQd20;
import vn.lienthong.axis.client.AxisClient;
import vn.lienthong.axis.client.AxisClientConfig;
import vn.lienthong.axis.client.AxisException;
import vn.lienthong.axis.client.MessageType;
import vn.lienthong.axis.client.ReceivedItem;
import vn.lienthong.axis.client.SentItem;

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

    /** Sends a status package; the axis routes it by its ResponseFor organisation. */
    public String sendStatus(String from, List<String> to, Path packageFile) throws AxisException {
        return client().sendEdoc(from, to, MessageType.STATUS, packageFile).docId();
    }

    /** Packages of the given kind waiting for this system. */
    public List<ReceivedItem> pending(MessageType type) throws AxisException {
        return client().getReceivedEdocList(type);
    }

    /** Streams one package to {@code target}. */
    public void fetch(String axisDocId, Path target) throws AxisException {
        client().getEdoc(axisDocId, target);
    }

    /** Transport acknowledgement: DONE once stored, FAIL when the package cannot be processed. */
    public void acknowledge(String axisDocId, AckStatus status) throws AxisException {
        client().updateStatus(axisDocId, status);
    }

    public long agencies(Consumer<Agency> sink) throws AxisException {
        return client().getAgenciesList(sink);
    }

    public long agenciesQd20(Consumer<AgencyQd20> sink) throws AxisException {
        return client().getAgenciesListQD20("1", sink);
    }

    /**
     * The outbox breaker's probe: the cheapest signed call there is (a count, a few bytes), so it tests network,
     * server and our credentials without sending anything.
     */
    public void probe() throws AxisException {
        client().countReceiveEdoc();
    }

    /** What this system has sent (one row per recipient); used to settle sends whose answer was lost. */
    public List<SentItem> sent(MessageType type) throws AxisException {
        return client().getSentEdocList(type);
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
