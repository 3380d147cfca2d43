package dev.opsdeck.health.boundary;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import org.eclipse.microprofile.metrics.Metadata;
import org.eclipse.microprofile.metrics.MetricRegistry;

/** Readiness for /metrics, so that an alert sees an instance that runs but is not ready (database or broker down, stopping). */
@ApplicationScoped
public class ReadinessMetric {

    @Inject
    MetricRegistry registry;

    @Inject
    InstanceHealth health;

    void register(@Observes @Initialized(ApplicationScoped.class) Object started) {
        registry.gauge(Metadata.builder().withName("opsdeck.instance.ready")
                .withDescription("1 while the instance's readiness checks (database, broker, not stopping) pass, 0 otherwise")
                .build(), this::ready);
    }

    private int ready() {
        return !GracefulStop.stopping() && health.checks().stream().allMatch(InstanceHealth.Check::up) ? 1 : 0;
    }
}
