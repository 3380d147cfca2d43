package dev.opsdeck.schema.boundary;

import dev.opsdeck.configuration.InvalidConfigurationException;
import dev.opsdeck.configuration.MissingConfigurationException;
import dev.opsdeck.configuration.StartupFailure;
import dev.opsdeck.schema.control.DatabaseSettings;
import dev.opsdeck.schema.control.InstanceStarts;
import dev.opsdeck.schema.control.Migrations;
import java.sql.SQLException;
import java.time.Instant;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.annotation.sql.DataSourceDefinition;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.TransactionManagement;
import jakarta.ejb.TransactionManagementType;
import java.util.logging.Level;
import java.util.logging.Logger;
import javax.sql.DataSource;

/**
 * Migrates the schema when the application starts, before any other bean touches the database; a
 * failure here stops the deployment rather than letting it run on an unknown schema.
 */
@DataSourceDefinition(
        name = SchemaMigration.DATA_SOURCE,
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

    public static final String DATA_SOURCE = "java:app/jdbc/opsdeck";
    public static final int MAX_POOL_SIZE = 64;
    private static final Logger LOG = Logger.getLogger(SchemaMigration.class.getName());

    @Resource(lookup = DATA_SOURCE)
    DataSource dataSource;

    private volatile boolean migrated;

    @PostConstruct
    void migrate() {
        try {
            int applied = Migrations.apply(DatabaseSettings.fromConfig());
            InstanceStarts.record(dataSource, Instant.now());
            migrated = true;
            LOG.info(() -> "Database schema is current (" + applied + " migrations applied now)");
        } catch (InvalidConfigurationException | MissingConfigurationException e) {
            throw StartupFailure.stop(e);
        } catch (RuntimeException | SQLException e) {
            LOG.log(Level.SEVERE, "Schema migration failed", e);
            throw StartupFailure.stop(new IllegalStateException("schema migration failed: " + e.getMessage(), e));
        }
    }

    public boolean migrated() {
        return migrated;
    }
}
