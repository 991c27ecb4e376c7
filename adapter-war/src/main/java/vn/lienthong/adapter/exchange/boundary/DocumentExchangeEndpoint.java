package vn.lienthong.adapter.exchange.boundary;

import java.time.LocalDate;
import java.util.List;
import java.util.function.Supplier;
import java.util.logging.Level;
import java.util.logging.Logger;

import javax.xml.datatype.XMLGregorianCalendar;

import jakarta.activation.DataHandler;
import jakarta.ejb.EJBException;

import vn.lienthong.adapter.audit.control.AuditLog;
import vn.lienthong.adapter.recall.control.RecallService;
import vn.lienthong.adapter.intake.control.SubmissionService;
import vn.lienthong.adapter.intake.entity.Receipt;
import vn.lienthong.adapter.vocabulary.Rejection;
import vn.lienthong.adapter.vocabulary.Submission;
import vn.lienthong.adapter.platform.time.VietnamTime;
import vn.lienthong.adapter.reception.boundary.IncomingOperations;
import vn.lienthong.adapter.security.entity.CallerIdentity;
import vn.lienthong.adapter.signatures.boundary.SignatureElements;
import vn.lienthong.adapter.signatures.control.SignatureRecords;
import vn.lienthong.adapter.tracking.control.DocumentQuery;
import vn.lienthong.adapter.tracking.entity.Document;
import vn.lienthong.ws.exchange.v1.AcknowledgeIncoming;
import vn.lienthong.ws.exchange.v1.AttachmentData;
import vn.lienthong.ws.exchange.v1.AcknowledgeIncomingResponse;
import vn.lienthong.ws.exchange.v1.BusinessChange;
import vn.lienthong.ws.exchange.v1.DocumentExchangePort;
import vn.lienthong.ws.exchange.v1.GetDocumentHistory;
import vn.lienthong.ws.exchange.v1.GetDocumentHistoryResponse;
import vn.lienthong.ws.exchange.v1.GetIncomingDocument;
import vn.lienthong.ws.exchange.v1.GetIncomingDocumentResponse;
import vn.lienthong.ws.exchange.v1.ListIncoming;
import vn.lienthong.ws.exchange.v1.ListIncomingResponse;
import vn.lienthong.ws.exchange.v1.ListOrganisations;
import vn.lienthong.ws.exchange.v1.ListOrganisationsResponse;
import vn.lienthong.ws.exchange.v1.RecallDocument;
import vn.lienthong.ws.exchange.v1.RecallDocumentResponse;
import vn.lienthong.ws.exchange.v1.ReportStatus;
import vn.lienthong.ws.exchange.v1.ReportStatusResponse;
import vn.lienthong.ws.exchange.v1.ExchangeFault;
import vn.lienthong.ws.exchange.v1.ExchangeFaultDetail;
import vn.lienthong.ws.exchange.v1.GetDocumentStatus;
import vn.lienthong.ws.exchange.v1.GetDocumentStatusResponse;
import vn.lienthong.ws.exchange.v1.OutgoingDocument;
import vn.lienthong.ws.exchange.v1.RecipientStatus;
import vn.lienthong.ws.exchange.v1.SubmitDocument;
import vn.lienthong.ws.exchange.v1.SubmitDocumentResponse;

/**
 * The secured document exchange service. Deliberately not annotated with {@code @WebService}: the platform layer
 * publishes it through CXF (see {@code AdapterCxfServlet}); an annotated class would also be deployed, unsecured,
 * by the server's Metro runtime.
 */
public class DocumentExchangeEndpoint implements DocumentExchangePort {

    private static final Logger LOG = Logger.getLogger(DocumentExchangeEndpoint.class.getName());

    private final SubmissionService submissions;
    private final DocumentQuery documents;
    private final AuditLog audit;
    private final Supplier<CallerIdentity> caller;
    private final java.util.function.BooleanSupplier answersAsParts;
    private final IncomingOperations incoming;
    private final RecallService recalls;
    private final SignatureRecords signatures;

