package vn.lienthong.adapter.reception.control;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.logging.Level;
import java.util.logging.Logger;

import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;

import vn.lienthong.adapter.configuration.AdapterSettings;
import vn.lienthong.adapter.delivery.control.AxisGateway;
import vn.lienthong.adapter.platform.io.Sha256;
import vn.lienthong.adapter.platform.time.VietnamTime;
import vn.lienthong.adapter.security.control.KeyMaterial;
import vn.lienthong.adapter.reception.entity.ReceivedPackage;
import vn.lienthong.axis.client.AckStatus;
import vn.lienthong.axis.client.AxisException;
import vn.lienthong.axis.client.MessageType;
import vn.lienthong.axis.client.ReceivedItem;
import vn.lienthong.edxml.read.AttachmentSink;
import vn.lienthong.edxml.read.EdxmlReader;
import vn.lienthong.edxml.read.ReadResult;
import vn.lienthong.edxml.sign.PackageVerifier;
import vn.lienthong.edxml.sign.VerificationResult;

/**
 * The receive loop's one round: lists what the axis holds for us, fetches each package to disk (streamed), reads
 * and checks it, files it in one transaction, and only then acknowledges it. A package already filed (an ACK that
 * was lost, a duplicate delivery) is acknowledged again and never processed twice.
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class AxisReceiver {

    private static final Logger LOG = Logger.getLogger(AxisReceiver.class.getName());

    @Inject
    AxisGateway axis;
    @Inject
    InboundStore store;
    @Inject
    AdapterSettings settings;
    @Inject
    KeyMaterial keys;

    /** One round over documents and statuses; returns how many packages were filed. */
    public int poll() throws AxisException {
        int filed = 0;
        Acknowledged acknowledged = new Acknowledged();
        try {
            for (MessageType type : List.of(MessageType.EDOC, MessageType.STATUS)) {
                for (ReceivedItem item : axis.pending(type)) {
                    try {
                        filed += receive(type, item.docId(), acknowledged) ? 1 : 0;
                    } catch (AxisException e) {
                        // Left on the axis: the next round tries again.
                        LOG.warning(() -> "Could not fetch " + item.docId() + " from the axis: " + e.getMessage());
                    }
                }
            }
        } finally {
            acknowledged.record();
        }
        return filed;
    }

    /**
     * When the axis confirmed our acknowledgements: recorded for a batch of packages in one transaction instead of
     * one each (evidence only; a package filed but never marked is simply acknowledged again if the axis offers it
     * again, as after a crash between the acknowledgement and its record).
     */
    private final class Acknowledged {
        private static final int BATCH = 50;
        private final Map<String, OffsetDateTime> pending = new LinkedHashMap<>();

        void add(String receivedId) {
            pending.put(receivedId, VietnamTime.now());
            if (pending.size() >= BATCH) {
                record();
            }
        }

        void record() {
            if (!pending.isEmpty()) {
                store.acknowledged(pending);
                pending.clear();
            }
        }
    }

    boolean receive(MessageType type, String axisDocId) throws AxisException {
        Acknowledged acknowledged = new Acknowledged();
        try {
            return receive(type, axisDocId, acknowledged);
        } finally {
            acknowledged.record();
        }
    }

    private boolean receive(MessageType type, String axisDocId, Acknowledged acknowledged) throws AxisException {
        var known = store.known(type.wireValue(), axisDocId);
        if (known.isPresent()) {
            acknowledge(axisDocId, known.get(), acknowledged);
            return false;
        }
        Path dir = settings.inboundDir();
        Path file = dir.resolve(UUID.randomUUID() + ".edxml");
        try {
            Files.createDirectories(dir);
            axis.fetch(axisDocId, file);
        } catch (IOException e) {
            throw new IllegalStateException("Cannot write to " + dir, e);
        }
        ReceivedPackage filed = file(type, axisDocId, file);
        acknowledge(axisDocId, filed, acknowledged);
        return ReceivedPackage.Outcome.STORED.name().equals(filed.getOutcome());
    }

    private ReceivedPackage file(MessageType type, String axisDocId, Path file) {
        long size;
        String sha256;
        try {
            size = Files.size(file);
            sha256 = Sha256.of(file);
        } catch (IOException e) {
            throw new IllegalStateException("Cannot read " + file, e);
        }
        Path attachments = settings.attachmentsDir().resolve("in-" + UUID.randomUUID());
        try {
            AttachmentSink.DirectorySink sink = AttachmentSink.toDirectory(attachments);
            ReadResult read = new EdxmlReader().read(file, sink);
            String signature = verify(file).status().name();
            var fetched = new InboundStore.Fetched(axisDocId, type.wireValue(), file, sha256, size, signature);
            if (read.hasErrors() || (read.document() == null && read.status() == null)) {
                return store.refuse(fetched, read.errors().isEmpty() ? "unreadable package"
                        : read.errors().get(0).code() + " " + read.errors().get(0).message());
            }
            if (type == MessageType.STATUS || read.status() != null) {
                return read.status() == null ? store.refuse(fetched, "a status was expected")
                        : store.storeStatus(fetched, read.status());
            }
            return store.storeDocument(fetched, read.document(), read.attachments(), sink.files());
        } catch (IOException | RuntimeException e) {
            LOG.log(Level.WARNING, "Refusing package " + axisDocId, e);
            return store.refuse(new InboundStore.Fetched(axisDocId, type.wireValue(), file, sha256, size, null),
                    e.getClass().getSimpleName() + ": " + e.getMessage());
        }
    }

    private void acknowledge(String axisDocId, ReceivedPackage filed, Acknowledged acknowledged)
            throws AxisException {
        AckStatus ack = ReceivedPackage.Outcome.REFUSED.name().equals(filed.getOutcome()) ? AckStatus.FAIL
                : AckStatus.DONE;
        axis.acknowledge(axisDocId, ack);
        acknowledged.add(filed.getId());
    }

    // The certificate is checked at our clock, i.e. at reception (not at a time the package claims): the same
    // policy as edxml-cli verify; the outcome is stored with the package.
    private VerificationResult verify(Path file) throws IOException {
        return new PackageVerifier(keys.trustAnchors()).verify(file);
    }

}
