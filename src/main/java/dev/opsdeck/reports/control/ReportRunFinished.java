package dev.opsdeck.reports.control;

import dev.opsdeck.reports.entity.Delivery;
import java.io.IOException;
import java.io.OutputStream;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Fired synchronously when a run has succeeded or failed, before that outcome commits, on the connection that
 * commits it: an observer that writes on {@link #connection()} (mail's outbox) commits or rolls back with the run.
 * Reports knows nothing of its observers.
 */
public record ReportRunFinished(Connection connection, UUID runId, boolean succeeded, String error, Instant finishedAt,
                                Optional<Mailing> mailing, String fileName, long rows, long sizeBytes, Instant expiresAt) {

    /** The configuration's mailing fields; a run requested without a configuration has none. */
    public record Mailing(long configurationId, String name, String reportType, List<String> recipients,
                          Delivery delivery, String owner, String timeZone) {
    }

    /** Copies the run's file (written in this same transaction) to out. */
    public boolean copyFile(OutputStream out) throws SQLException, IOException {
        return ReportFiles.copy(connection, runId, out);
    }

    static Optional<Mailing> mailing(Connection connection, UUID run) throws SQLException {
        try (PreparedStatement query = connection.prepareStatement("SELECT c.id, c.name, c.report_type, c.recipients, "
                + "c.delivery, c.owner, c.time_zone FROM report_run r JOIN report_configuration c ON c.id = r.configuration_id "
                + "WHERE r.id = ?")) {
            query.setObject(1, run);
            try (ResultSet row = query.executeQuery()) {
                if (!row.next()) {
                    return Optional.empty();
                }
                String recipients = row.getString(4);
                return Optional.of(new Mailing(row.getLong(1), row.getString(2), row.getString(3),
                        recipients == null || recipients.isBlank() ? List.of()
                                : Arrays.stream(recipients.split(",")).map(String::strip).filter(a -> !a.isEmpty()).toList(),
                        Delivery.of(row.getString(5)).orElse(Delivery.ATTACHMENT), row.getString(6), row.getString(7)));
            }
        }
    }
}
