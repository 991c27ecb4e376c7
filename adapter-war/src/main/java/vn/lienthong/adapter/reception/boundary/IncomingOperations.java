package vn.lienthong.adapter.reception.boundary;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.util.List;

import javax.xml.datatype.DatatypeFactory;
import javax.xml.datatype.XMLGregorianCalendar;

import vn.lienthong.adapter.configuration.AdapterSettings;
import vn.lienthong.adapter.directory.control.Directory;
import vn.lienthong.adapter.vocabulary.Rejection;
import vn.lienthong.adapter.platform.io.Sha256;
import vn.lienthong.adapter.platform.time.VietnamTime;
import vn.lienthong.adapter.reception.control.Inbox;
import vn.lienthong.adapter.reception.control.StatusReporting;
import vn.lienthong.adapter.reception.entity.InboxItem;
import vn.lienthong.adapter.signatures.boundary.SignatureElements;
import vn.lienthong.adapter.signatures.control.SignatureRecords;
import vn.lienthong.adapter.signatures.entity.SignatureView;
import vn.lienthong.adapter.tracking.control.DocumentQuery;
import vn.lienthong.adapter.tracking.entity.Document;
import vn.lienthong.adapter.tracking.entity.DocumentDetails;
import vn.lienthong.adapter.tracking.entity.StatusEvent;
import vn.lienthong.adapter.tracking.entity.StoredAttachment;
import vn.lienthong.ws.exchange.v1.AcknowledgeIncomingResponse;
import vn.lienthong.ws.exchange.v1.AttachmentData;
import vn.lienthong.ws.exchange.v1.GetDocumentHistoryResponse;
import vn.lienthong.ws.exchange.v1.GetIncomingDocumentResponse;
import vn.lienthong.ws.exchange.v1.HistoryEvent;
import vn.lienthong.ws.exchange.v1.InboxEntry;
import vn.lienthong.ws.exchange.v1.InboxKind;
import vn.lienthong.ws.exchange.v1.ListIncomingResponse;
import vn.lienthong.ws.exchange.v1.ListOrganisationsResponse;
import vn.lienthong.ws.exchange.v1.OrganisationEntry;
import vn.lienthong.ws.exchange.v1.ReportStatusResponse;

/**
 * The incoming side of the secured service: inbox, status reports, history, directory — mapped between the
 * service's types and the store. Authorization (may the caller act for the organisation?) is done by the
 * endpoint before any of these is called.
 */
public class IncomingOperations {

    private final Inbox inbox;
    private final StatusReporting statuses;
    private final DocumentQuery documents;
    private final Directory directory;
    private final AdapterSettings settings;
    private final SignatureRecords signatures;

    public IncomingOperations(Inbox inbox, StatusReporting statuses, DocumentQuery documents, Directory directory,
            AdapterSettings settings) {
        this(inbox, statuses, documents, directory, settings, null);
    }

    /** @param signatures document-signature verdicts for GetIncomingDocument and the history (issue 14); null: none */
    public IncomingOperations(Inbox inbox, StatusReporting statuses, DocumentQuery documents, Directory directory,
            AdapterSettings settings, SignatureRecords signatures) {
        this.signatures = signatures;
        this.inbox = inbox;
        this.statuses = statuses;
        this.documents = documents;
        this.directory = directory;
        this.settings = settings;
    }

    public ListIncomingResponse list(String organId, InboxKind kind) {
        ListIncomingResponse r = new ListIncomingResponse();
        for (InboxItem i : inbox.pending(organId, InboxItem.Kind.valueOf(kind.value()))) {
            r.getItem().add(entry(i));
        }
        return r;
    }

    public GetIncomingDocumentResponse get(String organId, String itemId) {
        return get(organId, itemId, false);
    }

    /**
     * @param asParts the answer carries files as MTOM parts streamed from disk (the request came as MTOM): any size;
     *        otherwise files are inline base64 in a signed DOM envelope, bounded like a request's envelope
     */
    public GetIncomingDocumentResponse get(String organId, String itemId, boolean asParts) {
        InboxItem item = inbox.open(organId, itemId);
        Document d = item.getDocument();
        GetIncomingDocumentResponse r = new GetIncomingDocumentResponse();
        r.setEntry(entry(item));
        r.setCodeNumber(d.getCodeNumber());
        r.setCodeNotation(d.getCodeNotation());
        r.setPromulgationDate(date(d.getPromulgationDate()));
        r.setPriority(d.getPriority());
        DocumentDetails x = d.getDetails();
        if (x != null) {
            r.setFromOrganName(x.getFromOrganName());
            r.setPromulgationPlace(x.getPromulgationPlace());
            r.setDocumentType(x.getDocumentType());
            r.setDocumentTypeName(x.getDocumentTypeName());
            r.setContent(x.getContentSummary());
            r.setSignerCompetence(x.getSignerCompetence());
            r.setSignerPosition(x.getSignerPosition());
            r.setSignerFullName(x.getSignerFullName());
            r.setDueDate(date(x.getDueDate()));
            r.setSphereOfPromulgation(x.getSphereOfPromulgation());
        }
        r.setPackageSha256(d.getPackageSha256());
        if (item.getKind() == InboxItem.Kind.DOCUMENT) {
            for (StoredAttachment a : d.getAttachments()) {
                // Inline answers are base64 inside a signed (DOM) envelope: bounded like a request's envelope. MTOM
                // answers stream each file from disk as a part, its sha256 in the signed Body: no bound needed.
                if (!asParts && a.getSizeBytes() > settings.maxInlineAttachmentBytes()) {
                    throw new Rejection("R.attachment", "attachment", "Attachment " + a.getName()
                            + " is larger than this service returns inline; request it with MTOM to receive it"
                            + " as a part");
                }
                AttachmentData data = new AttachmentData();
                data.setName(a.getName());
                data.setContentType(a.getContentType());
                data.setDescription(a.getDescription());
                java.nio.file.Path file = settings.dataDir().resolve(a.getStoragePath());
                if (!Files.isReadable(file)) {
                    throw new UncheckedIOException(new IOException("Attachment file missing: " + a.getStoragePath()));
                }
                // Streamed from disk when the answer is written, never read here as a byte array.
                data.setContent(new jakarta.activation.DataHandler(new jakarta.activation.FileDataSource(file.toFile())));
                data.setSha256(sha256(a, file));
                r.getAttachment().add(data);
            }
            signaturesOf(d).ifPresent(v -> r.setSignatures(SignatureElements.of(v)));
        }
        return r;
    }

