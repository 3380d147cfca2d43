package dev.opsdeck.ingestion.control;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import javax.sql.DataSource;

/**
 * Deletes the ids of events processed before a cutoff, in chunks that each commit on their own, so that a large
 * backlog never holds one long transaction. A redelivery older than the cutoff is still harmless: the
 * conditional upsert refuses data that is not newer than the row's.
 */
public final class ProcessedEventsRetention {

    private final DataSource dataSource;
    private final Duration retention;
    private final int chunk;

    public ProcessedEventsRetention(DataSource dataSource, long retentionHours, int chunk) {
        if (retentionHours < 1) {
            throw new IllegalArgumentException("ingestion.processed-events.retention-hours must be at least 1, was "
                    + retentionHours);
        }
        if (chunk < 1) {
            throw new IllegalArgumentException("chunk must be at least 1, was " + chunk);
        }
        this.dataSource = dataSource;
        this.retention = Duration.ofHours(retentionHours);
        this.chunk = chunk;
    }

    public Instant cutoff(Instant now) {
        return now.minus(retention);
    }

    /** Deletes the ids processed before {@link #cutoff(Instant)} and returns how many. */
    public long purge(Instant now) throws SQLException {
        Instant cutoff = cutoff(now);
        try (Connection connection = dataSource.getConnection();
             PreparedStatement delete = connection.prepareStatement("DELETE FROM processed_event WHERE event_id IN "
                     + "(SELECT event_id FROM processed_event WHERE processed_at < ? LIMIT " + chunk + ")")) {
            connection.setAutoCommit(true);
            delete.setObject(1, cutoff.atOffset(ZoneOffset.UTC));
            long deleted = 0;
            int deletedNow;
            do {
                deletedNow = delete.executeUpdate();
                deleted += deletedNow;
            } while (deletedNow == chunk);
            return deleted;
        }
    }
}
