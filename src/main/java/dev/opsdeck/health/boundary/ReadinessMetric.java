package dev.opsdeck.health.boundary;

import jakarta.annotation.PostConstruct;
import jakarta.ejb.Schedule;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.util.concurrent.atomic.AtomicInteger;
import org.eclipse.microprofile.metrics.Metadata;
import org.eclipse.microprofile.metrics.MetricRegistry;

/**
 * Readiness for /metrics, so that an alert sees an instance that runs but is not ready (database or broker down,
 * stopping). The checks run on a timer of the application's own: on the thread of a /metrics request, which belongs
 * to the server rather than the application, the database check cannot see the migrations.
 */
@Singleton
@Startup
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class ReadinessMetric {

    @Inject
    MetricRegistry registry;

    @Inject
    InstanceHealth health;

    private final AtomicInteger ready = new AtomicInteger();

    @PostConstruct
    void register() {
        registry.gauge(Metadata.builder().withName("opsdeck.instance.ready")
                .withDescription("1 while the instance's readiness checks (database, broker, not stopping) pass, 0 otherwise;"
                        + " checked every 10 s").build(), ready::get);
    }

    @Schedule(second = "*/10", minute = "*", hour = "*", persistent = false)
    public void check() {
        ready.set(!GracefulStop.stopping() && health.checks().stream().allMatch(InstanceHealth.Check::up) ? 1 : 0);
    }
}
