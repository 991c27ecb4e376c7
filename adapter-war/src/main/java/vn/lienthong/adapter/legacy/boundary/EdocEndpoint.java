package vn.lienthong.adapter.legacy.boundary;

import java.io.IOException;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

import jakarta.annotation.PostConstruct;
import jakarta.ejb.EJBException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import vn.lienthong.adapter.audit.control.AuditLog;
import vn.lienthong.adapter.configuration.AdapterSettings;
import vn.lienthong.adapter.legacy.control.LegacyCodes;
import vn.lienthong.adapter.legacy.control.LegacyFault;
import vn.lienthong.mappings.edoc.EdocMappings;

/**
 * The old e-doc.vn SOAP endpoint (spec legacy-edoc-soap.md), below JAX-WS: the SOAP servlet hands it the raw HTTP
 * exchange for {@code /services/EdocService}. A thin dispatcher: it picks the {@link LegacyAction} named by the
 * SOAPAction header alone, has {@link LegacyRequestReader} read the request (limits enforced while streaming) and
 * {@link SafeXml}/{@link LegacyEnvelope} parse the envelope, runs the action, and answers through
 * {@link ReplySender}. Every request leaves one audit entry; every refusal is the hub's Report with a stable code
 * ({@link LegacyFaultTranslation}), never a stack trace; each action runs in one transaction with its accepted
 * audit entry ({@link LegacyUnitOfWork}), so refusals store nothing.
 */
@ApplicationScoped
public class EdocEndpoint {

    /** The contract's operations (EdocLegacy.wsdl); each needs exactly one {@link LegacyAction}. */
    static final Set<String> ACTIONS = Set.of("SendDocument", "GetPendingDocumentIds", "GetDocument",
            "ConfirmReceived", "UpdateTraces", "GetTraces", "CheckPermission", "GetOrganizations");

    @Inject
    AdapterSettings settings;
    @Inject
    AuditLog audit;
    @Inject
    @Any
    Instance<LegacyAction> discovered;
    @Inject
    LegacyUnitOfWork unitOfWork;

    private final EdocMappings mappings = EdocMappings.v1();
    private final LegacyReplies replies = new LegacyReplies(mappings);
    private final LegacyFaultTranslation faults = new LegacyFaultTranslation(mappings);
    private Map<String, LegacyAction> actions;

    @PostConstruct
    void indexActions() {
        actions = byName(discovered);
    }

    /** The dispatch table, built once; a missing, extra or doubled handler stops the deployment. */
    static Map<String, LegacyAction> byName(Iterable<? extends LegacyAction> handlers) {
        Map<String, LegacyAction> byName = new TreeMap<>();
        for (LegacyAction a : handlers) {
            if (byName.put(a.name(), a) != null) {
                throw new IllegalStateException("Two handlers for SOAPAction " + a.name());
            }
        }
        if (!byName.keySet().equals(new TreeSet<>(ACTIONS))) {
            throw new IllegalStateException("Old-protocol handlers " + byName.keySet() + " differ from " + ACTIONS);
        }
        return Map.copyOf(byName);
    }

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
        LegacyCall call = new LegacyCall(LegacyRequestReader.action(req), req.getRemoteAddr(), replies);
        ReplySender.send(resp, guarded(call, () -> {
            LegacyAction action = actionOf(call); // an unknown action is refused before the body is read
            try (SwaMessage message = new LegacyRequestReader(settings).read(req)) {
                // The body is read before the transaction begins: no connection is held while a client uploads.
                return unitOfWork.handle(action, call.received(LegacyEnvelope.of(SafeXml.parse(message.envelope())),
                        message));
            }
        }));
    }

    /** One operation on an already read request (what {@link #handle} does after the HTTP layer; tests use it). */
    LegacyReply answer(String action, LegacyEnvelope envelope, SwaMessage message) {
        LegacyCall call = new LegacyCall(action, null, replies);
        return guarded(call, () -> unitOfWork.handle(actionOf(call), call.received(envelope, message)));
    }

    private LegacyAction actionOf(LegacyCall call) {
        LegacyAction action = actions.get(call.action);
        if (action == null) {
            throw new LegacyFault(LegacyCodes.UNKNOWN_ACTION, "Unknown SOAPAction; expected one of " + ACTIONS);
        }
        return action;
    }

    private interface Operation {
        LegacyReply run() throws IOException;
    }

    /** Runs the operation; every refusal becomes the hub's Report, and either way the request is audited. */
    private LegacyReply guarded(LegacyCall call, Operation operation) {
        try {
            LegacyReply reply = operation.run().soap12(call.replies.soap12());
            if (!call.audited) {
                audit.record(call.actor(), "LEGACY_" + call.auditAction(), call.organId, "ACCEPTED", null,
                        call.detail);
            }
            return reply;
        } catch (LegacyFault f) {
            return refuse(call, f);
        } catch (EJBException e) {
            return refuse(call, faults.unwrap(e, call.scope));
        } catch (RuntimeException | IOException e) {
            return refuse(call, faults.internal(e, call.scope));
        }
    }

    private LegacyReply refuse(LegacyCall call, LegacyFault f) {
        audit.record(call.actor(), "LEGACY_" + call.auditAction(), call.organId, "REFUSED", f.code(),
                f.errors().get(0).description() + (call.detail == null ? "" : " [" + call.detail + "]"));
        // GetDocument and unknown actions carry the Report directly in the Body (spec §5.1, §12).
        boolean bare = "GetDocument".equals(call.action) || !ACTIONS.contains(call.action);
        return LegacyReply.of(call.replies.report(bare ? null : call.action + "Response", f.errors()))
                .soap12(call.replies.soap12());
    }

    /** A request refused before any operation (the error page answers it with {@code code}): audited too. */
    private void refusedAtHttp(HttpServletRequest req, String code) {
        String query = req.getQueryString() == null ? "" : "?" + req.getQueryString();
        String detail = (req.getMethod() + " EdocService" + query).replaceAll("\\p{Cntrl}", " ");
        audit.record("legacy-anonymous", "LEGACY_REQUEST", null, "REFUSED", code, "client=" + req.getRemoteAddr() + " "
                + (detail.length() > 200 ? detail.substring(0, 200) : detail));
    }
}
