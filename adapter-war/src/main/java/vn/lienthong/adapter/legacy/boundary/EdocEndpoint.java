package vn.lienthong.adapter.legacy.boundary;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;

import jakarta.ejb.EJBException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import vn.lienthong.adapter.audit.control.AuditLog;
import vn.lienthong.adapter.configuration.AdapterSettings;
import vn.lienthong.adapter.vocabulary.Rejection;
import vn.lienthong.adapter.legacy.control.LegacyCodes;
import vn.lienthong.adapter.legacy.control.LegacyDirectory;
import vn.lienthong.adapter.legacy.control.LegacyExchange;
import vn.lienthong.adapter.legacy.control.LegacyExchange.StatusUpdate;
import vn.lienthong.adapter.legacy.control.LegacyFault;
import vn.lienthong.adapter.legacy.control.LegacyRecall;
import vn.lienthong.adapter.legacy.control.LegacySubmissions;
import vn.lienthong.adapter.legacy.control.LegacyTokens;
import vn.lienthong.adapter.security.control.OrganisationAuthority;
import vn.lienthong.adapter.security.control.OrganisationAuthority.Named;
import vn.lienthong.adapter.security.entity.CallerIdentity;
import vn.lienthong.mappings.edoc.EdocMappings;
import vn.lienthong.mappings.edoc.LegacyDates;
import vn.lienthong.mappings.edoc.MappedMessage;

/**
 * The old e-doc.vn SOAP endpoint (spec legacy-edoc-soap.md), below JAX-WS: the SOAP servlet hands it the
 * raw HTTP exchange for {@code /services/EdocService}. It dispatches on the SOAPAction header alone, reads the
 * request as a bounded stream (size, part count and part size refused while streaming, before parsing), parses
 * the envelope without DTDs, authenticates OrganId + Token, checks with {@link OrganisationAuthority} every
 * organisation the request names (the token's own, From, Status/From) before anything is read or stored, and
 * answers in the hub's Report forms. Every request leaves an audit entry; refusals store nothing.
 */
@ApplicationScoped
public class EdocEndpoint {

    static final Set<String> ACTIONS = Set.of("SendDocument", "GetPendingDocumentIds", "GetDocument",
            "ConfirmReceived", "UpdateTraces", "GetTraces", "CheckPermission", "GetOrganizations");
    /** QCVN 102 status 13: the original sender asks to take the document back (edxml-qcvn102.md §7.2, §8). */
    private static final String TAKE_BACK = "13";

    @Inject
    AdapterSettings settings;
    @Inject
    LegacyTokens tokens;
    @Inject
    LegacyExchange exchange;
    @Inject
    LegacyDirectory directory;
    @Inject
    AuditLog audit;
    @Inject
    OrganisationAuthority authority;

    private final EdocMappings mappings = EdocMappings.v1();
    private final LegacyReplies replies = new LegacyReplies(mappings);
    private final LegacyFaultTranslation faults = new LegacyFaultTranslation(mappings);

    /** GET ?wsdl / ?xsd=…: the published contract; POST: an operation. */
    public void handle(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        if ("GET".equals(req.getMethod())) {
            if (!LegacyContract.serve(req, resp)) {
                refusedAtHttp(req, "SYS.NOT_FOUND");
                resp.sendError(HttpServletResponse.SC_NOT_FOUND);
            }
            return;
        }
        if (!"POST".equals(req.getMethod())) {
            refusedAtHttp(req, "SYS.METHOD_NOT_ALLOWED");
            resp.sendError(HttpServletResponse.SC_METHOD_NOT_ALLOWED);
            return;
        }
        LegacyCall x = new LegacyCall(action(req));
        x.clientAddress = req.getRemoteAddr();
        ReplySender.send(resp, guarded(x, () -> process(req, x)));
    }

