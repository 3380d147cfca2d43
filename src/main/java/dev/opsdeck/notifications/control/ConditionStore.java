package dev.opsdeck.notifications.control;

import dev.opsdeck.notifications.entity.ConditionState;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;

/** The notification_condition table, on the caller's connection, so that a check's changes commit with its mail. */
public final class ConditionStore {

    private static final String COLUMNS = "rule_id, condition_key, detail, first_fired_at, last_notified_at, resolved_at";

    private ConditionStore() {
    }

    /** Every condition the checks remember, by rule and key. */
    static Map<Long, Map<String, ConditionState>> known(Connection connection) throws SQLException {
        Map<Long, Map<String, ConditionState>> known = new HashMap<>();
        for (ConditionState state : query(connection, "SELECT " + COLUMNS + " FROM notification_condition")) {
            known.computeIfAbsent(state.ruleId(), rule -> new HashMap<>()).put(state.key(), state);
        }
        return known;
    }

    static void insert(Connection connection, ConditionState state) throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement("INSERT INTO notification_condition (" + COLUMNS
                + ") VALUES (?, ?, ?, ?, ?, ?)")) {
            insert.setLong(1, state.ruleId());
            insert.setString(2, state.key());
            insert.setString(3, truncate(state.detail()));
            time(insert, 4, state.firstFiredAt());
            time(insert, 5, state.lastNotifiedAt());
            time(insert, 6, state.resolvedAt());
            insert.executeUpdate();
        }
    }

    static void update(Connection connection, ConditionState state) throws SQLException {
        try (PreparedStatement update = connection.prepareStatement("UPDATE notification_condition SET detail = ?, "
                + "first_fired_at = ?, last_notified_at = ?, resolved_at = ? WHERE rule_id = ? AND condition_key = ?")) {
            update.setString(1, truncate(state.detail()));
            time(update, 2, state.firstFiredAt());
            time(update, 3, state.lastNotifiedAt());
            time(update, 4, state.resolvedAt());
            update.setLong(5, state.ruleId());
            update.setString(6, state.key());
            update.executeUpdate();
        }
    }

    /** Forgets conditions that cleared before {@code before} (an approval decided long ago), so the table stays small. */
    static int forgetResolvedBefore(Connection connection, Instant before) throws SQLException {
        try (PreparedStatement delete = connection.prepareStatement(
                "DELETE FROM notification_condition WHERE resolved_at IS NOT NULL AND resolved_at < ?")) {
            delete.setObject(1, time(before));
            return delete.executeUpdate();
        }
    }

    /** For the console and API: the firing ones first, then the newest. */
    public static List<ConditionState> list(DataSource dataSource, int limit) throws SQLException {
        try (Connection connection = dataSource.getConnection()) {
            return query(connection, "SELECT " + COLUMNS + " FROM notification_condition ORDER BY "
                    + "CASE WHEN resolved_at IS NULL THEN 0 ELSE 1 END, first_fired_at DESC, rule_id, condition_key "
                    + "FETCH FIRST " + limit + " ROWS ONLY");
        }
    }

    private static List<ConditionState> query(Connection connection, String sql) throws SQLException {
        List<ConditionState> states = new ArrayList<>();
        try (PreparedStatement query = connection.prepareStatement(sql); ResultSet row = query.executeQuery()) {
            while (row.next()) {
                states.add(new ConditionState(row.getLong(1), row.getString(2), row.getString(3), instant(row, 4),
                        instant(row, 5), instant(row, 6)));
            }
        }
        return states;
    }

    private static Instant instant(ResultSet row, int column) throws SQLException {
        OffsetDateTime time = row.getObject(column, OffsetDateTime.class);
        return time == null ? null : time.toInstant();
    }

    private static OffsetDateTime time(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }

    private static void time(PreparedStatement statement, int index, Instant instant) throws SQLException {
        if (instant == null) {
            statement.setNull(index, Types.NULL);
        } else {
            statement.setObject(index, time(instant));
        }
    }

    private static String truncate(String text) {
        return text.length() <= 2000 ? text : text.substring(0, 1997) + "...";
    }
}
