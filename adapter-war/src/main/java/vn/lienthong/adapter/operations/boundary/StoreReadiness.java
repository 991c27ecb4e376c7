package vn.lienthong.adapter.operations.boundary;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

import vn.lienthong.adapter.operations.control.StoreReadings;

/** Readiness: the database answers a trivial query (bounded by a query timeout). No error text is shown. */
@Readiness
@ApplicationScoped
public class StoreReadiness implements HealthCheck {

    @Inject
    StoreReadings readings;

    @Override
    public HealthCheckResponse call() {
        return readings.ping() ? HealthCheckResponse.up("database") : HealthCheckResponse.down("database");
    }
}