    /** One operation on an already read request (what {@link #handle} does after the HTTP layer; tests use it). */
    LegacyReply answer(String action, LegacyEnvelope envelope, SwaMessage message) {
        LegacyCall x = new LegacyCall(action);
        return guarded(x, () -> {
            if (!ACTIONS.contains(x.action)) {
                throw new LegacyFault(LegacyCodes.UNKNOWN_ACTION, "Unknown SOAPAction; expected one of " + ACTIONS);
            }
            x.replies = replies.inVersionOf(envelope.soapNs());
            return dispatch(x, envelope, message).soap12(x.replies.soap12());
        });
    }

    private interface Operation {
        LegacyReply run() throws IOException;
    }

    /** Runs the operation; every refusal becomes the hub's Report, and either way the request is audited. */
    private LegacyReply guarded(LegacyCall x, Operation operation) {
        x.replies = replies; // SOAP 1.1 until the envelope says otherwise
        try {
            LegacyReply reply = operation.run();
            audit.record(x.actor(), "LEGACY_" + x.auditAction(), x.organId, "ACCEPTED", null, x.detail);
            return reply;
        } catch (LegacyFault f) {
            return refuse(x, f);
        } catch (EJBException e) {
            return refuse(x, faults.unwrap(e, x.scope));
        } catch (RuntimeException | IOException e) {
            return refuse(x, faults.internal(e, x.scope));
        }
    }

    private LegacyReply process(HttpServletRequest req, LegacyCall x) throws IOException {
        if (!ACTIONS.contains(x.action)) {
            throw new LegacyFault(LegacyCodes.UNKNOWN_ACTION, "Unknown SOAPAction; expected one of " + ACTIONS);
        }
        long max = settings.legacyMaxMessageBytes();
        if (req.getContentLengthLong() > max) { // refused before a single byte of the body is read
            throw new LegacyFault(LegacyCodes.MESSAGE_TOO_LARGE, "The request is larger than " + max + " bytes");
        }
        Path spool = Files.createTempDirectory(spoolRoot(), "req-");
        SwaReader reader = new SwaReader(settings.legacyMaxEnvelopeBytes(), settings.maxAttachmentBytes(),
                settings.maxAttachments());
        InputStream body = new BoundedInputStream(req.getInputStream(), max, LegacyCodes.MESSAGE_TOO_LARGE);
        try (SwaMessage message = reader.read(req.getContentType(), body, spool)) {
            LegacyEnvelope envelope = LegacyEnvelope.of(SafeXml.parse(message.envelope()));
            x.replies = replies.inVersionOf(envelope.soapNs());
            return dispatch(x, envelope, message).soap12(x.replies.soap12());
        } finally {
            Files.deleteIfExists(spool);
        }
    }

