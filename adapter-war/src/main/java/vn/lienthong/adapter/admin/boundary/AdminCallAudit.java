package vn.lienthong.adapter.admin.boundary;

import jakarta.inject.Inject;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;
import jakarta.ws.rs.ext.Provider;

import vn.lienthong.adapter.audit.control.AuditLog;

/**
 * Audits every admin call that passed authentication — reads included — once its outcome is known: who
 * ({@value AdminAuthentication#ADMIN}), the operation (method and path, no query values, no body) and the HTTP
 * status. Refused authentications are audited by {@link AdminAuthentication} itself.
 */
@Provider
public class AdminCallAudit implements ContainerResponseFilter {

    /** Request property set by {@link AdminAuthentication} when it refused (and audited) the request. */
    static final String REFUSED = AdminCallAudit.class.getName() + ".refused";

    @Inject
    AuditLog audit;

    @Override
    public void filter(ContainerRequestContext request, ContainerResponseContext response) {
        if (request.getProperty(REFUSED) != null) {
            return;
        }
        int status = response.getStatus();
        String outcome = status < 400 ? "OK" : status < 500 ? "REFUSED" : "FAILED";
        audit.record(AdminAuthentication.ADMIN, "ADMIN_CALL", null, outcome, "HTTP " + status,
                request.getMethod() + " " + request.getUriInfo().getPath());
    }
}
