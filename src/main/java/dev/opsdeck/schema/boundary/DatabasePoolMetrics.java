package dev.opsdeck.schema.boundary;

import dev.opsdeck.schema.control.OpenConnections;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import org.eclipse.microprofile.metrics.Metadata;
import org.eclipse.microprofile.metrics.MetricRegistry;

/** The database pool for /metrics: connections open against the most the pool may open. */
@ApplicationScoped
public class DatabasePoolMetrics {

    @Inject
    MetricRegistry registry;

    void register(@Observes @Initialized(ApplicationScoped.class) Object started) {
        registry.gauge(Metadata.builder().withName("opsdeck.db.pool.connections")
                .withDescription("Physical database connections this instance's pool holds open").build(), OpenConnections::count);
        registry.gauge(Metadata.builder().withName("opsdeck.db.pool.max.connections")
                .withDescription("The most connections this instance's pool may open").build(), () -> SchemaMigration.MAX_POOL_SIZE);
    }
}
