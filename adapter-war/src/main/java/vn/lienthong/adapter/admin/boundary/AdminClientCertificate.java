package vn.lienthong.adapter.admin.boundary;

import java.security.GeneralSecurityException;
import java.security.cert.X509Certificate;
import java.util.List;

import jakarta.annotation.Priority;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.Provider;

import vn.lienthong.adapter.audit.control.AuditLog;
import vn.lienthong.adapter.configuration.AdapterSettings;
import vn.lienthong.adapter.security.control.KeyMaterial;

/**
 * With {@code adapter.admin.require-client-cert=true}, admin operations also need a TLS client certificate issued
 * by a CA of the trust store (checked by the HTTPS listener during the handshake and again here), on top of the
 * Bearer token — so admin access needs HTTPS and a key, not only a token. Refusals are audited
 * ({@value #CODE}) and answered 403. The HTTPS listener must ask for client certificates ({@code client-auth=want});
 * run.sh configures Payara Micro so, see docs/security/tls.md.
 */
@Provider
@Priority(Priorities.AUTHENTICATION - 10)
public class AdminClientCertificate implements ContainerRequestFilter {

    static final String CODE = "AUTH.ADMIN_CLIENT_CERT";
    private static final String CERTIFICATES = "jakarta.servlet.request.X509Certificate";

    @Context
    HttpServletRequest http;
    @Inject
    AdapterSettings settings;
    @Inject
    KeyMaterial keys;
    @Inject
    AuditLog audit;

    @Override
    public void filter(ContainerRequestContext request) {
        if (!settings.adminRequireClientCert()) {
            return;
        }
        if (!issuedByTrustedCa((X509Certificate[]) http.getAttribute(CERTIFICATES), keys.trustAnchors())) {
            audit.record(null, "ADMIN", null, "REFUSED", CODE,
                    request.getMethod() + " " + request.getUriInfo().getPath() + (http.isSecure() ? "" : " (plain HTTP)"));
            request.abortWith(Response.status(Response.Status.FORBIDDEN).build());
        }
    }

    /** True if the first certificate of the chain is currently valid and signed by one of the anchors. */
    static boolean issuedByTrustedCa(X509Certificate[] chain, List<X509Certificate> anchors) {
        if (chain == null || chain.length == 0) {
            return false;
        }
        X509Certificate client = chain[0];
        for (X509Certificate anchor : anchors) {
            if (!anchor.getSubjectX500Principal().equals(client.getIssuerX500Principal())) {
                continue;
            }
            try {
                client.checkValidity();
                client.verify(anchor.getPublicKey());
                return true;
            } catch (GeneralSecurityException e) {
                // not this anchor, or expired: try the next one
            }
        }
        return false;
    }
}