    public DocumentExchangeEndpoint(SubmissionService submissions, DocumentQuery documents, AuditLog audit,
            IncomingOperations incoming, RecallService recalls, Supplier<CallerIdentity> caller) {
        this(submissions, documents, audit, incoming, recalls, null, caller);
    }

    /** @param signatures the document-signature verdicts shown in GetDocumentStatus (issue 14); null: none */
    public DocumentExchangeEndpoint(SubmissionService submissions, DocumentQuery documents, AuditLog audit,
            IncomingOperations incoming, RecallService recalls, SignatureRecords signatures,
            Supplier<CallerIdentity> caller) {
        this(submissions, documents, audit, incoming, recalls, signatures, caller, () -> false);
    }

    /**
     * @param answersAsParts whether the answer being written carries files as MTOM parts (the request came as
     *        MTOM): then GetIncomingDocument returns files of any size, else only what fits an inline envelope
     */
    public DocumentExchangeEndpoint(SubmissionService submissions, DocumentQuery documents, AuditLog audit,
            IncomingOperations incoming, RecallService recalls, SignatureRecords signatures,
            Supplier<CallerIdentity> caller, java.util.function.BooleanSupplier answersAsParts) {
        this.answersAsParts = answersAsParts;
        this.signatures = signatures;
        this.recalls = recalls;
        this.submissions = submissions;
        this.documents = documents;
        this.audit = audit;
        this.incoming = incoming;
        this.caller = caller;
    }

    @Override
    public RecallDocumentResponse recallDocument(RecallDocument request) throws ExchangeFault {
        CallerIdentity who = caller.get();
        return forOrganisation("RECALL", "RecallDocument", "fromOrganId", request.getFromOrganId(), () -> {
            RecallDocumentResponse r = new RecallDocumentResponse();
            r.setDocumentId(required("documentId", request.getDocumentId()));
            r.setOutcome(recalls.recall(who, request.getFromOrganId(), request.getDocumentId(),
                    request.getReason()).name());
            return r;
        });
    }

    @Override
    public ListIncomingResponse listIncoming(ListIncoming request) throws ExchangeFault {
        return forOrganisation("LIST_INCOMING", "ListIncoming", "organId", request.getOrganId(),
                () -> incoming.list(request.getOrganId(), required("kind", request.getKind())));
    }

    @Override
    public GetIncomingDocumentResponse getIncomingDocument(GetIncomingDocument request) throws ExchangeFault {
        return forOrganisation("GET_INCOMING", "GetIncomingDocument", "organId", request.getOrganId(),
                () -> incoming.get(request.getOrganId(), required("itemId", request.getItemId()),
                        answersAsParts.getAsBoolean()));
    }

    @Override
    public AcknowledgeIncomingResponse acknowledgeIncoming(AcknowledgeIncoming request) throws ExchangeFault {
        return forOrganisation("ACK_INCOMING", "AcknowledgeIncoming", "organId", request.getOrganId(),
                () -> incoming.acknowledge(request.getOrganId(), required("itemId", request.getItemId())));
    }

    @Override
    public ReportStatusResponse reportStatus(ReportStatus request) throws ExchangeFault {
        return forOrganisation("REPORT_STATUS", "ReportStatus", "organId", request.getOrganId(),
                () -> incoming.report(request.getOrganId(),
                required("senderOrganId", request.getSenderOrganId()),
                required("documentId", request.getDocumentId()), required("statusCode", request.getStatusCode()),
                request.getDescription(), request.getStaff()));
    }

    @Override
    public GetDocumentHistoryResponse getDocumentHistory(GetDocumentHistory request) throws ExchangeFault {
        return forOrganisation("HISTORY", "GetDocumentHistory", "organId", request.getOrganId(),
                () -> incoming.history(request.getOrganId(),
                required("senderOrganId", request.getSenderOrganId()),
                required("documentId", request.getDocumentId())));
    }

