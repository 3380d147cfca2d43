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

/**
 * The outbox table. Every change of state is a conditional update from the state it expects, so two instances
 * (or an answer arriving after a confirmation) can never move a command backwards; attempts are claimed with
 * {@code FOR UPDATE SKIP LOCKED}, so instances share the due commands without waiting on each other.
 */
public class CommandStore {

    private static final String COLUMNS = "id, idempotency_key, client_key, kind, target_id, parameters, reason, "
            + "requested_by, client_address, requested_at, state, outcome, attempts, last_status, last_message, "
            + "next_attempt_at, decided_by, decided_at, sent_at, answered_at, confirmed_at, confirmation_overdue, updated_at";

    /** A command claimed for one attempt, and the state it had before: {@code pending} means nothing was sent before. */
    public record Claim(ActionCommand command, CommandState before) {
    }

    public record Cursor(Instant requestedAt, UUID id) {
    }

    private final DataSource dataSource;

    public CommandStore(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    public void insert(ActionCommand command) throws SQLException {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement insert = connection.prepareStatement("INSERT INTO action_command (" + COLUMNS
                     + ", target_type) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            insert.setObject(1, command.id());
            insert.setObject(2, command.idempotencyKey());
            insert.setString(3, command.clientKey());
            insert.setString(4, command.kind().label());
            insert.setObject(5, command.targetId());
            insert.setString(6, command.parameters());
            insert.setString(7, command.reason());
            insert.setString(8, command.requestedBy());
            insert.setString(9, command.clientAddress());
            insert.setObject(10, time(command.requestedAt()));
            insert.setString(11, command.state().label());
            insert.setString(12, command.outcome());
            insert.setInt(13, command.attempts());
            insert.setNull(14, Types.INTEGER);
            insert.setString(15, null);
            insert.setObject(16, time(command.nextAttemptAt()));
            insert.setString(17, null);
            insert.setObject(18, null);
            insert.setObject(19, null);
            insert.setObject(20, null);
            insert.setObject(21, null);
            insert.setBoolean(22, false);
            insert.setObject(23, time(command.updatedAt()));
            insert.setString(24, command.kind().targetType());
            insert.executeUpdate();
        }
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

    /**
     * Claims one due command (the given one, or any) for an attempt: marks it {@code sent}, counts the attempt and
     * leases it until {@code leaseEnd}, in a transaction of its own, so a crash during the call leaves it to be
     * resumed after the lease with the same idempotency key.
     */
    public Optional<Claim> claim(Optional<UUID> id, Instant now, Instant leaseEnd) throws SQLException {
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            try {
                String sql = "SELECT " + COLUMNS + " FROM action_command WHERE state IN ('pending', 'sent') "
                        + "AND next_attempt_at <= ?" + (id.isPresent() ? " AND id = ?" : "")
                        + " ORDER BY next_attempt_at FETCH FIRST 1 ROWS ONLY FOR UPDATE SKIP LOCKED";
                ActionCommand due;
                try (PreparedStatement select = connection.prepareStatement(sql)) {
                    select.setObject(1, time(now));
                    if (id.isPresent()) {
                        select.setObject(2, id.get());
                    }
                    try (ResultSet row = select.executeQuery()) {
                        if (!row.next()) {
                            connection.rollback();
                            return Optional.empty();
                        }
                        due = read(row);
                    }
                }
                try (PreparedStatement update = connection.prepareStatement("UPDATE action_command SET state = 'sent', "
                        + "attempts = attempts + 1, sent_at = COALESCE(sent_at, ?), next_attempt_at = ?, updated_at = ? WHERE id = ?")) {
                    update.setObject(1, time(now));
                    update.setObject(2, time(leaseEnd));
                    update.setObject(3, time(now));
                    update.setObject(4, due.id());
                    update.executeUpdate();
                }
                connection.commit();
                ActionCommand claimed = new ActionCommand(due.id(), due.idempotencyKey(), due.clientKey(), due.kind(),
                        due.targetId(), due.parameters(), due.reason(), due.requestedBy(), due.clientAddress(),
                        due.requestedAt(), CommandState.SENT, due.outcome(), due.attempts() + 1, due.lastStatus(),
                        due.lastMessage(), leaseEnd, due.decidedBy(), due.decidedAt(),
                        due.sentAt() == null ? now : due.sentAt(), due.answeredAt(), due.confirmedAt(),
                        due.confirmationOverdue(), now);
                return Optional.of(new Claim(claimed, due.state()));
            } catch (SQLException | RuntimeException e) {
                connection.rollback();
                throw e;
            } finally {
                // a pooled connection must not go back in manual-commit mode: its next user's updates would never commit
                connection.setAutoCommit(true);
            }
        }
    }

    /** Records a final answer (or giving up) of a command that is {@code sent}; false if it moved on meanwhile. */
    public boolean finish(UUID id, CommandState to, Integer status, String message, String outcome, Instant now) throws SQLException {
        return update("UPDATE action_command SET state = ?, last_status = ?, last_message = ?, outcome = ?, "
                + "answered_at = ?, next_attempt_at = NULL, updated_at = ? WHERE id = ? AND state = 'sent'",
                to.label(), status, truncate(message), truncate(outcome), time(now), time(now), id) == 1;
    }

    /** Ends this instance's lease of a command whose call is under way: it is due again now, for any instance. */
    public boolean handBack(UUID id, Instant now) throws SQLException {
        return update("UPDATE action_command SET next_attempt_at = ?, updated_at = ? WHERE id = ? AND state = 'sent'",
                time(now), time(now), id) == 1;
    }

    /** Keeps a command whose attempt got no answer {@code sent}, due again at {@code next}. */
    public boolean retryLater(UUID id, Integer status, String message, String outcome, Instant next, Instant now) throws SQLException {
        return update("UPDATE action_command SET last_status = ?, last_message = ?, outcome = ?, next_attempt_at = ?, "
                + "updated_at = ? WHERE id = ? AND state = 'sent'", status, truncate(message), truncate(outcome),
                time(next), time(now), id) == 1;
    }

    /** Nothing was sent in this attempt, and nothing before it: the command goes back to {@code pending} or fails. */
    public boolean unsent(UUID id, CommandState to, String message, String outcome, Instant next, Instant now) throws SQLException {
        return update("UPDATE action_command SET state = ?, sent_at = NULL, last_message = ?, outcome = ?, "
                + "next_attempt_at = ?, answered_at = ?, updated_at = ? WHERE id = ? AND state = 'sent'", to.label(),
                truncate(message), truncate(outcome), time(next), to == CommandState.FAILED ? time(now) : null, time(now), id) == 1;
    }

    /** Approval or rejection by a second operator of a command awaiting it. */
    public boolean decide(UUID id, CommandState to, String decidedBy, String outcome, Instant now) throws SQLException {
        return update("UPDATE action_command SET state = ?, decided_by = ?, decided_at = ?, outcome = ?, "
                + "next_attempt_at = ?, answered_at = ?, updated_at = ? WHERE id = ? AND state = 'awaiting_approval'",
                to.label(), decidedBy, time(now), truncate(outcome), to == CommandState.PENDING ? time(now) : null,
                to == CommandState.REJECTED ? time(now) : null, time(now), id) == 1;
    }

    /** Commands of the kind whose target's read model now shows the change they asked for. */
    public List<UUID> confirmable(ActionKind kind, int limit) throws SQLException {
        String table = kind.targetType().equals("payment") ? "payments_read r ON r.payment_id" : "accounts_read r ON r.account_id";
        String statuses = String.join(", ", kind.confirmingStatuses().stream().map(s -> "'" + s + "'").toList());
        return ids("SELECT c.id FROM action_command c JOIN " + table + " = c.target_id WHERE c.kind = ? "
                + "AND c.state IN ('sent', 'accepted') AND r.status IN (" + statuses + ") FETCH FIRST " + limit + " ROWS ONLY",
                kind.label());
    }

    public boolean confirm(UUID id, Instant now) throws SQLException {
        return update("UPDATE action_command SET state = 'confirmed', confirmed_at = ?, next_attempt_at = NULL, "
                + "answered_at = COALESCE(answered_at, ?), outcome = 'confirmed by the service''s event', updated_at = ? "
                + "WHERE id = ? AND state IN ('sent', 'accepted')", time(now), time(now), time(now), id) == 1;
    }

    public List<UUID> overdue(Instant answeredBefore, int limit) throws SQLException {
        return ids("SELECT id FROM action_command WHERE state = 'accepted' AND confirmation_overdue = FALSE "
                + "AND answered_at < ? FETCH FIRST " + limit + " ROWS ONLY", time(answeredBefore));
    }

    public boolean flagOverdue(UUID id, Instant now) throws SQLException {
        return update("UPDATE action_command SET confirmation_overdue = TRUE, updated_at = ? WHERE id = ? "
                + "AND state = 'accepted' AND confirmation_overdue = FALSE", time(now), id) == 1;
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

    /** Newest first, one keyset page. */
    public List<ActionCommand> page(Optional<CommandState> state, Optional<UUID> targetId, Optional<Cursor> after,
                                    int limit) throws SQLException {
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
            values.add(time(a.requestedAt()));
            values.add(time(a.requestedAt()));
            values.add(a.id());
        });
        sql.append(" ORDER BY requested_at DESC, id DESC FETCH FIRST ").append(limit).append(" ROWS ONLY");
        return all(sql.toString(), values.toArray());
    }

    private Optional<ActionCommand> one(String sql, Object... values) throws SQLException {
        List<ActionCommand> found = all(sql, values);
        return found.isEmpty() ? Optional.empty() : Optional.of(found.get(0));
    }

    private List<ActionCommand> all(String sql, Object... values) throws SQLException {
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

    private List<UUID> ids(String sql, Object... values) throws SQLException {
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

    private int update(String sql, Object... values) throws SQLException {
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

    private static ActionCommand read(ResultSet row) throws SQLException {
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

    private static OffsetDateTime time(Instant instant) {
        return instant == null ? null : instant.atOffset(ZoneOffset.UTC);
    }

    private static String truncate(String text) {
        return text == null || text.length() <= 2000 ? text : text.substring(0, 1999) + "…";
    }
}
