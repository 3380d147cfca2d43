package dev.opsdeck.reports.control;

import dev.opsdeck.reports.entity.ReportType;
import dev.opsdeck.tables.control.ReportFormat;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.spi.JsonProvider;
import java.io.StringReader;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.logging.Level;
import java.util.logging.Logger;
import javax.sql.DataSource;

/**
 * Queues the runs of schedules that are due, safely on any number of instances: an instance queues a run
 * only in the transaction where it moved the schedule's next due time forward from the value it read, so
 * of several instances reading the same due time exactly one wins; a unique index on (schedule, due time)
 * guards the run table too. A due time older than the grace period was missed while no instance ran:
 * CATCH_UP runs it once (for the latest missed time), SKIP does not.
 */
public class ReportScheduler {

    // one provider for all calls: Json.create... looks the provider up on the class path every time
    private static final JsonProvider JSON = JsonProvider.provider();

    public enum MissedRuns { CATCH_UP, SKIP }

    private static final Logger LOG = Logger.getLogger(ReportScheduler.class.getName());

    private final DataSource dataSource;
    private final Clock clock;
    private final MissedRuns missedRuns;
    private final Duration grace;

    public ReportScheduler(DataSource dataSource, Clock clock, MissedRuns missedRuns, Duration grace) {
        this.dataSource = dataSource;
        this.clock = clock;
        this.missedRuns = missedRuns;
        this.grace = grace;
    }

    record Due(long id, ReportType type, ReportFormat format, Map<String, String> parameters, Schedule schedule,
               Instant nextRunAt, String owner) {
    }

    public List<UUID> queueDue() throws SQLException {
        Instant now = clock.instant();
        List<UUID> queued = new ArrayList<>();
        for (Due due : due(now)) {
            claim(due, now).ifPresent(queued::add);
        }
        return queued;
    }

    private List<Due> due(Instant now) throws SQLException {
        List<Due> due = new ArrayList<>();
        try (Connection connection = dataSource.getConnection();
             PreparedStatement query = connection.prepareStatement("SELECT id, report_type, format, parameters, cron, "
                     + "time_zone, next_run_at, owner FROM report_configuration "
                     + "WHERE enabled = TRUE AND cron IS NOT NULL AND next_run_at <= ? ORDER BY next_run_at")) {
            query.setObject(1, now.atOffset(ZoneOffset.UTC));
            try (ResultSet row = query.executeQuery()) {
                while (row.next()) {
                    try {
                        JsonObject json = JSON.createReader(new StringReader(row.getString(4))).readObject();
                        Map<String, String> parameters = new LinkedHashMap<>();
                        json.keySet().forEach(name -> parameters.put(name, json.getString(name)));
                        due.add(new Due(row.getLong(1), ReportType.of(row.getString(2)).orElseThrow(),
                                ReportFormat.parse(row.getString(3)), parameters,
                                Schedule.parse(row.getString(5), row.getString(6)),
                                row.getObject(7, OffsetDateTime.class).toInstant(), row.getString(8)));
                    } catch (RuntimeException invalid) {
                        LOG.log(Level.WARNING, "Report configuration " + row.getLong(1) + " cannot be scheduled", invalid);
                    }
                }
            }
        }
        return due;
    }

    /** After a restart the latest missed time may be one that ran just before the stop. */
    private static boolean alreadyRan(Connection connection, long configuration, Instant dueTime) throws SQLException {
        try (PreparedStatement query = connection.prepareStatement(
                "SELECT 1 FROM report_run WHERE configuration_id = ? AND scheduled_for = ?")) {
            query.setLong(1, configuration);
            query.setObject(2, dueTime.atOffset(ZoneOffset.UTC));
            try (ResultSet row = query.executeQuery()) {
                return row.next();
            }
        }
    }

    private Optional<UUID> claim(Due due, Instant now) throws SQLException {
        boolean missed = due.nextRunAt().isBefore(now.minus(grace));
        Instant runFor = !missed ? due.nextRunAt()
                : missedRuns == MissedRuns.CATCH_UP ? due.schedule().latestDueAtOrBefore(now, due.nextRunAt().minusNanos(1))
                        .orElse(due.nextRunAt()) : null;
        Instant next = due.schedule().nextAfter(now).orElse(null);
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            try (PreparedStatement advance = connection.prepareStatement(
                    "UPDATE report_configuration SET next_run_at = ? WHERE id = ? AND next_run_at = ?")) {
                advance.setObject(1, next == null ? null : next.atOffset(ZoneOffset.UTC));
                advance.setLong(2, due.id());
                advance.setObject(3, due.nextRunAt().atOffset(ZoneOffset.UTC));
                if (advance.executeUpdate() != 1) {
                    connection.rollback();
                    return Optional.empty();
                }
                UUID run = null;
                if (runFor != null && !alreadyRan(connection, due.id(), runFor)) {
                    run = ReportRequests.queue(connection, new ReportRequests.Request(due.id(), due.type(), due.format(),
                            due.parameters(), "schedule (" + due.owner() + ")", runFor), now);
                }
                connection.commit();
                if (run == null) {
                    LOG.info(() -> "Report configuration " + due.id() + " missed " + due.nextRunAt() + "; nothing to run ("
                            + (runFor == null ? "skipped as configured" : "its latest due time already ran") + ")");
                }
                return Optional.ofNullable(run);
            } catch (SQLException e) {
                connection.rollback();
                if (e.getSQLState() != null && e.getSQLState().startsWith("23")) {
                    return Optional.empty();
                }
                throw e;
            }
        }
    }
}
