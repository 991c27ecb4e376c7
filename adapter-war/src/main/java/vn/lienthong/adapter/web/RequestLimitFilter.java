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
        long limit = settings.maxRequestBytes();
        long declared = request.getContentLengthLong();
        if (declared > limit) { // refused before a single byte of the body is read
            refuse(request, response, tooLarge(limit), declared, 0);
            return;
        }
        long upFront = Math.max(declared, 0);
        if (!budget.tryReserve(upFront)) {
            refuse(request, response, busy(), declared, 0);
            return;
        }
        LimitedRequest limited = new LimitedRequest(request, limit, budget, upFront);
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

    private static RequestRefusal tooLarge(long limit) {
        return new RequestRefusal(413, REQUEST_SIZE, REQUEST_SIZE_SETTING,
                "The request is larger than " + limit + " bytes");
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
