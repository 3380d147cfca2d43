package dev.opsdeck.mail.control;

import dev.opsdeck.mail.entity.MailMessage;
import dev.opsdeck.mail.entity.MailState;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import javax.sql.DataSource;

/**
 * The outbox table. A message is claimed for one attempt with a lease (its due time moved to the lease's end in a
 * transaction of its own, the row locked with SKIP LOCKED), so of several instances exactly one sends it, and a crash
 * mid-attempt leaves it to be sent again after the lease, with the same Message-ID.
 */
public class MailOutbox {

    private static final String COLUMNS = "id, message_id, kind, reference, recipients, subject, size_bytes, state, "
            + "attempts, next_attempt_at, last_answer, created_at, sent_at";

    private final DataSource dataSource;

    public MailOutbox(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    public record Claimed(UUID id, String messageId, String recipients, byte[] mime, int attempts, Instant createdAt) {
    }

    /** Queues a composed message on the caller's connection, so that it commits or rolls back with what decided to send it. */
    public static UUID enqueue(Connection connection, MailComposer.Composed composed, String kind, String reference,
                               List<String> recipients, String subject, Instant now) throws SQLException {
        UUID id = UUID.randomUUID();
        try (PreparedStatement insert = connection.prepareStatement("INSERT INTO mail_message (id, message_id, kind, "
                + "reference, recipients, subject, mime, size_bytes, state, attempts, next_attempt_at, created_at, updated_at) "
                + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, 'queued', 0, ?, ?, ?)")) {
            insert.setObject(1, id);
            insert.setString(2, composed.messageId());
            insert.setString(3, kind);
            insert.setString(4, reference);
            insert.setString(5, truncate(String.join(", ", recipients), 4000));
            insert.setString(6, truncate(subject, 500));
            insert.setBytes(7, composed.mime());
            insert.setLong(8, composed.mime().length);
            insert.setObject(9, time(now));
            insert.setObject(10, time(now));
            insert.setObject(11, time(now));
            insert.executeUpdate();
        }
        return id;
    }

    public Optional<Claimed> claim(Instant now, Instant leaseEnd) throws SQLException {
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            try {
                Claimed due;
                try (PreparedStatement select = connection.prepareStatement("SELECT id, message_id, recipients, mime, "
                        + "attempts, created_at FROM mail_message WHERE state = 'queued' AND next_attempt_at <= ? "
                        + "ORDER BY next_attempt_at FETCH FIRST 1 ROWS ONLY FOR UPDATE SKIP LOCKED")) {
                    select.setObject(1, time(now));
                    try (ResultSet row = select.executeQuery()) {
                        if (!row.next()) {
                            connection.rollback();
                            return Optional.empty();
                        }
                        due = new Claimed(row.getObject(1, UUID.class), row.getString(2), row.getString(3), row.getBytes(4),
                                row.getInt(5) + 1, row.getObject(6, OffsetDateTime.class).toInstant());
                    }
                }
                try (PreparedStatement lease = connection.prepareStatement("UPDATE mail_message SET attempts = attempts + 1, "
                        + "next_attempt_at = ?, updated_at = ? WHERE id = ?")) {
                    lease.setObject(1, time(leaseEnd));
                    lease.setObject(2, time(now));
                    lease.setObject(3, due.id());
                    lease.executeUpdate();
                }
                connection.commit();
                return Optional.of(due);
            } catch (SQLException | RuntimeException e) {
                connection.rollback();
                throw e;
            } finally {
                // a pooled connection must not go back in manual-commit mode
                connection.setAutoCommit(true);
            }
        }
    }

    public boolean sent(UUID id, String answer, Instant now) throws SQLException {
        return update("UPDATE mail_message SET state = 'sent', last_answer = ?, sent_at = ?, next_attempt_at = NULL, "
                + "updated_at = ? WHERE id = ? AND state = 'queued'", truncate(answer, 2000), time(now), time(now), id) == 1;
    }

    public boolean retryLater(UUID id, String answer, Instant next, Instant now) throws SQLException {
        return update("UPDATE mail_message SET last_answer = ?, next_attempt_at = ?, updated_at = ? WHERE id = ? "
                + "AND state = 'queued'", truncate(answer, 2000), time(next), time(now), id) == 1;
    }

    public boolean failed(UUID id, String answer, Instant now) throws SQLException {
        return update("UPDATE mail_message SET state = 'failed', last_answer = ?, next_attempt_at = NULL, updated_at = ? "
                + "WHERE id = ? AND state = 'queued'", truncate(answer, 2000), time(now), id) == 1;
    }

    /** Queues a failed message again, due now, with the same Message-ID; false unless it was failed. */
    public boolean resend(UUID id, Instant now) throws SQLException {
        return update("UPDATE mail_message SET state = 'queued', attempts = 0, next_attempt_at = ?, updated_at = ? "
                + "WHERE id = ? AND state = 'failed'", time(now), time(now), id) == 1;
    }

    public Optional<MailMessage> find(UUID id) throws SQLException {
        List<MailMessage> found = query("SELECT " + COLUMNS + " FROM mail_message WHERE id = ?", 1, id);
        return found.stream().findFirst();
    }

    /** The newest messages first, optionally of one state. */
    public List<MailMessage> list(Optional<MailState> state, int limit) throws SQLException {
        return state.isPresent()
                ? query("SELECT " + COLUMNS + " FROM mail_message WHERE state = ? ORDER BY created_at DESC, id", limit,
                        state.get().label())
                : query("SELECT " + COLUMNS + " FROM mail_message ORDER BY created_at DESC, id", limit);
    }

    private List<MailMessage> query(String sql, int limit, Object... parameters) throws SQLException {
        List<MailMessage> messages = new ArrayList<>();
        try (Connection connection = dataSource.getConnection(); PreparedStatement query = connection.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                query.setObject(i + 1, parameters[i]);
            }
            query.setMaxRows(limit);
            try (ResultSet row = query.executeQuery()) {
                while (row.next()) {
                    messages.add(new MailMessage(row.getObject(1, UUID.class), row.getString(2), row.getString(3),
                            row.getString(4), row.getString(5), row.getString(6), row.getLong(7),
                            MailState.of(row.getString(8)).orElseThrow(), row.getInt(9), instant(row, 10),
                            row.getString(11), instant(row, 12), instant(row, 13)));
                }
            }
        }
        return messages;
    }

    private int update(String sql, Object... parameters) throws SQLException {
        try (Connection connection = dataSource.getConnection(); PreparedStatement update = connection.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                update.setObject(i + 1, parameters[i]);
            }
            return update.executeUpdate();
        }
    }

    private static Instant instant(ResultSet row, int column) throws SQLException {
        OffsetDateTime time = row.getObject(column, OffsetDateTime.class);
        return time == null ? null : time.toInstant();
    }

    private static OffsetDateTime time(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }

    private static String truncate(String text, int max) {
        return text == null || text.length() <= max ? text : text.substring(0, max);
    }
}