    private LegacyReply dispatch(LegacyCall x, LegacyEnvelope env, SwaMessage message) {
        switch (x.action) {
            case "SendDocument": {
                CallerIdentity caller = authenticate(x, env.keyInfo(), LegacyCodes.CHECK_SIGNATURE);
                MappedMessage mapped = mappings.mapSendDocument(env.header());
                x.detail = "mapping=" + mapped.mapping() + "; parts=" + message.parts().size()
                        + "; traceOrganIds=" + mapped.traceOrganIds() + "; businessType=" + mapped.businessType();
                if (mapped.businessType() == 1) {
                    // A recall re-issues the stored original (RecallDispatcher): parts sent along are not used.
                    LegacyRecall recall = LegacySubmissions.toRecall(mapped);
                    authorise(x, caller, OrganisationAuthority.named("MessageHeader/From/OrganId", recall.fromOrganId()));
                    return recall(x, caller, recall);
                }
                var submission = LegacySubmissions.toSubmission(mapped, env.manifest(), message.parts());
                authorise(x, caller, OrganisationAuthority.named("MessageHeader/From/OrganId", submission.fromOrganId()));
                long id = exchange.send(caller, submission);
                x.detail = x.detail + "; documentId=" + submission.documentId() + "; number=" + id;
                return LegacyReply.of(x.replies.sendDocumentAccepted(id));
            }
            case "GetPendingDocumentIds":
                authenticate(x, env.bodyCredentials(), LegacyCodes.CHECK_PERMISSION);
                return LegacyReply.of(x.replies.pendingDocumentIds(exchange.pending(x.organId)));
            case "GetDocument": {
                authenticate(x, env.bodyCredentials(), LegacyCodes.CHECK_PERMISSION);
                var document = exchange.open(x.organId, number(env, x));
                return new LegacyReply(x.replies.document(document), document.files());
            }
            case "ConfirmReceived":
                authenticate(x, env.bodyCredentials(), LegacyCodes.CHECK_PERMISSION);
                exchange.confirm(x.organId, number(env, x));
                return LegacyReply.of(x.replies.report("ConfirmReceivedResponse", List.of()));
            case "UpdateTraces": {
                CallerIdentity caller = authenticate(x, env.keyInfo(), LegacyCodes.CHECK_SIGNATURE);
                var update = StatusReader.read(env);
                if (update.fromOrganId() == null) {
                    throw new LegacyFault("N.Status.From.OrganId", "Status/From/OrganId is required");
                }
                authorise(x, caller, OrganisationAuthority.named("Status/From/OrganId", update.fromOrganId()));
                x.detail = "status " + update.statusCode() + " for " + update.documentId();
                if (TAKE_BACK.equals(mappings.statusToQcvn(update.statusCode()).orElse(null))) {
                    return takeBack(x, caller, update);
                }
                exchange.updateTrace(update.fromOrganId(), update);
                return LegacyReply.of(x.replies.report("UpdateTracesResponse", List.of()));
            }
            case "GetTraces": {
                authenticate(x, env.bodyCredentials(), LegacyCodes.CHECK_PERMISSION);
                String since = env.bodyValue("TimeStamp");
                var from = since == null ? null : LegacyDates.dateTime(since).orElseThrow(() ->
                        new LegacyFault("T.GetTraces.TimeStamp", "TimeStamp must be yyyy/MM/dd HH:mm:ss"));
                return LegacyReply.of(x.replies.traces(exchange.traces(x.organId, from)));
            }
            case "CheckPermission":
                authenticate(x, env.checkPermissionHeader(), LegacyCodes.CHECK_PERMISSION);
                return LegacyReply.of(x.replies.report("CheckPermissionResponse", List.of()));
            case "GetOrganizations":
                authenticate(x, env.bodyCredentials(), LegacyCodes.CHECK_PERMISSION);
                return LegacyReply.of(x.replies.organisations(directory.organisations()));
            default:
                throw new LegacyFault(LegacyCodes.UNKNOWN_ACTION, "Unknown SOAPAction");
        }
    }

    /** SendDocument with business type 1: RecallService, answered as an accepted SendDocument. */
    private LegacyReply recall(LegacyCall x, CallerIdentity caller, LegacyRecall recall) {
        x.scope = recall.scope();
        var done = exchange.recall(caller, recall);
        x.detail = x.detail + "; recall of " + done.documentId() + ": " + done.outcome() + "; number=" + done.number();
        // The hub answered every accepted SendDocument with a numeric id: a recall names the original's.
        return LegacyReply.of(x.replies.sendDocumentAccepted(done.number()));
    }

    /** UpdateTraces with status 13 from the original sender: the same RecallService path. */
    private LegacyReply takeBack(LegacyCall x, CallerIdentity caller, StatusUpdate takeBack) {
        x.scope = LegacyRecall.BY_TAKE_BACK;
        var done = exchange.takeBack(caller, takeBack);
        x.detail = x.detail + "; take-back of " + done.documentId() + ": " + done.outcome();
        return LegacyReply.of(x.replies.report("UpdateTracesResponse", List.of()));
    }

