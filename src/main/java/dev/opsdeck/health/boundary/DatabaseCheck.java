package dev.opsdeck.health.boundary;

import dev.opsdeck.schema.boundary.SchemaMigration;
import dev.opsdeck.schema.control.PendingMigrations;
import dev.opsdeck.schema.control.Schema;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.Connection;
import javax.sql.DataSource;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/** Ready when the database answers within a second and carries every migration of this build. */
@Readiness
@ApplicationScoped
public class DatabaseCheck implements HealthCheck {

    @Resource(lookup = Schema.DATA_SOURCE)
    DataSource dataSource;

    @Inject
    SchemaMigration schema;

    private PendingMigrations pendingMigrations;

    @PostConstruct
    void watchMigrations() {
        pendingMigrations = new PendingMigrations(dataSource);
    }

    @Override
    public HealthCheckResponse call() {
        var response = HealthCheckResponse.named("database");
        try (Connection connection = dataSource.getConnection()) {
            boolean reachable = connection.isValid(1);
            boolean migrated = schema.migrated() && !pendingMigrations.any();
            return response.status(reachable && migrated)
                    .withData("product", connection.getMetaData().getDatabaseProductName())
                    .withData("reachable", reachable)
                    .withData("migrated", migrated)
                    .build();
        } catch (Exception e) {
            return response.down().withData("reachable", false).withData("error", e.getClass().getSimpleName()).build();
        }
    }
}
