package vn.lienthong.adapter.soap;

import java.util.Optional;
import java.util.logging.Logger;

import javax.xml.namespace.QName;

import jakarta.servlet.http.HttpServletRequest;

import org.apache.cxf.binding.soap.SoapFault;
import org.apache.cxf.message.Message;
import org.apache.cxf.transport.http.AbstractHTTPDestination;
import org.apache.wss4j.common.ext.WSSecurityException;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

import vn.lienthong.adapter.audit.control.AuditLog;

/**
 * Every refusal at the WS-Security layer, in one place: its stable code and client-facing text, the fault sent
 * (WS-Security fault code, {@code ExchangeFaultDetail} with the code, no cause, no stack trace), one audit entry
 * (reason, face, user name if known, client address) and one log line.
 */
final class WsRefusals {

    static final String PASSWORD = "AUTH.PASSWORD";
    static final String LOCKED = "AUTH.LOCKED";
    static final String NONCE = "AUTH.NONCE";
    static final String SIGNATURE = "AUTH.SIGNATURE";
    static final String ALGORITHM = "AUTH.ALGORITHM";
    static final String TIMESTAMP = "AUTH.TIMESTAMP";
    static final String REPLAY = "AUTH.REPLAY";
    static final String HEADER = "AUTH.HEADER";
    static final String DOCTYPE = "M.Envelope.DOCTYPE";
    static final String REPLAY_CAPACITY = "SYS.REPLAY_CAPACITY";
    /** Refused before the endpoint, see {@link MalformedRequests}: not XML, not a SOAP 1.1 envelope, … */
    static final String ENVELOPE = "M.Envelope";
    static final String SOAP_VERSION = "M.Envelope.VERSION";
    static final String OPERATION = "M.Operation";
    static final String BODY = "M.Body";
    /** The code ErrorPageServlet gives the container's own 405, for the same refusal on the WS faces. */
    static final String METHOD = "SYS.METHOD_NOT_ALLOWED";

    /** The in-message property where the user name of a request is kept as soon as it is known. */
    static final String USER = "lienthong.ws.user";

    private static final Logger LOG = Logger.getLogger(WsRefusals.class.getName());
    private static final String NS = "urn:lienthong:exchange:1";

    private static final QName CLIENT = new QName("http://schemas.xmlsoap.org/soap/envelope/", "Client");

    /** {@code status}: the HTTP status of the fault (500 as SOAP 1.1 wants, 405 for a wrong HTTP method). */
    record Refusal(String code, String text, QName faultCode, int status) {
        Refusal(String code, String text, QName faultCode) {
            this(code, text, faultCode, 500);
        }
    }

    private final AuditLog audit;

    WsRefusals(AuditLog audit) {
        this.audit = audit;
    }

    static Refusal of(String code) {
        return switch (code) {
            case PASSWORD -> new Refusal(code, "The user name or password is wrong",
                    WSSecurityException.FAILED_AUTHENTICATION);
            case LOCKED -> new Refusal(code, "Too many failed logins for this user or address; try again later",
                    WSSecurityException.FAILED_AUTHENTICATION);
            case NONCE -> new Refusal(code, "The UsernameToken must carry a Nonce and a Created time",
                    WSSecurityException.INVALID_SECURITY_TOKEN);
            case SIGNATURE -> new Refusal(code, "The signature is missing or invalid, does not cover Timestamp and"
                    + " Body, or its certificate is not trusted", WSSecurityException.FAILED_CHECK);
            case ALGORITHM -> new Refusal(code, "The signature uses an algorithm the policy does not allow"
                    + " (RSA-SHA256 or stronger, SHA-256 or stronger digests, exclusive C14N)",
                    WSSecurityException.UNSUPPORTED_ALGORITHM);
            case TIMESTAMP -> new Refusal(code, "The Timestamp (or the UsernameToken's Created) is missing, expired"
                    + " or in the future", WSSecurityException.MESSAGE_EXPIRED);
            case REPLAY -> new Refusal(code, "This request was already received (replay)",
                    WSSecurityException.INVALID_SECURITY);
            case DOCTYPE -> new Refusal(code, "A DOCTYPE (DTD) is never accepted",
                    new QName("http://schemas.xmlsoap.org/soap/envelope/", "Client"));
            case REPLAY_CAPACITY -> new Refusal(code, "The service is busy; try again later",
                    new QName("http://schemas.xmlsoap.org/soap/envelope/", "Server"));
            case ENVELOPE -> new Refusal(code, "The request is not a well-formed SOAP 1.1 envelope", CLIENT);
            case SOAP_VERSION -> new Refusal(code, "This port accepts SOAP 1.1 envelopes only"
                    + " (namespace http://schemas.xmlsoap.org/soap/envelope/, Content-Type text/xml)",
                    new QName("http://schemas.xmlsoap.org/soap/envelope/", "VersionMismatch"));
            case OPERATION -> new Refusal(code, "The Body does not name an operation of this service", CLIENT);
            case BODY -> new Refusal(code, "The Body does not match the operation's schema", CLIENT);
            case METHOD -> new Refusal(code, "Only POST is accepted here (GET only with ?wsdl)", CLIENT, 405);
            case SignedAttachmentParts.CODE -> new Refusal(code, "Every MTOM part of a signed request needs its"
                    + " SHA-256 (AttachmentData/sha256) in the signed Body", WSSecurityException.FAILED_CHECK);
            default -> new Refusal(HEADER, "The WS-Security header is missing or incomplete",
                    WSSecurityException.INVALID_SECURITY);
        };
    }

