package dev.opsdeck.commands.control;

import dev.opsdeck.commands.entity.ActionCommand;
import dev.opsdeck.commands.entity.ActionKind;
import dev.opsdeck.commands.entity.CommandState;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import javax.sql.DataSource;

/** The action_command table's rows as commands, and the JDBC that the outbox and its queries share. */
final class CommandRows {

    static final String COLUMNS = "id, idempotency_key, client_key, kind, target_id, parameters, reason, "
            + "requested_by, client_address, requested_at, state, outcome, attempts, last_status, last_message, "
            + "next_attempt_at, decided_by, decided_at, sent_at, answered_at, confirmed_at, confirmation_overdue, updated_at";

    private CommandRows() {
    }

    static Optional<ActionCommand> one(DataSource dataSource, String sql, Object... values) throws SQLException {
        List<ActionCommand> found = all(dataSource, sql, values);
        return found.isEmpty() ? Optional.empty() : Optional.of(found.get(0));
    }

    static List<ActionCommand> all(DataSource dataSource, String sql, Object... values) throws SQLException {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement query = connection.prepareStatement(sql)) {
            bind(query, values);
            try (ResultSet row = query.executeQuery()) {
                List<ActionCommand> found = new ArrayList<>();
                while (row.next()) {
                    found.add(read(row));
                }
                return found;
            }
        }
    }

    static List<UUID> ids(DataSource dataSource, String sql, Object... values) throws SQLException {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement query = connection.prepareStatement(sql)) {
            bind(query, values);
            try (ResultSet row = query.executeQuery()) {
                List<UUID> found = new ArrayList<>();
                while (row.next()) {
                    found.add(row.getObject(1, UUID.class));
                }
                return found;
            }
        }
    }

    static int update(DataSource dataSource, String sql, Object... values) throws SQLException {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement update = connection.prepareStatement(sql)) {
            bind(update, values);
            return update.executeUpdate();
        }
    }

    private static void bind(PreparedStatement statement, Object... values) throws SQLException {
        for (int i = 0; i < values.length; i++) {
            if (values[i] == null) {
                statement.setNull(i + 1, Types.NULL);
            } else {
                statement.setObject(i + 1, values[i]);
            }
        }
    }

    static ActionCommand read(ResultSet row) throws SQLException {
        Integer status = row.getObject("last_status", Integer.class);
        return new ActionCommand(row.getObject("id", UUID.class), row.getObject("idempotency_key", UUID.class),
                row.getString("client_key"), ActionKind.of(row.getString("kind")).orElseThrow(),
                row.getObject("target_id", UUID.class), row.getString("parameters"), row.getString("reason"),
                row.getString("requested_by"), row.getString("client_address"), instant(row, "requested_at"),
                CommandState.of(row.getString("state")).orElseThrow(), row.getString("outcome"), row.getInt("attempts"),
                status, row.getString("last_message"), instant(row, "next_attempt_at"),
                row.getString("decided_by"), instant(row, "decided_at"), instant(row, "sent_at"),
                instant(row, "answered_at"), instant(row, "confirmed_at"), row.getBoolean("confirmation_overdue"),
                instant(row, "updated_at"));
    }

    private static Instant instant(ResultSet row, String column) throws SQLException {
        OffsetDateTime value = row.getObject(column, OffsetDateTime.class);
        return value == null ? null : value.toInstant();
    }

    static OffsetDateTime time(Instant instant) {
        return instant == null ? null : instant.atOffset(ZoneOffset.UTC);
    }
}