    public AcknowledgeIncomingResponse acknowledge(String organId, String itemId) {
        InboxItem item = inbox.confirm(organId, itemId);
        AcknowledgeIncomingResponse r = new AcknowledgeIncomingResponse();
        r.setItemId(item.getId());
        r.setState(item.getState().name());
        return r;
    }

    public ReportStatusResponse report(String organId, String senderOrganId, String documentId, String code,
            String description, String staff) {
        Document status = statuses.reportFor(organId, senderOrganId, documentId, code, description, staff);
        ReportStatusResponse r = new ReportStatusResponse();
        r.setState(status.getState().name());
        r.setReportedAt(VietnamTime.iso(status.getCreatedAt()));
        return r;
    }

    public GetDocumentHistoryResponse history(String organId, String senderOrganId, String documentId) {
        Document d = (organId.equals(senderOrganId) ? documents.outgoing(senderOrganId, documentId)
                : documents.incoming(senderOrganId, documentId)
                        .filter(doc -> doc.getRecipients().stream().anyMatch(r -> r.getOrganId().equals(organId))))
                .orElseThrow(() -> new Rejection("M.documentId", "documentId",
                        "No document " + documentId + " of " + senderOrganId + " concerns " + organId));
        GetDocumentHistoryResponse r = new GetDocumentHistoryResponse();
        r.setDocumentId(d.getDocumentId());
        for (DocumentQuery.HistoryEntry e : documents.history(d)) {
            HistoryEvent h = new HistoryEvent();
            h.setAt(VietnamTime.iso(e.at()));
            h.setKind(e.kind());
            h.setOrganId(e.organId());
            h.setCode(e.code());
            h.setDetail(e.detail());
            r.getEvent().add(h);
        }
        signaturesOf(d).ifPresent(v -> {
            r.setSignatures(SignatureElements.of(v));
            if (!v.pending()) {
                // Also as an event, so a client that prints the events shows the signer and the verdict.
                HistoryEvent h = new HistoryEvent();
                h.setAt(VietnamTime.iso(v.document().getVerifiedAt()));
                h.setKind("SIGNATURES");
                h.setOrganId(v.document().getOrganId());
                h.setCode(v.document().getVerdict().name());
                h.setDetail(v.summary());
                r.getEvent().add(h);
            }
        });
        return r;
    }

    /**
     * The file's SHA-256, which binds an MTOM part to the answer's signed Body: recorded when the file was stored;
     * files received before it was recorded for incoming attachments get it computed here (one streaming pass).
     */
    private static String sha256(StoredAttachment a, java.nio.file.Path file) {
        if (a.getSha256() != null && !a.getSha256().isBlank()) {
            return a.getSha256();
        }
        try {
            return Sha256.of(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private java.util.Optional<SignatureView> signaturesOf(Document d) {
        return signatures == null ? java.util.Optional.empty() : signatures.find(d.getId());
    }

    public ListOrganisationsResponse organisations(String search, Integer max) {
        ListOrganisationsResponse r = new ListOrganisationsResponse();
        int limit = max == null || max <= 0 ? 100 : Math.min(max, 1000);
        directory.search(search, limit).forEach(o -> {
            OrganisationEntry e = new OrganisationEntry();
            e.setCode(o.getCode());
            e.setOtherCode(o.getOldCode());
            e.setName(o.getName());
            e.setScheme("AXIS_QD20".equals(o.getSource()) ? "QD20" : "QCVN102");
            r.getOrganisation().add(e);
        });
        return r;
    }

    private InboxEntry entry(InboxItem i) {
        Document d = i.getDocument();
        InboxEntry e = new InboxEntry();
        e.setItemId(i.getId());
        e.setKind(InboxKind.fromValue(i.getKind().name()));
        e.setDocumentId(d.getDocumentId());
        e.setFromOrganId(d.getSenderOrganId());
        e.setSubject(d.getSubject());
        e.setBusinessType(d.getBusinessType());
        e.setAt(VietnamTime.iso(i.getCreatedAt()));
        if (i.getKind() == InboxItem.Kind.STATUS) {
            StatusEvent s = inbox.statusOf(i);
            if (s != null) {
                e.setStatusCode(s.getStatusCode());
                e.setStatusOrganId(s.getOrganId());
                e.setDescription(s.getDescription());
                e.setAt(VietnamTime.iso(s.getOccurredAt()));
            }
        }
        return e;
    }

    private static XMLGregorianCalendar date(java.time.LocalDate p) {
        if (p == null) {
            return null;
        }
        return DatatypeFactory.newDefaultInstance().newXMLGregorianCalendarDate(p.getYear(), p.getMonthValue(),
                p.getDayOfMonth(), javax.xml.datatype.DatatypeConstants.FIELD_UNDEFINED);
    }

}