    /**
     * The refusal a fault on the request {@code in} stands for: a wrong HTTP method, a WS-Security refusal, or a
     * request CXF could not take apart before the endpoint ({@link MalformedRequests}); empty for anything else
     * (an application fault, which the endpoint audits itself, or a failure of the server).
     */
    static Optional<Refusal> classify(Throwable fault, Message in) {
        if (MalformedRequests.wrongMethod(in)) {
            return Optional.of(of(METHOD));
        }
        Optional<Refusal> security = classify(fault);
        return security.isPresent() ? security : MalformedRequests.code(fault, in).map(WsRefusals::of);
    }

    /** The refusal a fault stands for, or empty when it is not a WS-Security refusal (e.g. an application fault). */
    static Optional<Refusal> classify(Throwable fault) {
        for (Throwable t = fault; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof WsRefusal r) {
                return Optional.of(of(r.code()));
            }
            if (t instanceof StrictEnvelopeReader.Violation) {
                return Optional.of(of(SIGNATURE)); // signature wrapping: not Envelope/(Header?)/Body
            }
            if (t instanceof CodedSecurityException c) {
                return Optional.of(of(c.code()));
            }
            if (t instanceof WSSecurityException e) {
                return Optional.of(of(codeOf(e)));
            }
            if (mentionsDoctype(t.getMessage())) {
                return Optional.of(of(DOCTYPE));
            }
            if (isCoverageFault(t.getMessage())) {
                return Optional.of(of(SIGNATURE));
            }
        }
        return Optional.empty();
    }

    private static String codeOf(WSSecurityException e) {
        WSSecurityException.ErrorCode error = e.getErrorCode();
        if (error == null) {
            return HEADER;
        }
        return switch (error) {
            case MESSAGE_EXPIRED -> TIMESTAMP;
            case UNSUPPORTED_ALGORITHM -> ALGORITHM;
            case FAILED_CHECK, FAILED_SIGNATURE, FAILED_AUTHENTICATION, SECURITY_TOKEN_UNAVAILABLE -> SIGNATURE;
            default -> HEADER;
        };
    }

    /** CXF's CryptoCoverageChecker says so without a WSSecurityException: "No SIGNED element found matching …". */
    private static boolean isCoverageFault(String text) {
        return text != null && (text.startsWith("No SIGNED element found") || text.startsWith("No ENCRYPTED element"));
    }

    private static boolean mentionsDoctype(String text) {
        return text != null && (text.contains("DTD") || text.contains("DOCTYPE"));
    }

    /** The fault the client receives: the WS-Security fault code, the readable text, and the stable code. */
    static SoapFault fault(Refusal r) {
        SoapFault fault = new SoapFault(r.text(), r.faultCode());
        fault.setStatusCode(r.status());
        Element detail = fault.getOrCreateDetail();
        Document doc = detail.getOwnerDocument();
        Element info = doc.createElementNS(NS, "ExchangeFaultDetail");
        Element code = doc.createElementNS(NS, "code");
        code.setTextContent(r.code());
        Element message = doc.createElementNS(NS, "message");
        message.setTextContent(r.text());
        info.appendChild(code);
        info.appendChild(message);
        detail.appendChild(info);
        return fault;
    }

    /** One audit entry and one log line for the refusal of {@code in} (the request message). */
    void record(Refusal r, Message in, String reason) {
        String user = in == null ? null : (String) in.get(USER);
        String client = clientAddress(in);
        String face = face(in);
        String detail = "face=" + face + " client=" + client + (user == null ? "" : " user=" + user)
                + (reason == null || reason.isBlank() ? "" : ": " + oneLine(reason));
        boolean security = r.code().startsWith("AUTH.") || r.code().equals(DOCTYPE)
                || r.code().equals(REPLAY_CAPACITY);
        LOG.info(() -> (security ? "WS-Security refusal " : "WS request refused ") + r.code() + " " + detail);
        try {
            audit.record(user == null ? "ws-anonymous" : user, security ? "WS_SECURITY" : "WS_REQUEST", null,
                    "REFUSED", r.code(), detail);
        } catch (RuntimeException e) {
            LOG.warning(() -> "Audit of WS-Security refusal " + r.code() + " failed: " + oneLine(String.valueOf(e)));
        }
    }

    /** The one log line of a refusal that its own interceptor answered and audited. */
    static void logAnswered(String code, Message in) {
        LOG.info(() -> "WS request refused " + code + " face=" + face(in) + " client=" + clientAddress(in));
    }

    static String clientAddress(Message in) {
        Object request = in == null ? null : in.get(AbstractHTTPDestination.HTTP_REQUEST);
        return request instanceof HttpServletRequest http ? http.getRemoteAddr() : null;
    }

    private static String face(Message in) {
        try {
            return in.getExchange().getEndpoint().getEndpointInfo().getName().getLocalPart();
        } catch (RuntimeException e) {
            return "ws";
        }
    }

    static String oneLine(String s) {
        String flat = s == null ? "" : s.replaceAll("\\s+", " ").trim();
        return flat.length() > 300 ? flat.substring(0, 300) : flat;
    }
}
