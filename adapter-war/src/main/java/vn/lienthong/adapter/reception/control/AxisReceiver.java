package vn.lienthong.adapter.reception.control;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.util.ArrayList;
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
 * and checks it, files it, and only then acknowledges it. A package already filed (an ACK that was lost, a duplicate
 * delivery) is acknowledged again and never processed twice.
 *
 * <p>Filing costs one transaction per batch of up to {@value #BATCH} packages fetched in a row (issue 11: a document
 * brings five statuses back, and one commit each was most of what receiving cost). Packages are still acknowledged
 * only after the transaction that filed them committed. If a batch cannot be filed as a whole, each of its packages
 * is filed in a transaction of its own, as before, so one bad package never holds back the others.
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class AxisReceiver {

    private static final Logger LOG = Logger.getLogger(AxisReceiver.class.getName());
    /** Most packages filed in one transaction. */
    static final int BATCH = 25;

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
                List<InboundStore.Prepared> batch = new ArrayList<>();
                for (ReceivedItem item : axis.pending(type)) {
                    try {
                        InboundStore.Prepared prepared = fetch(type, item.docId(), acknowledged);
                        if (prepared != null) {
                            batch.add(prepared);
                        }
                    } catch (AxisException e) {
                        // Left on the axis: the next round tries again.
                        LOG.warning(() -> "Could not fetch " + item.docId() + " from the axis: " + e.getMessage());
                    }
                    if (batch.size() >= BATCH) {
                        filed += fileAndAcknowledge(batch, acknowledged);
                        batch.clear();
                    }
                }
                filed += fileAndAcknowledge(batch, acknowledged);
            }
        } finally {
            acknowledged.record();
        }
        return filed;
    }

    /** One package by its axis id (fetched, filed in its own transaction, acknowledged); true when stored. */
    boolean receive(MessageType type, String axisDocId) throws AxisException {
        Acknowledged acknowledged = new Acknowledged();
        try {
            InboundStore.Prepared prepared = fetch(type, axisDocId, acknowledged);
            return prepared != null && fileAndAcknowledge(List.of(prepared), acknowledged) == 1;
        } finally {
            acknowledged.record();
        }
    }

    /** Fetches, reads and checks one package; null when it was filed before (then acknowledged again at once). */
    private InboundStore.Prepared fetch(MessageType type, String axisDocId, Acknowledged acknowledged)
            throws AxisException {
        var known = store.known(type.wireValue(), axisDocId);
        if (known.isPresent()) {
            acknowledge(axisDocId, known.get(), acknowledged);
            return null;
        }
        Path dir = settings.inboundDir();
        Path file = dir.resolve(UUID.randomUUID() + ".edxml");
        try {
            Files.createDirectories(dir);
            axis.fetch(axisDocId, file);
        } catch (IOException e) {
            throw new IllegalStateException("Cannot write to " + dir, e);
        }
        return prepare(type, axisDocId, file);
    }

    /** Files the batch (one transaction, else one each) and acknowledges each package; returns how many were stored. */
    private int fileAndAcknowledge(List<InboundStore.Prepared> batch, Acknowledged acknowledged)
            throws AxisException {
        if (batch.isEmpty()) {
            return 0;
        }
        List<ReceivedPackage> filed = null;
        if (batch.size() > 1) {
            try {
                filed = store.fileAll(batch);
            } catch (RuntimeException e) {
                LOG.log(Level.WARNING, "Filing " + batch.size() + " packages together failed; filing them one by one", e);
            }
        }
        if (filed == null) {
            filed = new ArrayList<>();
            for (InboundStore.Prepared p : batch) {
                filed.add(fileOne(p));
            }
        }
        int stored = 0;
        for (int i = 0; i < batch.size(); i++) {
            acknowledge(batch.get(i).fetched().axisDocId(), filed.get(i), acknowledged);
            stored += ReceivedPackage.Outcome.STORED.name().equals(filed.get(i).getOutcome()) ? 1 : 0;
        }
        return stored;
    }

    private ReceivedPackage fileOne(InboundStore.Prepared p) {
        try {
            return store.file(p);
        } catch (RuntimeException e) {
            InboundStore.Fetched f = p.fetched();
            LOG.log(Level.WARNING, "Refusing package " + f.axisDocId(), e);
            return store.refuse(new InboundStore.Fetched(f.axisDocId(), f.messageType(), f.file(), f.sha256(),
                    f.size(), null), e.getClass().getSimpleName() + ": " + e.getMessage());
        }
    }

    /** Reads and checks a fetched package (no transaction): what to file, or why it is refused. */
    private InboundStore.Prepared prepare(MessageType type, String axisDocId, Path file) {
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
                return InboundStore.Prepared.refusal(fetched, read.errors().isEmpty() ? "unreadable package"
                        : read.errors().get(0).code() + " " + read.errors().get(0).message());
            }
            if (type == MessageType.STATUS || read.status() != null) {
                return read.status() == null ? InboundStore.Prepared.refusal(fetched, "a status was expected")
                        : InboundStore.Prepared.status(fetched, read.status());
            }
            return InboundStore.Prepared.document(fetched, read.document(), read.attachments(), sink.files(),
                    sink.sha256());
        } catch (IOException | RuntimeException e) {
            LOG.log(Level.WARNING, "Refusing package " + axisDocId, e);
            return InboundStore.Prepared.refusal(new InboundStore.Fetched(axisDocId, type.wireValue(), file, sha256,
                    size, null), e.getClass().getSimpleName() + ": " + e.getMessage());
        }
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
