package vn.lienthong.adapter.legacy.control;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

import vn.lienthong.adapter.configuration.AdapterSettings;
import vn.lienthong.adapter.recall.control.RecallService;
import vn.lienthong.adapter.intake.control.SubmissionService;
import vn.lienthong.adapter.vocabulary.Submission;
import vn.lienthong.adapter.legacy.entity.LegacyNumber;
import vn.lienthong.adapter.platform.time.VietnamTime;
import vn.lienthong.adapter.reception.control.Inbox;
import vn.lienthong.adapter.reception.control.StatusReporting;
import vn.lienthong.adapter.reception.entity.InboxItem;
import vn.lienthong.adapter.security.entity.CallerIdentity;
import vn.lienthong.adapter.tracking.control.DocumentQuery;
import vn.lienthong.adapter.tracking.entity.Document;
import vn.lienthong.adapter.tracking.entity.StatusEvent;
import vn.lienthong.edxml.model.TraceHeaderList;
import vn.lienthong.edxml.read.AttachmentSink;
import vn.lienthong.edxml.read.EdxmlReader;
import vn.lienthong.mappings.edoc.EdocMappings;

/**
 * The old protocol's operations on the adapter's store, each in one transaction: submit (through the same
 * {@link SubmissionService} as the WS face), the inbox of received documents, statuses both ways. Callers are
 * already authenticated; every method here acts only on the caller's organisation's rows.
 */
@Stateless
public class LegacyExchange {

    @PersistenceContext(unitName = "lienthong")
    EntityManager em;
    @Inject
    SubmissionService submissions;
    @Inject
    RecallService recalls;
    @Inject
    DocumentQuery documents;
    @Inject
    Inbox inbox;
    @Inject
    StatusReporting statuses;
    @Inject
    LegacyNumbers numbers;
    @Inject
    AdapterSettings settings;

    /**
     * SendDocument: a new document (M.Exist for one already sent, spec §12 — business type 0 only), an update or a
     * replacement, answered with its numeric id. An update keeps the DocumentId of what it updates, so the stored
     * row is found by the content key the mapping gave it, not by DocumentId.
     */
    public long send(CallerIdentity caller, Submission s) {
        // The stored row itself (new, or the first answer to a repeated update): no second look-up. For a new
        // document (no client message id, no change) the submission's own repeat check is the very query that
        // decides M.Exist (Document.BY_SENDER_AND_DOCUMENT_ID), so it is asked once, by accept (issue 11); a repeat
        // stores nothing there, and the fault rolls back the transaction as before.
        var accepted = submissions.accept(caller, s);
        if (!accepted.created() && s.change() == null && s.hasDocumentIdParts()) {
            throw new LegacyFault("M.Exist", "Document " + s.documentId() + " was already sent");
        }
        String documentRef = accepted.document().getId();
        return accepted.created() ? numbers.issue(s.fromOrganId(), documentRef)
                : numbers.forDocument(s.fromOrganId(), documentRef);
    }

    /**
     * SendDocument with business type 1, or UpdateTraces with status 13: the one recall path of the adapter
     * (local cancel while the outbox has not taken the document, else status 13 + a type-1 package). Repeating it
     * is harmless: RecallService answers the outcome already decided.
     */
    public LegacyRecallOutcome recall(CallerIdentity caller, LegacyRecall r) {
        if (r.fromOrganId() == null) {
            throw new LegacyFault(LegacyRecall.BY_TAKE_BACK.equals(r.scope()) ? "N.Status.From.OrganId"
                    : "N.MessageHeader.From.OrganId", "The recalling organisation is required");
        }
        // The first name under which this sender has a document; else the first name, for RecallService to refuse.
        String target = r.targetCandidates().stream()
                .filter(id -> documents.outgoing(r.fromOrganId(), id).isPresent()).findFirst()
                .orElse(r.namedTarget());
        var outcome = recalls.recall(caller, r.fromOrganId(), target, r.reason());
        Document original = documents.outgoing(r.fromOrganId(), target).orElseThrow();
        return new LegacyRecallOutcome(outcome, target, numbers.forDocument(r.fromOrganId(), original.getId()));
    }

