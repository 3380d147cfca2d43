package dev.opsdeck.ingestion.control;

import dev.opsdeck.ingestion.control.FleetFigures.InstanceFigures;
import dev.opsdeck.ingestion.control.FleetFigures.State;
import dev.opsdeck.ingestion.control.IngestionStatistics.StreamFigures;
import dev.opsdeck.ingestion.entity.Outcome;
import dev.opsdeck.ingestion.entity.Stream;
import dev.opsdeck.schema.control.JdbcTransaction;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;

/**
 * This instance's heartbeat rows (its figures per stream, rewritten every few seconds) and the fleet's figures read
 * back from everyone's rows. Only this instance writes rows under its name, so an update-or-insert cannot race.
 */
public class Heartbeats {

    private static final String COLUMNS = "version, started_at, heartbeat_at, stopped_at, applied, duplicate, stale, unknown_types, "
            + "dead_lettered, retried, rate_now, rate_last_hour, lag_ms, last_event_at, last_applied_or_start, roles";
    private static final String UPDATE = "UPDATE instance_heartbeat SET version = ?, started_at = ?, heartbeat_at = ?, "
            + "stopped_at = ?, applied = ?, duplicate = ?, stale = ?, unknown_types = ?, dead_lettered = ?, retried = ?, rate_now = ?, "
            + "rate_last_hour = ?, lag_ms = ?, last_event_at = ?, last_applied_or_start = ?, roles = ? WHERE instance_name = ? AND stream = ?";
    private static final String INSERT = "INSERT INTO instance_heartbeat (" + COLUMNS + ", instance_name, stream) "
            + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";

    private final DataSource dataSource;
    private final String name;
    private final String version;
    private final String roles;
    private final Duration staleAfter;
    private final Duration forgetAfter;

    public Heartbeats(DataSource dataSource, String name, String version, String roles, Duration staleAfter, Duration forgetAfter) {
        this.dataSource = dataSource;
        this.name = name;
        this.version = version;
        this.roles = roles;
        this.staleAfter = staleAfter;
        this.forgetAfter = forgetAfter;
    }

    public String name() {
        return name;
    }

    public Duration staleAfter() {
        return staleAfter;
    }

    /** Writes this instance's figures as of now, and forgets instances silent for longer than the forget period. */
    public void beat(IngestionStatistics statistics, Instant now) throws SQLException {
        write(statistics, now, null);
    }

    /** The last heartbeat of a stopping instance: the fleet shows it as stopped rather than stale. */
    public void stopped(IngestionStatistics statistics, Instant now) throws SQLException {
        write(statistics, now, now);
    }

    private void write(IngestionStatistics statistics, Instant now, Instant stoppedAt) throws SQLException {
        JdbcTransaction.run(dataSource, connection -> {
            for (Stream stream : Stream.values()) {
                try (PreparedStatement update = connection.prepareStatement(UPDATE)) {
                    bind(update, statistics, stream, now, stoppedAt);
                    if (update.executeUpdate() == 0) {
                        try (PreparedStatement insert = connection.prepareStatement(INSERT)) {
                            bind(insert, statistics, stream, now, stoppedAt);
                            insert.executeUpdate();
                        }
                    }
                }
            }
            try (PreparedStatement forget = connection.prepareStatement(
                    "DELETE FROM instance_heartbeat WHERE heartbeat_at < ?")) {
                forget.setObject(1, at(now.minus(forgetAfter)));
                forget.executeUpdate();
            }
        });
    }