    private CallerIdentity authenticate(LegacyCall x, LegacyEnvelope.Credentials c, String missingCode) {
        x.organId = c.organId();
        if (!c.complete()) {
            throw new LegacyFault(missingCode, "OrganId or Token is required");
        }
        if (tokens.locked(c.organId(), x.clientAddress)) {
            throw new LegacyFault(LegacyCodes.LOCKED, "Too many failed logins; try again later");
        }
        CallerIdentity caller = tokens.authenticate(c.organId(), c.token(), x.clientAddress)
                .orElseThrow(() -> new LegacyFault(LegacyCodes.PERMISSION,
                        "The organization does not have permission to connect"))
                .from(x.clientAddress);
        x.caller = caller;
        // The token's own organisation too: a token whose grant exceeds its grantor's authority works for nothing.
        authorise(x, caller, OrganisationAuthority.named("OrganId", c.organId()));
        return caller;
    }

    /** The one authorisation rule; a refusal is the hub's Report with {@value OrganisationAuthority#CODE}. */
    private void authorise(LegacyCall x, CallerIdentity caller, Named... organisations) {
        try {
            authority.require(caller, x.action, organisations);
        } catch (Rejection r) {
            throw new LegacyFault(r.code(), r.getMessage());
        } catch (EJBException e) {
            if (e.getCause() instanceof Rejection r) {
                throw new LegacyFault(r.code(), r.getMessage());
            }
            throw e;
        }
    }

    private static long number(LegacyEnvelope env, LegacyCall x) {
        String id = env.bodyValue("DocumentId");
        if (id == null) {
            throw new LegacyFault("N.DocumentId", "DocumentId is required");
        }
        try {
            x.detail = "number=" + id;
            return Long.parseLong(id);
        } catch (NumberFormatException e) {
            throw new LegacyFault(LegacyCodes.DOCUMENT_ID, "DocumentId must be the numeric id from GetPendingDocumentIds");
        }
    }

    private LegacyReply refuse(LegacyCall x, LegacyFault f) {
        audit.record(x.actor(), "LEGACY_" + x.auditAction(), x.organId, "REFUSED", f.code(),
                f.errors().get(0).description() + (x.detail == null ? "" : " [" + x.detail + "]"));
        // GetDocument and unknown actions carry the Report directly in the Body (spec §5.1, §12).
        boolean bare = "GetDocument".equals(x.action) || !ACTIONS.contains(x.action);
        return LegacyReply.of(x.replies.report(bare ? null : x.action + "Response", f.errors()))
                .soap12(x.replies.soap12());
    }

    private Path spoolRoot() throws IOException {
        Path root = settings.dataDir().resolve("tmp").resolve("legacy");
        Files.createDirectories(root);
        return root;
    }

    /** SOAPAction (quoted or not), or the action parameter of a SOAP 1.2 content type. */
    static String action(HttpServletRequest req) {
        String a = req.getHeader("SOAPAction");
        if (a == null && req.getContentType() != null) {
            a = SwaReader.parameters(req.getContentType()).get("action");
        }
        if (a == null) {
            return "";
        }
        a = a.trim();
        if (a.length() >= 2 && a.startsWith("\"") && a.endsWith("\"")) {
            a = a.substring(1, a.length() - 1).trim();
        }
        return a;
    }

    /** A request refused before any operation (the error page answers it with {@code code}): audited too. */
    private void refusedAtHttp(HttpServletRequest req, String code) {
        String query = req.getQueryString() == null ? "" : "?" + req.getQueryString();
        String detail = (req.getMethod() + " EdocService" + query).replaceAll("\\p{Cntrl}", " ");
        audit.record("legacy-anonymous", "LEGACY_REQUEST", null, "REFUSED", code, "client=" + req.getRemoteAddr() + " "
                + (detail.length() > 200 ? detail.substring(0, 200) : detail));
    }
}
