package dev.opsdeck.commands.control;

import static dev.opsdeck.commands.control.CommandRows.COLUMNS;
import static dev.opsdeck.commands.control.CommandRows.time;

import dev.opsdeck.api.control.KeysetCursor.TimeAndId;
import dev.opsdeck.api.control.KeysetPage;
import dev.opsdeck.commands.entity.ActionCommand;
import dev.opsdeck.commands.entity.ActionKind;
import dev.opsdeck.commands.entity.CommandState;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import javax.sql.DataSource;

/** Reads commands for the console, the API and the outbox's own checks; changes of state are {@link CommandStore}'s. */
public class CommandQueries {

    private final DataSource dataSource;

    public CommandQueries(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    public Optional<ActionCommand> find(UUID id) throws SQLException {
        return one("SELECT " + COLUMNS + " FROM action_command WHERE id = ?", id);
    }

    public Optional<ActionCommand> findByClientKey(String requestedBy, String clientKey) throws SQLException {
        return one("SELECT " + COLUMNS + " FROM action_command WHERE requested_by = ? AND client_key = ?", requestedBy, clientKey);
    }

    /** A command on the target that is still under way, so a second one would ask the service twice. */
    public Optional<ActionCommand> openFor(UUID targetId, ActionKind kind) throws SQLException {
        return one("SELECT " + COLUMNS + " FROM action_command WHERE target_id = ? AND kind = ? "
                + "AND state IN ('awaiting_approval', 'pending', 'sent', 'accepted') ORDER BY requested_at DESC "
                + "FETCH FIRST 1 ROWS ONLY", targetId, kind.label());
    }

    public long countOverdue() throws SQLException {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement query = connection.prepareStatement(
                     "SELECT COUNT(*) FROM action_command WHERE state = 'accepted' AND confirmation_overdue = TRUE");
             ResultSet row = query.executeQuery()) {
            row.next();
            return row.getLong(1);
        }
    }

    /** Commands held for a second operator, oldest first. */
    public List<ActionCommand> awaitingApproval(int limit) throws SQLException {
        return all("SELECT " + COLUMNS + " FROM action_command WHERE state = 'awaiting_approval' ORDER BY requested_at, id "
                + "FETCH FIRST " + limit + " ROWS ONLY");
    }

    /** Commands that failed (gave up) at or after {@code since}, newest first. */
    public List<ActionCommand> failedSince(Instant since, int limit) throws SQLException {
        return all("SELECT " + COLUMNS + " FROM action_command WHERE state = 'failed' AND updated_at >= ? "
                + "ORDER BY updated_at DESC, id FETCH FIRST " + limit + " ROWS ONLY", time(since));
    }

    /** Newest first, one keyset page. */
    public KeysetPage<ActionCommand> page(Optional<CommandState> state, Optional<UUID> targetId, Optional<TimeAndId> after,
                                          int size) throws SQLException {
        StringBuilder sql = new StringBuilder("SELECT " + COLUMNS + " FROM action_command WHERE 1 = 1");
        List<Object> values = new ArrayList<>();
        state.ifPresent(s -> {
            sql.append(" AND state = ?");
            values.add(s.label());
        });
        targetId.ifPresent(t -> {
            sql.append(" AND target_id = ?");
            values.add(t);
        });
        after.ifPresent(a -> {
            sql.append(" AND (requested_at < ? OR (requested_at = ? AND id < ?))");
            values.add(time(a.at()));
            values.add(time(a.at()));
            values.add(a.id());
        });
        sql.append(" ORDER BY requested_at DESC, id DESC FETCH FIRST ").append(size + 1).append(" ROWS ONLY");
        return KeysetPage.of(all(sql.toString(), values.toArray()), size, c -> new TimeAndId(c.requestedAt(), c.id()));
    }

    private Optional<ActionCommand> one(String sql, Object... values) throws SQLException {
        return CommandRows.one(dataSource, sql, values);
    }

    private List<ActionCommand> all(String sql, Object... values) throws SQLException {
        return CommandRows.all(dataSource, sql, values);
    }
}
