package dev.opsdeck.schema.boundary;

import dev.opsdeck.configuration.InvalidConfigurationException;
import dev.opsdeck.configuration.MissingConfigurationException;
import dev.opsdeck.configuration.StartupFailure;
import dev.opsdeck.schema.control.Schema;
import java.sql.SQLException;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.sql.DataSourceDefinition;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.TransactionManagement;
import jakarta.ejb.TransactionManagementType;
import jakarta.inject.Inject;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Migrates the schema when the application starts, before any other bean touches the database; a
 * failure here stops the deployment rather than letting it run on an unknown schema.
 */
@DataSourceDefinition(
        name = Schema.DATA_SOURCE,
        className = "dev.opsdeck.schema.control.ConfiguredDataSource",
        url = "configured",
        minPoolSize = 2,
        maxPoolSize = SchemaMigration.MAX_POOL_SIZE,
        properties = {"fish.payara.is-connection-validation-required=true",
                "fish.payara.connection-validation-method=auto-commit",
                "fish.payara.validate-atmost-once-period-in-seconds=10",
                "fish.payara.fail-all-connections=true"})
@Singleton
@Startup
@TransactionManagement(TransactionManagementType.BEAN)
public class SchemaMigration {

    public static final int MAX_POOL_SIZE = 64;
    private static final Logger LOG = Logger.getLogger(SchemaMigration.class.getName());

    @Inject
    Schema schema;

    @PostConstruct
    void migrate() {
        try {
            int applied = schema.migrate();
            LOG.info(() -> "Database schema is current (" + applied + " migrations applied now)");
        } catch (InvalidConfigurationException | MissingConfigurationException e) {
            throw StartupFailure.stop(e);
        } catch (RuntimeException | SQLException e) {
            LOG.log(Level.SEVERE, "Schema migration failed", e);
            throw StartupFailure.stop(new IllegalStateException("schema migration failed: " + e.getMessage(), e));
        }
    }

    public boolean migrated() {
        return schema.migrated();
    }
}
