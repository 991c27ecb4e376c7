package vn.lienthong.adapter.recall.control;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

import vn.lienthong.adapter.configuration.AdapterSettings;
import vn.lienthong.adapter.packaging.control.PackageBuilder;
import vn.lienthong.adapter.platform.time.VietnamTime;
import vn.lienthong.adapter.reception.control.StatusReporting;
import vn.lienthong.adapter.tracking.control.AttachmentStorage;
import vn.lienthong.adapter.tracking.entity.Document;
import vn.lienthong.adapter.tracking.entity.Recipient;
import vn.lienthong.edxml.model.BusinessType;
import vn.lienthong.edxml.model.Bussiness;
import vn.lienthong.edxml.model.DocumentPackage;
import vn.lienthong.edxml.model.Organization;
import vn.lienthong.edxml.model.ResponseFor;
import vn.lienthong.edxml.model.StatusPackage;
import vn.lienthong.edxml.model.TraceHeader;
import vn.lienthong.edxml.model.TraceHeaderList;
import vn.lienthong.edxml.read.AttachmentSink;
import vn.lienthong.edxml.read.EdxmlReader;
import vn.lienthong.edxml.read.ReadResult;
import vn.lienthong.edxml.read.ReceivedAttachment;

/**
 * Sends queued recalls once their document is on the axis: a take-back status 13 to every recipient and a
 * business-type-1 recall package (the original document with the recall reason), both through the outbox.
 * Several nodes may run this at once: a conditional UPDATE lets exactly one of them dispatch each recall.
 */
@Stateless
public class RecallDispatcher {

    @PersistenceContext(unitName = "lienthong")
    EntityManager em;
    @Inject
    PackageBuilder packages;
    @Inject
    AttachmentStorage storage;
    @Inject
    AdapterSettings settings;
    @Inject
    StatusReporting statuses;

    @SuppressWarnings("unchecked")
    public List<String> due() {
        return em.createNativeQuery("SELECT id FROM document WHERE recall_state = 'REQUESTED' AND state = 'SENT'")
                .setMaxResults(20).getResultList();
    }

    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public boolean dispatch(String documentKey) {
        int won = em.createNativeQuery("UPDATE document SET recall_state = 'SENT', version = version + 1"
                        + " WHERE id = ?1 AND recall_state = 'REQUESTED' AND state = 'SENT'")
                .setParameter(1, documentKey).executeUpdate();
        if (won != 1) {
            return false;
        }
        Document original = em.find(Document.class, documentKey);
        em.refresh(original);
        var now = VietnamTime.now();
        for (Recipient r : original.getRecipients()) {
            takeBack(original, r.getOrganId(), now);
        }
        em.persist(recallPackage(original, now));
        return true;
    }

    private void takeBack(Document original, String recipient, java.time.OffsetDateTime now) {
        StatusPackage pkg = new StatusPackage(Organization.of(original.getSenderOrganId(), null),
                new ResponseFor(recipient, code(original), original.getDocumentId(), original.getPromulgationDate()),
                null, "13", original.getRecallReason(), LocalDateTime.now(VietnamTime.ZONE).withNano(0));
        statuses.queue(pkg, original.getDocumentId(), recipient, now).relatesTo(original.getId());
    }

    /** The original package re-issued as business type 1, with the reason and our new TraceHeader. */
    private Document recallPackage(Document original, java.time.OffsetDateTime now) {
        Path work = settings.dataDir().resolve("work").resolve("recall-" + original.getId());
        try {
            AttachmentSink.DirectorySink sink = AttachmentSink.toDirectory(work);
            ReadResult read = new EdxmlReader().read(settings.dataDir().resolve(original.getPackagePath()), sink);
            if (read.document() == null) {
                throw new IllegalStateException("The original package cannot be read back: " + read.errors());
            }
            DocumentPackage source = read.document();
            DocumentPackage recall = new DocumentPackage(source.header(), new TraceHeaderList(
                    new Bussiness(original.getDocumentId(), BusinessType.RECALL, original.getRecallReason(), 0,
                            List.of(), List.of(), List.of()),
                    List.of(new TraceHeader(original.getSenderOrganId(),
                            LocalDateTime.now(VietnamTime.ZONE).withNano(0)))));
            List<PackageBuilder.PackedFile> files = new ArrayList<>();
            Map<Integer, Path> stored = sink.files();
            for (ReceivedAttachment a : read.attachments()) {
                files.add(new PackageBuilder.PackedFile(stored.get(a.index()), a.fileName(),
                        a.manifest() == null ? null : a.manifest().description(), null));
            }
            Document d = Document.outgoing(original.getDocumentId(), original.getSenderOrganId(), now);
            // A recall is urgent whatever the document was: it should overtake normal traffic in the outbox.
            d.describe(original.getCodeNumber(), original.getCodeNotation(), original.getSubject(),
                    Math.max(original.getPriority(), 1), BusinessType.RECALL.code(), original.getPromulgationDate());
            d.keyedBy("OUT|EDOC|" + original.getSenderOrganId() + "|" + original.getDocumentId() + "|1");
            d.relatesTo(original.getId());
            original.getRecipients().forEach(r -> d.addRecipient(new Recipient(r.getOrganId(), r.getOrganName())));
            var built = packages.buildDocument(d.getId(), recall, files);
            storage.removeOnRollback(storage.resolve(built.relativePath()));
            d.packaged(built.relativePath(), built.sha256(), now);
            return d;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot build the recall package", e);
        } finally {
            deleteQuietly(work);
        }
    }

    private static String code(Document d) {
        return d.getCodeNumber() == null ? d.getCodeNotation() : d.getCodeNumber() + "/" + d.getCodeNotation();
    }

    private static void deleteQuietly(Path dir) {
        try (var files = Files.walk(dir)) {
            files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            // temporary copies only
        }
    }
}
