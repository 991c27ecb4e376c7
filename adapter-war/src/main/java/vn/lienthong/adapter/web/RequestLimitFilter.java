package vn.lienthong.adapter.web;

import java.io.IOException;
import java.util.Map;
import java.util.logging.Level;
import java.util.logging.Logger;

import jakarta.inject.Inject;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import vn.lienthong.adapter.audit.control.AuditLog;
import vn.lienthong.adapter.configuration.AdapterSettings;

/**
 * Bounds every request of the WS-Security faces before the SOAP stack sees it — and so before WS-Security reads
 * the whole envelope into a DOM, for callers that are not authenticated yet as much as for those that are:
 * <ul>
 * <li>a declared Content-Length over {@code adapter.limits.request-bytes} is refused at once, nothing of the body
 * read;</li>
 * <li>a body that streams past the limit (chunked, or a lying length) is cut off at the limit ({@link
 * LimitedRequest});</li>
 * <li>requests being processed together hold at most {@code adapter.limits.in-flight-bytes}
 * ({@link InFlightBudget}); what does not fit is refused with {@code LIMIT.BUSY} and may be retried.</li>
 * </ul>
 * Refusals are SOAP faults (code, field = the setting, message with the limit), HTTP 413 or 503, audited; the
 * connection is closed, the rest of the body never read, nothing stored.
 */
public class RequestLimitFilter extends HttpFilter {

    public static final String REQUEST_SIZE = "LIMIT.REQUEST_SIZE";
    public static final String BUSY = "LIMIT.BUSY";
    static final String REQUEST_SIZE_SETTING = AdapterSettings.MAX_REQUEST_BYTES;
    static final String ENVELOPE_SIZE_SETTING = AdapterSettings.MAX_ENVELOPE_BYTES;
    /** What one MIME part may hold in memory before CXF spills it to disk (soap.XmlLimits, 64 KiB). */
    static final long PART_MEMORY = 64 * 1024;
    private static final String RETRY_AFTER_SECONDS = "5";
    private static final String LEGACY_PATH = "/EdocService";

    private static final long serialVersionUID = 1L;
    private static final Logger LOG = Logger.getLogger(RequestLimitFilter.class.getName());

    @Inject
    transient AdapterSettings settings;
    @Inject
    transient AuditLog audit;

    private transient InFlightBudget budget;

    @Override
    public void init() {
        budget = new InFlightBudget(settings.maxInFlightBytes());
        LOG.info("WS request limits: " + settings.maxRequestBytes() + " bytes per request, "
                + settings.maxEnvelopeBytes() + " bytes per envelope, "
                + settings.maxInFlightBytes() + " bytes in flight, " + settings.maxXmlElements() + " XML elements");
    }

    static RequestRefusal busy() {
        return new RequestRefusal(503, BUSY, AdapterSettings.MAX_IN_FLIGHT_BYTES,
                "The adapter is processing as many large requests as it can hold; try again shortly");
    }

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        if (LEGACY_PATH.equals(request.getPathInfo())) {
            // Same test as AdapterCxfServlet.invoke: the old protocol streams to disk under its own limits.
            chain.doFilter(request, response);
            return;
        }
        // A plain request is all envelope (held as a DOM); a multipart (MTOM) one is an envelope plus parts that
        // CXF spools to disk as they arrive: it may be as large as the request limit, but only its envelope's
        // share counts against the in-flight (heap) budget.
        boolean multipart = isMultipart(request);
        long limit = multipart ? settings.maxRequestBytes()
                : Math.min(settings.maxRequestBytes(), settings.maxEnvelopeBytes());
        long heapShare = multipart ? Math.min(limit, settings.maxEnvelopeBytes() + PART_MEMORY * settings.maxAttachments())
                : limit;
        boolean envelopeBound = limit < settings.maxRequestBytes();
        long declared = request.getContentLengthLong();
        if (declared > limit) { // refused before a single byte of the body is read
            refuse(request, response, tooLarge(limit, envelopeBound), declared, 0);
            return;
        }
        long upFront = Math.min(Math.max(declared, 0), heapShare);
        if (!budget.tryReserve(upFront)) {
            refuse(request, response, busy(), declared, 0);
            return;
        }
        LimitedRequest limited = new LimitedRequest(request, limit, budget, upFront, heapShare, envelopeBound);
        try {
            chain.doFilter(limited, new RefusableResponse(response, limited));
        } catch (IOException | ServletException | RuntimeException e) {
            if (limited.refusal() == null) {
                throw e;
            }
        } finally {
            budget.release(limited.reserved());
        }
        if (limited.refusal() != null) {
            refuse(request, response, limited.refusal(), declared, limited.bytesRead());
        }
    }

    /** {@code envelopeBound}: a plain request stopped by the (smaller) envelope limit, not the request limit. */
    static RequestRefusal tooLarge(long limit, boolean envelopeBound) {
        // A plain request over the envelope limit: larger attachments must travel as MTOM parts.
        return new RequestRefusal(413, REQUEST_SIZE, envelopeBound ? ENVELOPE_SIZE_SETTING : REQUEST_SIZE_SETTING,
                "The request is larger than " + limit + " bytes"
                        + (envelopeBound ? "; send large attachments as MTOM parts" : ""));
    }

    private static boolean isMultipart(HttpServletRequest request) {
        String type = request.getContentType();
        return type != null && type.trim().toLowerCase(java.util.Locale.ROOT).startsWith("multipart/");
    }

    private void refuse(HttpServletRequest request, HttpServletResponse response, RequestRefusal refusal,
            long declared, long read) throws IOException {
        String path = ErrorReply.pathInApplication(request);
        try {
            audit.record(null, "WS_REQUEST", null, "REFUSED", refusal.code, "path=" + path + "; declared="
                    + declared + "; read=" + read + "; " + refusal.getMessage() + "; from=" + request.getRemoteAddr());
        } catch (RuntimeException e) {
            // The refusal stands without its audit entry; the operator sees why here.
            LOG.log(Level.WARNING, "Could not audit the refusal " + refusal.code + " of " + path, e);
        }
        // The unread rest of the body must not be taken for the next request on this connection.
        Map<String, String> headers = refusal.status == 503
                ? Map.of("Connection", "close", "Retry-After", RETRY_AFTER_SECONDS)
                : Map.of("Connection", "close");
        ErrorReply.write(request, response, refusal.status, refusal.code, refusal.field, refusal.getMessage(),
                headers);
    }
}
