package dev.opsdeck.ingestion.boundary;

import dev.opsdeck.schema.boundary.SchemaMigration;
import jakarta.annotation.Resource;
import jakarta.ejb.Schedule;
import jakarta.ejb.Singleton;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.logging.Level;
import java.util.logging.Logger;
import javax.sql.DataSource;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Keeps the processed-events table small: ids older than the retention are deleted in small chunks. A
 * redelivery older than that is still harmless, because the conditional upsert refuses stale data.
 */
@Singleton
public class ProcessedEventsPurge {

    private static final Logger LOG = Logger.getLogger(ProcessedEventsPurge.class.getName());
    static final int CHUNK = 10_000;

    @Resource(lookup = SchemaMigration.DATA_SOURCE)
    DataSource dataSource;

    @Inject
    @ConfigProperty(name = "ingestion.processed-events.retention-hours", defaultValue = "168")
    long retentionHours;

    @Schedule(minute = "*/10", hour = "*", persistent = false)
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    void purge() {
        Instant cutoff = Instant.now().minus(Duration.ofHours(retentionHours));
        try (Connection connection = dataSource.getConnection();
             PreparedStatement delete = connection.prepareStatement("DELETE FROM processed_event WHERE event_id IN "
                     + "(SELECT event_id FROM processed_event WHERE processed_at < ? LIMIT " + CHUNK + ")")) {
            connection.setAutoCommit(true);
            delete.setObject(1, cutoff.atOffset(ZoneOffset.UTC));
            long deleted = 0;
            int chunk;
            do {
                chunk = delete.executeUpdate();
                deleted += chunk;
            } while (chunk == CHUNK);
            if (deleted > 0) {
                long total = deleted;
                LOG.info(() -> "Purged " + total + " processed event ids older than " + cutoff);
            }
        } catch (SQLException e) {
            LOG.log(Level.WARNING, "Purge of processed event ids failed; next run tries again", e);
        }
    }
}