    @Override
    public ListOrganisationsResponse listOrganisations(ListOrganisations request) throws ExchangeFault {
        CallerIdentity who = caller.get();
        try {
            submissions.authorize(who, "ListOrganisations", null, null); // names no organisation
            return incoming.organisations(request.getSearch(), request.getMax());
        } catch (Rejection r) {
            throw refused(who, "ORGANISATIONS", null, r);
        } catch (RuntimeException e) {
            throw failed(who, "ORGANISATIONS", null, e);
        }
    }

    /**
     * Checks the caller may act for {@code organId} (named by request field {@code field}) before anything is read
     * or stored, then runs {@code work}; refusals become faults.
     */
    private <T> T forOrganisation(String action, String operation, String field, String organId, Supplier<T> work)
            throws ExchangeFault {
        CallerIdentity who = caller.get();
        try {
            submissions.authorize(who, operation, field, required(field, organId));
            return work.get();
        } catch (Rejection r) {
            throw refused(who, action, organId, r);
        } catch (RuntimeException e) {
            throw failed(who, action, organId, e);
        }
    }

    private static <V> V required(String field, V value) {
        if (value == null || (value instanceof String text && text.isBlank())) {
            throw Rejection.missing(field);
        }
        return value;
    }

    @Override
    public SubmitDocumentResponse submitDocument(SubmitDocument request) throws ExchangeFault {
        CallerIdentity who = caller.get();
        OutgoingDocument doc = request.getDocument();
        String organ = doc == null ? null : doc.getFromOrganId();
        try {
            if (doc == null) {
                throw Rejection.missing("document");
            }
            // Checked before anything is converted or stored (and again by SubmissionService, for every face).
            submissions.authorize(who, "SubmitDocument", "document/fromOrganId", organ);
            Submission submission = toSubmission(request.getClientMessageId(), doc);
            Receipt receipt;
            try {
                receipt = submissions.submit(who, submission);
            } catch (RuntimeException e) {
                if (!UniqueKeyViolation.in(e)) {
                    throw e;
                }
                // The same document was stored by a concurrent request a moment ago: this one is a repeat and
                // gets the first answer, which the retry now finds.
                receipt = submissions.submit(who, submission);
            }
            SubmitDocumentResponse response = new SubmitDocumentResponse();
            response.setDocumentId(receipt.documentId());
            response.setState(receipt.state());
            response.setAcceptedAt(receipt.acceptedAt());
            return response;
        } catch (Rejection r) {
            throw refused(who, "SUBMIT", organ, r);
        } catch (RuntimeException e) {
            throw failed(who, "SUBMIT", organ, e);
        }
    }

    @Override
    public GetDocumentStatusResponse getDocumentStatus(GetDocumentStatus request) throws ExchangeFault {
        CallerIdentity who = caller.get();
        try {
            if (request.getFromOrganId() == null || request.getFromOrganId().isBlank()) {
                throw Rejection.missing("fromOrganId");
            }
            if (request.getDocumentId() == null || request.getDocumentId().isBlank()) {
                throw Rejection.missing("documentId");
            }
            submissions.authorize(who, "GetDocumentStatus", "fromOrganId", request.getFromOrganId());
            Document d = documents.outgoing(request.getFromOrganId(), request.getDocumentId())
                    .orElseThrow(() -> new Rejection("M.documentId", "documentId",
                            "No document with this id was sent by " + request.getFromOrganId()));
            GetDocumentStatusResponse status = toStatus(d);
            if (signatures != null) {
                signatures.find(d.getId()).ifPresent(v -> status.setSignatures(SignatureElements.of(v)));
            }
            return status;
        } catch (Rejection r) {
            throw refused(who, "STATUS", request.getFromOrganId(), r);
        } catch (RuntimeException e) {
            throw failed(who, "STATUS", request.getFromOrganId(), e);
        }
    }

    private static GetDocumentStatusResponse toStatus(Document d) {
        GetDocumentStatusResponse r = new GetDocumentStatusResponse();
        r.setDocumentId(d.getDocumentId());
        r.setState(d.getState().name());
        r.setAxisDocId(d.getAxisDocId());
        r.setPackageSha256(d.getPackageSha256());
        r.setAttempts(d.getAttempts());
        r.setLastError(d.getLastError());
        d.getRecipients().forEach(rec -> {
            RecipientStatus s = new RecipientStatus();
            s.setOrganId(rec.getOrganId());
            s.setStatusCode(rec.getStatusCode());
            s.setDescription(rec.getStatusDescription());
            s.setUpdatedAt(VietnamTime.iso(rec.getStatusAt()));
            r.getRecipient().add(s);
        });
        return r;
    }

