package vn.lienthong.adapter.admin.boundary;

import jakarta.annotation.Priority;
import jakarta.inject.Inject;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.Provider;

import vn.lienthong.adapter.admin.control.AdminToken;
import vn.lienthong.adapter.audit.control.AuditLog;

/**
 * Lets a request through only with {@code Authorization: Bearer <admin token>}. Refusals are audited (without the
 * presented value) and answered 401 without saying whether admin access is configured at all; calls let through
 * are audited with their outcome by {@link AdminCallAudit}.
 */
@Provider
@Priority(Priorities.AUTHENTICATION)
public class AdminAuthentication implements ContainerRequestFilter {

    /** The actor name admin operations are audited under. */
    public static final String ADMIN = "admin";
    private static final String BEARER = "Bearer ";

    @Inject
    AdminToken token;
    @Inject
    AuditLog audit;

    @Override
    public void filter(ContainerRequestContext request) {
        String header = request.getHeaderString(HttpHeaders.AUTHORIZATION);
        String presented = header != null && header.startsWith(BEARER)
                ? header.substring(BEARER.length()).trim() : null;
        if (!token.matches(presented)) {
            request.setProperty(AdminCallAudit.REFUSED, Boolean.TRUE);
            audit.record(null, "ADMIN", null, "REFUSED", "AUTH.ADMIN",
                    request.getMethod() + " " + request.getUriInfo().getPath());
            request.abortWith(Response.status(Response.Status.UNAUTHORIZED)
                    .header(HttpHeaders.WWW_AUTHENTICATE, "Bearer realm=\"lienthong-admin\"").build());
        }
    }
}