    private void bind(PreparedStatement statement, IngestionStatistics statistics, Stream stream, Instant now, Instant stoppedAt)
            throws SQLException {
        StreamFigures figures = statistics.figures(stream);
        statement.setString(1, version);
        statement.setObject(2, at(statistics.startedAt()));
        statement.setObject(3, at(now));
        statement.setObject(4, at(stoppedAt));
        int index = 5;
        for (Outcome outcome : Outcome.values()) {
            statement.setLong(index++, figures.outcomes().getOrDefault(outcome, 0L));
        }
        statement.setDouble(11, figures.eventsPerSecondNow());
        statement.setDouble(12, figures.eventsPerSecondLastHour());
        statement.setLong(13, figures.lag().toMillis());
        statement.setObject(14, at(figures.lastEventAt()));
        statement.setObject(15, at(statistics.lastAppliedOrStart(stream)));
        statement.setString(16, roles);
        statement.setString(17, name);
        statement.setString(18, stream.name().toLowerCase());
    }

    /**
     * Every instance's last heartbeat, this instance's replaced by its figures of this moment (so that one instance
     * alone shows exact figures), and their sum.
     */
    public FleetFigures fleet(IngestionStatistics self, Instant now) throws SQLException {
        Map<String, InstanceFigures> instances = read(now);
        instances.put(name, current(self, now));
        return FleetFigures.of(new ArrayList<>(instances.values()));
    }

    public FleetFigures alone(IngestionStatistics self, Instant now) {
        return FleetFigures.of(List.of(current(self, now)));
    }

    private InstanceFigures current(IngestionStatistics statistics, Instant now) {
        Map<Stream, StreamFigures> streams = new EnumMap<>(Stream.class);
        Map<Stream, Instant> applied = new EnumMap<>(Stream.class);
        for (Stream stream : Stream.values()) {
            streams.put(stream, statistics.figures(stream));
            applied.put(stream, statistics.lastAppliedOrStart(stream));
        }
        return new InstanceFigures(name, version, roles, statistics.startedAt(), now, null, State.LIVE, streams, applied);
    }

    private Map<String, InstanceFigures> read(Instant now) throws SQLException {
        Map<String, InstanceFigures> instances = new LinkedHashMap<>();
        try (Connection connection = dataSource.getConnection();
             PreparedStatement query = connection.prepareStatement("SELECT instance_name, stream, " + COLUMNS
                     + " FROM instance_heartbeat ORDER BY instance_name, stream")) {
            try (ResultSet row = query.executeQuery()) {
                while (row.next()) {
                    String instance = row.getString(1);
                    Stream stream = Stream.of(row.getString(2));
                    Instant heartbeatAt = instant(row, 5);
                    Instant stoppedAt = instant(row, 6);
                    State state = stoppedAt != null ? State.STOPPED
                            : heartbeatAt.isBefore(now.minus(staleAfter)) ? State.STALE : State.LIVE;
                    InstanceFigures figures = instances.computeIfAbsent(instance, n -> {
                        try {
                            return new InstanceFigures(n, row.getString(3), row.getString(18), instant(row, 4), heartbeatAt,
                                    stoppedAt, state, new EnumMap<>(Stream.class), new EnumMap<>(Stream.class));
                        } catch (SQLException e) {
                            throw new IllegalStateException("unreadable heartbeat of " + n + ": " + e.getMessage(), e);
                        }
                    });
                    Map<Outcome, Long> outcomes = new EnumMap<>(Outcome.class);
                    int index = 7;
                    for (Outcome outcome : Outcome.values()) {
                        outcomes.put(outcome, row.getLong(index++));
                    }
                    figures.streams().put(stream, new StreamFigures(outcomes, row.getDouble(13), row.getDouble(14),
                            Duration.ofMillis(row.getLong(15)), instant(row, 16)));
                    figures.lastAppliedOrStart().put(stream, instant(row, 17));
                }
            }
        }
        instances.values().removeIf(i -> i.streams().size() < Stream.values().length);
        return instances;
    }

    private static OffsetDateTime at(Instant instant) {
        return instant == null ? null : instant.atOffset(ZoneOffset.UTC);
    }

    private static Instant instant(ResultSet row, int column) throws SQLException {
        OffsetDateTime at = row.getObject(column, OffsetDateTime.class);
        return at == null ? null : at.toInstant();
    }
}
