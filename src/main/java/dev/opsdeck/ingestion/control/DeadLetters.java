package dev.opsdeck.ingestion.control;

import dev.opsdeck.ingestion.entity.Stream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import javax.sql.DataSource;

/**
 * Keeps dead letters in Opsdeck's database. The same message dead-lettered again (a redelivery, a second
 * publish) updates its waiting entry's attempts and last-seen time instead of piling up copies. Every text stored
 * is bounded to its column ({@link DeadLetterFields}) and the body to what {@link MessageBody} kept of it.
 */
public class DeadLetters {

    private final DataSource dataSource;
    private final Clock clock;

    public DeadLetters(DataSource dataSource, Clock clock) {
        this.dataSource = dataSource;
        this.clock = clock;
    }

    public record Letter(Stream stream, String reason, MessageBody body, String headers, UUID eventId, String eventType,
                         int attempts) {
    }

    public void store(Letter letter) throws SQLException {
        Instant now = clock.instant();
        String fingerprint = fingerprint(letter.stream(), letter.body());
        String reason = DeadLetterFields.text(letter.reason(), DeadLetterFields.MAX_REASON);
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(true);
            for (int tries = 0; tries < 3; tries++) {
                if (seenAgain(connection, fingerprint, reason, letter.attempts(), now)) {
                    return;
                }
                try {
                    insert(connection, fingerprint, reason, letter, now);
                    return;
                } catch (SQLException e) {
                    if (!"23505".equals(e.getSQLState()) && !"23001".equals(e.getSQLState())) {
                        throw e;
                    }
                }
            }
        }
    }

    private static boolean seenAgain(Connection connection, String fingerprint, String reason, int attempts, Instant now)
            throws SQLException {
        try (PreparedStatement update = connection.prepareStatement(
                "UPDATE dead_letter SET attempts = attempts + ?, last_seen = ?, reason = ? WHERE waiting_fingerprint = ?")) {
            update.setInt(1, Math.max(1, attempts));
            update.setObject(2, ReadModelStatements.utc(now));
            update.setString(3, reason);
            update.setString(4, fingerprint);
            return update.executeUpdate() > 0;
        }
    }

    private static void insert(Connection connection, String fingerprint, String reason, Letter letter, Instant now)
            throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement("INSERT INTO dead_letter (waiting_fingerprint, stream, "
                + "reason, body, body_size, body_sha256, headers, event_id, event_type, attempts, first_seen, last_seen, state) "
                + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'waiting')")) {
            insert.setString(1, fingerprint);
            insert.setString(2, letter.stream().label());
            insert.setString(3, reason);
            insert.setBytes(4, letter.body().bytes());
            insert.setLong(5, letter.body().size());
            insert.setString(6, letter.body().sha256());
            insert.setString(7, DeadLetterFields.headersJson(letter.headers()));
            insert.setObject(8, letter.eventId());
            insert.setString(9, DeadLetterFields.text(letter.eventType(), DeadLetterFields.MAX_EVENT_TYPE));
            insert.setInt(10, Math.max(1, letter.attempts()));
            insert.setObject(11, ReadModelStatements.utc(now));
            insert.setObject(12, ReadModelStatements.utc(now));
            insert.executeUpdate();
        }
    }

    /** Resolves a waiting dead letter; false when it was not waiting (already resolved by someone else). */
    public boolean resolve(long id, String state, String by, String resolution) throws SQLException {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement update = connection.prepareStatement("UPDATE dead_letter SET state = ?, waiting_fingerprint = NULL, "
                     + "resolved_at = ?, resolved_by = ?, resolution = ? WHERE id = ? AND state = 'waiting'")) {
            connection.setAutoCommit(true);
            update.setString(1, state);
            update.setObject(2, ReadModelStatements.utc(clock.instant()));
            update.setString(3, DeadLetterFields.text(by, DeadLetterFields.MAX_RESOLVED_BY));
            update.setString(4, DeadLetterFields.text(resolution, DeadLetterFields.MAX_REASON));
            update.setLong(5, id);
            return update.executeUpdate() > 0;
        }
    }

    public void stillFailing(long id, String reason) throws SQLException {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement update = connection.prepareStatement(
                     "UPDATE dead_letter SET reason = ?, last_seen = ?, attempts = attempts + 1 WHERE id = ?")) {
            connection.setAutoCommit(true);
            update.setString(1, DeadLetterFields.text(reason, DeadLetterFields.MAX_REASON));
            update.setObject(2, ReadModelStatements.utc(clock.instant()));
            update.setLong(3, id);
            update.executeUpdate();
        }
    }

    public long waiting() throws SQLException {
        try (Connection connection = dataSource.getConnection();
             var count = connection.createStatement().executeQuery("SELECT COUNT(*) FROM dead_letter WHERE state = 'waiting'")) {
            count.next();
            return count.getLong(1);
        }
    }

    /** Waiting dead letters per stream label, for every instance sharing the database. */
    public Map<String, Long> waitingByStream() throws SQLException {
        Map<String, Long> waiting = new TreeMap<>();
        try (Connection connection = dataSource.getConnection();
             var counts = connection.createStatement().executeQuery(
                     "SELECT stream, COUNT(*) FROM dead_letter WHERE state = 'waiting' GROUP BY stream")) {
            while (counts.next()) {
                waiting.put(counts.getString(1), counts.getLong(2));
            }
        }
        return waiting;
    }

    /** One per stream and body; a body kept as a prefix is known by its whole size and hash. */
    static String fingerprint(Stream stream, MessageBody body) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            sha.update(stream.label().getBytes(StandardCharsets.UTF_8));
            sha.update((byte) 0);
            byte[] identity = body.complete() ? body.bytes()
                    : ("oversized " + body.size() + " " + body.sha256()).getBytes(StandardCharsets.UTF_8);
            return HexFormat.of().formatHex(sha.digest(identity));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