    /**
     * UpdateTraces with status 13 (spec §6.5, QCVN 102 §7.2): the roles are reversed — From is the original sender,
     * ResponseFor/OrganId the recipient. Only the original sender may ask to take a document back: a recipient
     * sending 13 about a document it received is refused instead of relaying a 13 that would mean nothing.
     */
    public LegacyRecallOutcome takeBack(CallerIdentity caller, StatusUpdate u) {
        if (u.documentId() == null) {
            throw new LegacyFault("N.Status.ResponseFor.DocumentId", "Status/ResponseFor/DocumentId is required");
        }
        var sent = documents.outgoing(u.fromOrganId(), u.documentId());
        if (sent.isEmpty()) {
            boolean receivedByCaller = u.originalSender() != null && documents.incoming(u.originalSender(), u.documentId())
                    .filter(d -> d.getRecipients().stream().anyMatch(r -> r.getOrganId().equals(u.fromOrganId())))
                    .isPresent();
            if (receivedByCaller) {
                throw new LegacyFault(LegacyCodes.TAKE_BACK_NOT_SENDER, "Status 13 (take-back) may only come from the"
                        + " original sender of " + u.documentId() + "; a recipient answers with 15 or 16");
            }
        } else if (u.originalSender() != null && sent.get().getRecipients().stream()
                .noneMatch(r -> r.getOrganId().equals(u.originalSender()))) {
            throw new LegacyFault(LegacyCodes.TAKE_BACK_RECIPIENT, "Document " + u.documentId() + " was not sent to "
                    + u.originalSender());
        }
        return recall(caller, new LegacyRecall(LegacyRecall.BY_TAKE_BACK, u.fromOrganId(), List.of(u.documentId()),
                u.description()));
    }

    /** GetPendingDocumentIds: received documents not yet confirmed. */
    public List<Long> pending(String organId) {
        List<Long> ids = new ArrayList<>();
        for (InboxItem item : inbox.pending(organId, InboxItem.Kind.DOCUMENT)) {
            ids.add(numbers.forInboxItem(organId, item.getDocument().getId(), item.getId()));
        }
        return ids;
    }

