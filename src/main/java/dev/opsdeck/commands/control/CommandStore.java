package dev.opsdeck.commands.control;

import static dev.opsdeck.commands.control.CommandRows.COLUMNS;
import static dev.opsdeck.commands.control.CommandRows.time;

import dev.opsdeck.commands.entity.ActionCommand;
import dev.opsdeck.commands.entity.ActionKind;
import dev.opsdeck.commands.entity.CommandState;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
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

    /** A command claimed for one attempt, and the state it had before: {@code pending} means nothing was sent before. */
    public record Claim(ActionCommand command, CommandState before) {
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
                        due = CommandRows.read(row);
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

    private static String truncate(String text) {
        return text == null || text.length() <= 2000 ? text : text.substring(0, 1999) + "…";
    }

    private int update(String sql, Object... values) throws SQLException {
        return CommandRows.update(dataSource, sql, values);
    }

    private List<UUID> ids(String sql, Object... values) throws SQLException {
        return CommandRows.ids(dataSource, sql, values);
    }
}
