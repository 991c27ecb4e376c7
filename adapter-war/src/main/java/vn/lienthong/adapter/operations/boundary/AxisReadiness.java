package vn.lienthong.adapter.operations.boundary;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.eclipse.microprofile.health.Readiness;

import vn.lienthong.adapter.configuration.AdapterSettings;
import vn.lienthong.adapter.operations.control.StoreReadings;
import vn.lienthong.adapter.operations.entity.StoreFigures;
import vn.lienthong.adapter.platform.time.VietnamTime;

/**
 * Readiness: the axis is reachable as the outbox sees it — the shared breaker ({@code axis_breaker}) is not open —
 * with the last successful send and receipt. No network call per probe: the outbox and the receive loop talk to
 * the axis anyway, and the breaker records what they met. With {@code adapter.health.axis-required=false} an
 * open breaker is reported but leaves the node ready (submissions are still taken and queued).
 */
@Readiness
@ApplicationScoped
public class AxisReadiness implements HealthCheck {

    @Inject
    StoreReadings readings;
    @Inject
    AdapterSettings settings;

    @Override
    public HealthCheckResponse call() {
        StoreFigures s = readings.readinessOrNull(); // not the full figures: their counts read every document
        if (s == null) {
            return HealthCheckResponse.named("axis").down().withData("breaker", "unknown").build();
        }
        boolean open = "OPEN".equals(s.breakerPhase());
        HealthCheckResponseBuilder b = HealthCheckResponse.named("axis")
                .status(!open || !settings.operations().axisRequired()).withData("breaker", s.breakerPhase());
        if (s.lastSent() != null) {
            b.withData("lastSuccessfulSend", VietnamTime.iso(s.lastSent()));
        }
        if (s.lastReceived() != null) {
            b.withData("lastReceived", VietnamTime.iso(s.lastReceived()));
        }
        return b.build();
    }
}
