package dev.opsdeck.ingestion.boundary;

import dev.opsdeck.process.control.ServedRoles;
import dev.opsdeck.process.entity.InstanceRole;
import dev.opsdeck.ingestion.control.ProcessedEventsRetention;
import dev.opsdeck.schema.control.Schema;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.ejb.Schedule;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.TransactionManagement;
import jakarta.ejb.TransactionManagementType;
import jakarta.inject.Inject;
import java.sql.SQLException;
import java.time.Instant;
import java.util.logging.Level;
import java.util.logging.Logger;
import javax.sql.DataSource;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Keeps the processed-events table small: every 10 minutes, ids older than the retention are deleted. Started
 * with the application, so that a bad retention stops the start instead of the first purge.
 * Bean-managed, so that the container starts no transaction around the timer: Payara started one despite a
 * NOT_SUPPORTED attribute on the method, and then failed to commit a connection the purge had set to autocommit.
 */
@Singleton
@Startup
@TransactionManagement(TransactionManagementType.BEAN)
public class ProcessedEventsPurge {

    private static final Logger LOG = Logger.getLogger(ProcessedEventsPurge.class.getName());
    static final int CHUNK = 10_000;

    @Resource(lookup = Schema.DATA_SOURCE)
    DataSource dataSource;

    @Inject
    @ConfigProperty(name = "ingestion.processed-events.retention-hours", defaultValue = "168")
    long retentionHours;

    @Inject
    ServedRoles served;

    private ProcessedEventsRetention retention;

    @PostConstruct
    void configure() {
        retention = new ProcessedEventsRetention(dataSource, retentionHours, CHUNK);
    }

    @Schedule(minute = "*/10", hour = "*", persistent = false)
    void purge() {
        if (!served.has(InstanceRole.SCHEDULER)) {
            return;
        }
        Instant now = Instant.now();
        try {
            long deleted = retention.purge(now);
            if (deleted > 0) {
                LOG.info(() -> "Purged " + deleted + " processed event ids older than " + retention.cutoff(now));
            }
        } catch (SQLException e) {
            LOG.log(Level.WARNING, "Purge of processed event ids failed; next run tries again", e);
        }
    }
}
