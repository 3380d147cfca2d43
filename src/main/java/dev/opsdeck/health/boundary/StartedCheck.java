package dev.opsdeck.health.boundary;

import dev.opsdeck.schema.boundary.SchemaMigration;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Startup;

/** Started once the application is deployed and its start-up migration has run. */
@Startup
@ApplicationScoped
public class StartedCheck implements HealthCheck {

    @Inject
    SchemaMigration schema;

    @Override
    public HealthCheckResponse call() {
        return HealthCheckResponse.named("application-started")
                .status(schema.migrated())
                .withData("schema_migrated", schema.migrated())
                .build();
    }
}
