package dev.opsdeck.schema.control;

import dev.opsdeck.configuration.InvalidConfigurationException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import javax.sql.DataSource;

/**
 * What the application's role may do, granted by the migration role after every migration: read and write
 * every table, but only read and append to the audit log, and only read the migration history. Then it checks
 * that the role really cannot rewrite the audit log (an owner, a superuser or a member of the migration role
 * could), and refuses to start if it can.
 */
public final class ApplicationRole {

    static final List<String> APPEND_ONLY = List.of("audit_log", "audit_log_target");
    static final String MIGRATION_HISTORY = "flyway_schema_history";
    private static final Pattern PLAIN_NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]{0,62}");

    private ApplicationRole() {
    }

    /**
     * On H2 the first connection creates the database and makes its user the admin, and the pool connects
     * (for Hibernate's metadata) before migrations run: so the owner creates the database and the
     * application's user first.
     */
    static void createOnH2(DatabaseSettings settings) {
        try (Connection connection = settings.migrationDataSource().getConnection();
             Statement statement = connection.createStatement()) {
            createUser(statement, plainName(settings.user()), settings.password());
        } catch (SQLException e) {
            throw new IllegalStateException("cannot open the embedded database as " + settings.migrationUser()
                    + ": " + e.getMessage(), e);
        }
    }

    static void grant(DataSource owner, DatabaseSettings settings) {
        String role = plainName(settings.user());
        try (Connection connection = owner.getConnection()) {
            connection.setAutoCommit(false);
            if (Migrations.isPostgres(connection)) {
                grantOnPostgres(connection, role);
            } else {
                grantOnH2(connection, role, settings.password());
            }
            connection.commit();
            List<String> rewritable = rewritable(connection, role);
            if (!rewritable.isEmpty()) {
                throw new InvalidConfigurationException("db.user (DB_USER)", "role " + role + " can still change "
                        + String.join(", ", rewritable) + ": it owns the tables, is a superuser or is a member of the "
                        + "migration role " + settings.migrationUser() + "; give the application a role of its own");
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot grant the application role " + role + " its rights: " + e.getMessage(), e);
        }
    }

    private static void grantOnPostgres(Connection connection, String role) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            // Instances of a fleet start together; grants on the same objects at once would collide.
            statement.execute("SELECT pg_advisory_xact_lock(hashtext('opsdeck.application-role'))");
            String schema = quoted(currentSchema(connection));
            String grantee = quoted(role);
            statement.execute("GRANT USAGE ON SCHEMA " + schema + " TO " + grantee);
            statement.execute("GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA " + schema + " TO " + grantee);
            statement.execute("GRANT USAGE, SELECT, UPDATE ON ALL SEQUENCES IN SCHEMA " + schema + " TO " + grantee);
            for (String table : APPEND_ONLY) {
                statement.execute("REVOKE UPDATE, DELETE, TRUNCATE ON " + schema + "." + table + " FROM " + grantee);
            }
            statement.execute("REVOKE INSERT, UPDATE, DELETE, TRUNCATE ON " + schema + "." + MIGRATION_HISTORY
                    + " FROM " + grantee);
        }
    }

    private static String plainName(String role) {
        if (!PLAIN_NAME.matcher(role).matches()) {
            throw new InvalidConfigurationException("db.user (DB_USER)",
                    "must be a plain role name (letters, digits, underscores) when db.migration.user is set, was " + role);
        }
        return role;
    }

    private static void createUser(Statement statement, String role, String password) throws SQLException {
        statement.execute("CREATE USER IF NOT EXISTS " + role + " PASSWORD '" + password.replace("'", "''") + "'");
    }

    private static void grantOnH2(Connection connection, String role, String password) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            createUser(statement, role, password);
            String schema = quoted(currentSchema(connection));
            for (String table : tables(connection)) {
                String rights = APPEND_ONLY.contains(table) || MIGRATION_HISTORY.equals(table)
                        ? (MIGRATION_HISTORY.equals(table) ? "SELECT" : "SELECT, INSERT")
                        : "SELECT, INSERT, UPDATE, DELETE";
                statement.execute("GRANT " + rights + " ON TABLE " + schema + "." + quoted(table) + " TO " + role);
            }
        }
    }

    /** The append-only tables the role could still update, delete from or truncate; empty is the goal. */
    static List<String> rewritable(Connection connection, String role) throws SQLException {
        List<String> rewritable = new ArrayList<>();
        if (Migrations.isPostgres(connection)) {
            String schema = currentSchema(connection);
            try (PreparedStatement check = connection.prepareStatement(
                    "SELECT has_table_privilege(?, ?, 'UPDATE') OR has_table_privilege(?, ?, 'DELETE') "
                            + "OR has_table_privilege(?, ?, 'TRUNCATE')")) {
                for (String table : APPEND_ONLY) {
                    String qualified = quoted(schema) + "." + table;
                    for (int i = 0; i < 3; i++) {
                        check.setString(2 * i + 1, role);
                        check.setString(2 * i + 2, qualified);
                    }
                    try (ResultSet result = check.executeQuery()) {
                        if (result.next() && result.getBoolean(1)) {
                            rewritable.add(table);
                        }
                    }
                }
            }
            return rewritable;
        }
        try (PreparedStatement admin = connection.prepareStatement(
                "SELECT is_admin FROM information_schema.users WHERE LOWER(user_name) = LOWER(?)")) {
            admin.setString(1, role);
            try (ResultSet result = admin.executeQuery()) {
                if (result.next() && result.getBoolean(1)) {
                    return List.copyOf(APPEND_ONLY);
                }
            }
        }
        try (PreparedStatement check = connection.prepareStatement("SELECT DISTINCT table_name FROM "
                + "information_schema.table_privileges WHERE LOWER(grantee) = LOWER(?) AND table_name IN (?, ?) "
                + "AND privilege_type IN ('UPDATE', 'DELETE')")) {
            check.setString(1, role);
            check.setString(2, APPEND_ONLY.get(0));
            check.setString(3, APPEND_ONLY.get(1));
            try (ResultSet result = check.executeQuery()) {
                while (result.next()) {
                    rewritable.add(result.getString(1));
                }
            }
        }
        return rewritable;
    }

    private static List<String> tables(Connection connection) throws SQLException {
        List<String> tables = new ArrayList<>();
        try (Statement statement = connection.createStatement();
             ResultSet result = statement.executeQuery("SELECT table_name FROM information_schema.tables "
                     + "WHERE table_schema = CURRENT_SCHEMA AND table_type = 'BASE TABLE'")) {
            while (result.next()) {
                tables.add(result.getString(1));
            }
        }
        return tables;
    }

    private static String currentSchema(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement();
             ResultSet result = statement.executeQuery("SELECT CURRENT_SCHEMA")) {
            result.next();
            return result.getString(1);
        }
    }

    private static String quoted(String identifier) {
        return '"' + identifier.replace("\"", "\"\"") + '"';
    }
}
