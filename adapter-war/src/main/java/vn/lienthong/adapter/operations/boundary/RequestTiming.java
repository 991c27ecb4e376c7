package vn.lienthong.adapter.operations.boundary;

import java.io.IOException;
import java.time.Duration;
import java.util.Set;

import jakarta.inject.Inject;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import vn.lienthong.adapter.operations.control.AdapterMetrics;
import vn.lienthong.adapter.operations.entity.Face;

/**
 * Times every request of the SOAP faces and the admin face ({@code lienthong_request_seconds}). The operation
 * comes from the SOAPAction header (both SOAP faces are SOAP 1.1 with an action per operation), kept only when it
 * names an operation of our contracts, so a hostile client cannot create label values. Declared by annotation:
 * it runs after the filters of web.xml (error shield, request limits), i.e. it times what reaches the services.
 */
@WebFilter(filterName = "request-timing", urlPatterns = {"/services/*", "/admin/*"})
public class RequestTiming extends HttpFilter {

    /** Operations of DocumentExchange.wsdl and EdocLegacy.wsdl ({@code RequestTimingTest} fails when they differ). */
    static final Set<String> OPERATIONS = Set.of("SubmitDocument", "GetDocumentStatus", "ListIncoming",
            "GetIncomingDocument", "AcknowledgeIncoming", "ReportStatus", "GetDocumentHistory", "ListOrganisations",
            "RecallDocument", "SendDocument", "GetPendingDocumentIds", "GetDocument", "ConfirmReceived",
            "UpdateTraces", "GetTraces", "CheckPermission", "GetOrganizations");

    @Inject
    AdapterMetrics metrics;

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        long start = System.nanoTime();
        try {
            chain.doFilter(request, response);
        } finally {
            try {
                metrics.requestTook(face(request), operation(request), Duration.ofNanos(System.nanoTime() - start));
            } catch (RuntimeException metricsFailed) {
                // a metric must never change a request's answer
            }
        }
    }

    static String face(HttpServletRequest request) {
        String path = request.getServletPath() + (request.getPathInfo() == null ? "" : request.getPathInfo());
        if (path.startsWith("/admin")) {
            return Face.ADMIN;
        }
        return path.startsWith("/services/Edoc") ? Face.LEGACY : Face.WS;
    }

    static String operation(HttpServletRequest request) {
        if ("GET".equals(request.getMethod()) && request.getQueryString() != null
                && request.getQueryString().toLowerCase(java.util.Locale.ROOT).startsWith("wsdl")) {
            return "wsdl";
        }
        if (request.getServletPath().startsWith("/admin")) {
            return request.getMethod();
        }
        String action = request.getHeader("SOAPAction");
        if (action == null) {
            return "unknown";
        }
        String name = action.replace("\"", "");
        int cut = Math.max(name.lastIndexOf(':'), Math.max(name.lastIndexOf('/'), name.lastIndexOf('#')));
        name = name.substring(cut + 1);
        return OPERATIONS.contains(name) ? name : "unknown";
    }
}