    private static Submission toSubmission(String clientMessageId, OutgoingDocument d) {
        List<Submission.Addressee> to = d.getRecipient().stream()
                .map(r -> new Submission.Addressee(r.getOrganId(), r.getOrganName())).toList();
        List<Submission.IncomingAttachment> files = d.getAttachment().stream()
                .map(DocumentExchangeEndpoint::attachment)
                .toList();
        return new Submission(clientMessageId, d.getFromOrganId(), d.getFromOrganName(), to, d.getCodeNumber(),
                d.getCodeNotation(), d.getPromulgationPlace(), date(d.getPromulgationDate()), d.getDocumentType(),
                d.getDocumentTypeName(), d.getSubject(), d.getContent(), d.getSignerCompetence(),
                d.getSignerPosition(), d.getSignerFullName(), date(d.getDueDate()), d.getPriority(),
                d.getSphereOfPromulgation(), Boolean.TRUE.equals(d.isStateSecret()), files, change(d.getBusiness()));
    }

    /**
     * The attachment as a stream: inline content (in memory already) or an MTOM part CXF spooled to disk, read once
     * when it is stored, never as a whole byte array. A declared SHA-256 is checked while it is stored.
     */
    private static Submission.IncomingAttachment attachment(AttachmentData a) {
        DataHandler content = a.getContent();
        if (content == null) {
            return Submission.IncomingAttachment.ofBytes(a.getName(), a.getContentType(), a.getDescription(), null);
        }
        String sha256 = a.getSha256() == null || a.getSha256().isBlank() ? null : a.getSha256().trim();
        return Submission.IncomingAttachment.ofStream(a.getName(), a.getContentType(), a.getDescription(),
                content::getInputStream, sha256);
    }

    private static Submission.Change change(BusinessChange b) {
        if (b == null) {
            return null;
        }
        return new Submission.Change(b.getType(), b.getTargetDocumentId(), b.getReason(),
                Boolean.TRUE.equals(b.isContentChanged()),
                b.getReceiverChange().stream()
                        .map(r -> new Submission.ReceiverChange(r.getOrganId(), r.isAdded())).toList(),
                b.getReplaces().stream()
                        .map(r -> new Submission.Replaced(r.getDocumentId(), List.copyOf(r.getOrganId()))).toList());
    }

    private static LocalDate date(XMLGregorianCalendar c) {
        return c == null ? null : LocalDate.of(c.getYear(), c.getMonth(), c.getDay());
    }

    private ExchangeFault refused(CallerIdentity who, String action, String organ, Rejection r) {
        audit.record(who == null ? null : who.username(), action, organ, "REFUSED", r.code(), r.getMessage());
        return fault(r.code(), r.field(), r.getMessage());
    }

    private ExchangeFault failed(CallerIdentity who, String action, String organ, RuntimeException e) {
        Throwable cause = e instanceof EJBException && e.getCause() != null ? e.getCause() : e;
        if (cause instanceof Rejection r) {
            return refused(who, action, organ, r);
        }
        // The client gets a stable code and no internals; the log keeps the detail for the operator.
        LOG.log(Level.SEVERE, "Unexpected failure in " + action, cause);
        audit.record(who == null ? null : who.username(), action, organ, "FAILED", "SYS.INTERNAL",
                cause.getClass().getSimpleName());
        return fault("SYS.INTERNAL", null, "The adapter could not process the request; nothing was stored. "
                + "Try again later or contact the operator.");
    }

    private static ExchangeFault fault(String code, String field, String message) {
        ExchangeFaultDetail detail = new ExchangeFaultDetail();
        detail.setCode(code);
        detail.setField(field);
        detail.setMessage(message);
        return new ExchangeFault(code + ": " + message, detail);
    }
}
