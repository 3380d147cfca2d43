package dev.opsdeck.reports.control;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import javax.sql.DataSource;

/** Report runs that failed lately, for whoever watches for failures (notifications); read only. */
public class ReportFailures {

    /** A failed run: its configuration's name, or null for an ad hoc run. */
    public record Failure(UUID runId, String reportType, String configurationName, String error, Instant finishedAt) {
    }

    private final DataSource dataSource;

    public ReportFailures(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** Runs that failed at or after {@code since}, newest first. */
    public List<Failure> since(Instant since, int limit) throws SQLException {
        List<Failure> failures = new ArrayList<>();
        try (Connection connection = dataSource.getConnection();
             PreparedStatement query = connection.prepareStatement("SELECT r.id, r.report_type, c.name, r.error, r.finished_at "
                     + "FROM report_run r LEFT JOIN report_configuration c ON c.id = r.configuration_id "
                     + "WHERE r.status = 'failed' AND r.finished_at >= ? ORDER BY r.finished_at DESC, r.id "
                     + "FETCH FIRST " + limit + " ROWS ONLY")) {
            query.setObject(1, since.atOffset(ZoneOffset.UTC));
            try (ResultSet row = query.executeQuery()) {
                while (row.next()) {
                    failures.add(new Failure(row.getObject(1, UUID.class), row.getString(2), row.getString(3),
                            row.getString(4), row.getObject(5, OffsetDateTime.class).toInstant()));
                }
            }
        }
        return failures;
    }
}
