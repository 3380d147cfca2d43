package dev.opsdeck.notifications.control;

import dev.opsdeck.notifications.entity.NotificationKind;
import dev.opsdeck.notifications.entity.NotificationRule;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;

/** The notification_rule table: the rules admins set. */
public class NotificationRules {

    private static final String COLUMNS = "id, kind, threshold, stream, recipients, enabled, updated_by, updated_at";

    private final DataSource dataSource;

    public NotificationRules(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    public List<NotificationRule> list() throws SQLException {
        try (Connection connection = dataSource.getConnection()) {
            return query(connection, "SELECT " + COLUMNS + " FROM notification_rule ORDER BY id");
        }
    }

    public Optional<NotificationRule> find(long id) throws SQLException {
        try (Connection connection = dataSource.getConnection()) {
            return query(connection, "SELECT " + COLUMNS + " FROM notification_rule WHERE id = " + id).stream().findFirst();
        }
    }

    /** The enabled rules, read on the check's own connection. */
    static List<NotificationRule> enabled(Connection connection) throws SQLException {
        return query(connection, "SELECT " + COLUMNS + " FROM notification_rule WHERE enabled = TRUE ORDER BY id");
    }

    public long create(RuleDraft draft, String by, Instant now) throws SQLException {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement insert = connection.prepareStatement("INSERT INTO notification_rule (kind, threshold, stream, "
                     + "recipients, enabled, created_by, created_at, updated_by, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
                     Statement.RETURN_GENERATED_KEYS)) {
            bind(insert, draft);
            insert.setString(6, by);
            insert.setObject(7, now.atOffset(ZoneOffset.UTC));
            insert.setString(8, by);
            insert.setObject(9, now.atOffset(ZoneOffset.UTC));
            insert.executeUpdate();
            try (ResultSet keys = insert.getGeneratedKeys()) {
                keys.next();
                return keys.getLong(1);
            }
        }
    }

    /** False if there is no such rule. */
    public boolean update(long id, RuleDraft draft, String by, Instant now) throws SQLException {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement update = connection.prepareStatement("UPDATE notification_rule SET kind = ?, threshold = ?, "
                     + "stream = ?, recipients = ?, enabled = ?, updated_by = ?, updated_at = ? WHERE id = ?")) {
            bind(update, draft);
            update.setString(6, by);
            update.setObject(7, now.atOffset(ZoneOffset.UTC));
            update.setLong(8, id);
            return update.executeUpdate() == 1;
        }
    }

    private static void bind(PreparedStatement statement, RuleDraft draft) throws SQLException {
        statement.setString(1, draft.kind().label());
        if (draft.threshold() == null) {
            statement.setNull(2, Types.BIGINT);
        } else {
            statement.setLong(2, draft.threshold());
        }
        statement.setString(3, draft.stream());
        statement.setString(4, String.join(",", draft.recipients()));
        statement.setBoolean(5, draft.enabled());
    }

    private static List<NotificationRule> query(Connection connection, String sql) throws SQLException {
        List<NotificationRule> rules = new ArrayList<>();
        try (PreparedStatement query = connection.prepareStatement(sql); ResultSet row = query.executeQuery()) {
            while (row.next()) {
                Optional<NotificationKind> kind = NotificationKind.of(row.getString(2));
                if (kind.isEmpty()) {
                    continue;
                }
                long threshold = row.getLong(3);
                rules.add(new NotificationRule(row.getLong(1), kind.get(), row.wasNull() ? null : threshold, row.getString(4),
                        Arrays.stream(row.getString(5).split(",")).filter(a -> !a.isBlank()).toList(), row.getBoolean(6),
                        row.getString(7), row.getObject(8, OffsetDateTime.class).toInstant()));
            }
        }
        return rules;
    }
}
