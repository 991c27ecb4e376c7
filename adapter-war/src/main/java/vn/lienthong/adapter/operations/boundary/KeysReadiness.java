package vn.lienthong.adapter.operations.boundary;

import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

import vn.lienthong.adapter.security.control.KeyMaterial;

/**
 * Readiness: the adapter's signing key is loaded and its certificate is valid now (packages and responses are
 * signed with it), and the trust store holds at least one CA. Shows the certificate's end of validity only.
 */
@Readiness
@ApplicationScoped
public class KeysReadiness implements HealthCheck {

    @Inject
    KeyMaterial keys;

    @Override
    public HealthCheckResponse call() {
        try {
            if (keys.signingKey() == null) {
                return HealthCheckResponse.named("keys").down().withData("signingKey", "missing").build();
            }
            X509Certificate certificate = keys.signingChain()[0];
            certificate.checkValidity();
            boolean anchors = !keys.trustAnchors().isEmpty();
            return HealthCheckResponse.named("keys").status(anchors).withData("signingKey", "valid")
                    .withData("signingCertificateNotAfter", certificate.getNotAfter().toInstant().toString())
                    .withData("trustAnchors", anchors ? "present" : "none").build();
        } catch (CertificateException e) {
            return HealthCheckResponse.named("keys").down().withData("signingKey", "certificate not valid now")
                    .build();
        } catch (RuntimeException e) {
            return HealthCheckResponse.named("keys").down().withData("signingKey", "not loadable").build();
        }
    }
}