    /** GetDocument: rebuilt from the stored package; only for the organisation it was addressed to. */
    public LegacyDocument open(String organId, long number) {
        InboxItem item = item(organId, number);
        Document d = item.getDocument();
        try {
            var read = new EdxmlReader().read(settings.dataDir().resolve(d.getPackagePath()), AttachmentSink.discard());
            if (read.document() == null) {
                throw new LegacyFault("M.GetDocument", "The stored document cannot be read");
            }
            List<LegacyDocument.File> files = new ArrayList<>();
            for (var a : d.getAttachments()) {
                files.add(new LegacyDocument.File("att" + (files.size() + 1) + "-" + number, a.getName(),
                        a.getDescription(), a.getContentType(), settings.dataDir().resolve(a.getStoragePath())));
            }
            TraceHeaderList traces = read.document().traceHeaderList();
            return new LegacyDocument(read.document().header(),
                    traces == null ? new TraceHeaderList(null, List.of()) : traces, files);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * ConfirmReceived: takes the document off the pending list. Status 01 went to the sender already when the
     * document arrived (InboundStore, Decision 28/2018), so it is not sent a second time here.
     */
    public void confirm(String organId, long number) {
        InboxItem item = item(organId, number);
        inbox.confirm(organId, item.getId());
    }

    /** UpdateTraces: a status about a received document, sent back to its sender through the axis. */
    public void updateTrace(String reporterOrganId, StatusUpdate u) {
        String code = EdocMappings.v1().statusToQcvn(u.statusCode()).orElseThrow(() ->
                new LegacyFault("M.Status.StatusCode", "Unknown status code " + u.statusCode()));
        Document received = receivedFor(reporterOrganId, u);
        // The hub refused a status already reported for the document, except 5 (processing), which repeats.
        if (!"05".equals(code) && !em.createQuery("SELECT e.id FROM StatusEvent e WHERE e.document = :d"
                        + " AND e.organId = :o AND e.statusCode = :c", String.class)
                .setParameter("d", received).setParameter("o", reporterOrganId).setParameter("c", code)
                .setMaxResults(1).getResultList().isEmpty()) {
            throw new LegacyFault("M.UpdateTrace", "Status " + u.statusCode() + " was already reported for this document");
        }
        try {
            statuses.report(received, reporterOrganId, code, u.description(), u.staff());
        } catch (vn.lienthong.adapter.vocabulary.Rejection r) {
            throw new LegacyFault(LegacyCodes.UPDATE_TRACES, r.getMessage());
        }
    }

    /**
     * GetTraces. Without {@code since}: the statuses not yet delivered to this client, marked delivered in this
     * same transaction (consume-once, spec §6.6). With {@code since}: every status since then, nothing consumed.
     */
    public List<LegacyTrace> traces(String organId, LocalDateTime since) {
        List<LegacyTrace> out = new ArrayList<>();
        if (since == null) {
            for (InboxItem item : inbox.pending(organId, InboxItem.Kind.STATUS)) {
                StatusEvent e = inbox.statusOf(item);
                if (e != null) {
                    out.add(trace(e));
                }
                inbox.confirm(organId, item.getId());
            }
            return out;
        }
        OffsetDateTime from = since.atZone(VietnamTime.ZONE).toOffsetDateTime();
        for (StatusEvent e : em.createQuery("SELECT e FROM StatusEvent e WHERE e.document.direction = :out"
                        + " AND e.document.senderOrganId = :organ AND e.recordedAt >= :since ORDER BY e.recordedAt",
                        StatusEvent.class)
                .setParameter("out", Document.Direction.OUT).setParameter("organ", organId)
                .setParameter("since", from).getResultList()) {
            out.add(trace(e));
        }
        return out;
    }

    private LegacyTrace trace(StatusEvent e) {
        Document d = e.getDocument();
        String code = d.getCodeNumber() == null ? d.getCodeNotation()
                : d.getCodeNotation() == null ? d.getCodeNumber() : d.getCodeNumber() + "/" + d.getCodeNotation();
        String legacyCode = EdocMappings.v1().statusToLegacy(e.getStatusCode()).orElse(e.getStatusCode());
        return new LegacyTrace(e.getOrganId(), null, d.getSenderOrganId(), code, d.getPromulgationDate(),
                d.getDocumentId(), e.getStaff(), legacyCode, e.getDescription(),
                e.getOccurredAt().atZoneSameInstant(VietnamTime.ZONE).toLocalDateTime());
    }

    private Document receivedFor(String reporterOrganId, StatusUpdate u) {
        Document d = null;
        if (u.documentId() != null && u.originalSender() != null) {
            d = documents.incoming(u.originalSender(), u.documentId()).orElse(null);
        }
        if (d == null || d.getRecipients().stream().noneMatch(r -> r.getOrganId().equals(reporterOrganId))) {
            throw new LegacyFault(LegacyCodes.UPDATE_TRACES,
                    "No received document " + u.documentId() + " from " + u.originalSender() + " for " + reporterOrganId);
        }
        return d;
    }

    private InboxItem item(String organId, long number) {
        LegacyNumber n = numbers.find(organId, number);
        if (n == null || n.getInboxItemRef() == null) {
            throw new LegacyFault(LegacyCodes.DOCUMENT_ID, "No document " + number + " for " + organId);
        }
        return inbox.open(organId, n.getInboxItemRef());
    }

    /** The UpdateTraces Status body, as read by the boundary. */
    public record StatusUpdate(String fromOrganId, String originalSender, String documentId, String statusCode,
            String description, String staff) {
    }
}
