package dev.opsdeck.health.boundary;

import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/** Not ready once the instance is stopping, so that a load balancer sends it nothing new during its grace period. */
@Readiness
@ApplicationScoped
public class StoppingCheck implements HealthCheck {

    @Override
    public HealthCheckResponse call() {
        return HealthCheckResponse.named("accepting-work").status(!GracefulStop.stopping()).build();
    }
}
