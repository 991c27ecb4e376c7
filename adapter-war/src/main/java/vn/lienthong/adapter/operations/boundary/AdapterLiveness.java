package vn.lienthong.adapter.operations.boundary;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Liveness;

/**
 * Liveness ({@code /health/live}): the application is deployed and answers. Nothing outside the JVM is asked, so
 * an outage of the database or the axis never makes an orchestrator restart a healthy process.
 */
@Liveness
@ApplicationScoped
public class AdapterLiveness implements HealthCheck {

    @Override
    public HealthCheckResponse call() {
        return HealthCheckResponse.up("lienthong");
    }
}
