package dev.opsdeck.reports.control;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import javax.sql.DataSource;

/**
 * Deletes report files past their retention (the run stays, without a file), and fails runs left
 * "running" longer than any run takes, which happens when the instance running them was killed. The files
 * live in the database, so whichever instance runs this expires every instance's files.
 */
public class ReportHousekeeping {

    private final DataSource dataSource;
    private final Duration longestRun;
    private final Clock clock;

    public ReportHousekeeping(DataSource dataSource, Duration longestRun, Clock clock) {
        this.dataSource = dataSource;
        this.longestRun = longestRun;
        this.clock = clock;
    }

    public record Result(int filesDeleted, int runsAbandoned) {
    }

    public Result run() throws SQLException {
        Instant now = clock.instant();
        int deleted = 0;
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            for (Expired run : expired(connection, now)) {
                ReportFiles.delete(connection, run.id());
                try (PreparedStatement forget = connection.prepareStatement(
                        "UPDATE report_run SET file_name = NULL WHERE id = ? AND file_name = ?")) {
                    forget.setObject(1, run.id());
                    forget.setString(2, run.fileName());
                    deleted += forget.executeUpdate();
                }
                connection.commit();
            }
            try (PreparedStatement abandon = connection.prepareStatement("UPDATE report_run SET status = 'failed', finished_at = ?, "
                    + "error = 'abandoned: the instance running it stopped' WHERE status = 'running' AND started_at < ?")) {
                abandon.setObject(1, now.atOffset(ZoneOffset.UTC));
                abandon.setObject(2, now.minus(longestRun).atOffset(ZoneOffset.UTC));
                int abandoned = abandon.executeUpdate();
                connection.commit();
                return new Result(deleted, abandoned);
            }
        }
    }

    private record Expired(UUID id, String fileName) {
    }

    private static List<Expired> expired(Connection connection, Instant now) throws SQLException {
        List<Expired> expired = new ArrayList<>();
        try (PreparedStatement query = connection.prepareStatement(
                "SELECT id, file_name FROM report_run WHERE file_name IS NOT NULL AND expires_at < ?")) {
            query.setObject(1, now.atOffset(ZoneOffset.UTC));
            query.setMaxRows(1_000);
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    expired.add(new Expired(rows.getObject(1, UUID.class), rows.getString(2)));
                }
            }
        }
        return expired;
    }
}
