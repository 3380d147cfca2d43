package dev.opsdeck.schema.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.opsdeck.configuration.InvalidConfigurationException;
import dev.opsdeck.testing.Databases;
import dev.opsdeck.testing.MapConfig;
import java.nio.file.Files;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The application's role appends to the audit log and can do nothing else to it, on both databases. */
class ApplicationRoleIT {

    private static final List<String> REWRITES = List.of("UPDATE audit_log SET actor = 'mallory'",
            "DELETE FROM audit_log", "TRUNCATE TABLE audit_log", "DELETE FROM audit_log_target", "TRUNCATE TABLE audit_log_target",
            "DROP TABLE audit_log");

    @Test
    void theEmbeddedDatabaseRunsTheApplicationAsARoleThatOnlyAppendsToTheAuditLog() throws Exception {
        DatabaseSettings settings = DatabaseSettings.from(MapConfig.of(
                "opsdeck.data.dir", Files.createTempDirectory("opsdeck-roles-").toString()));
        assertTrue(settings.separateRoles(), settings.toString());
        // The container's pool connects first (Hibernate reads the database's metadata), then migrations run.
        new ConfiguredDataSource(settings).getConnection().close();
        Migrations.apply(settings);
        Migrations.apply(settings);

        assertOnlyAppends(settings, List.of("Not enough rights", "Cannot truncate"));
    }

    @Test
    void onPostgresqlTheApplicationRoleOnlyAppendsToTheAuditLogAndCannotDropItsGuard() throws Exception {
        Databases.SplitRoles roles = Databases.createPostgresDatabaseWithRoles("roles");
        try {
            DatabaseSettings settings = DatabaseSettings.from(MapConfig.of("db.url", roles.url(),
                    "db.user", roles.applicationRole(), "db.migration.user", roles.migrationRole()));
            Migrations.apply(settings);
            Migrations.apply(settings);

            assertOnlyAppends(settings, List.of("permission denied", "must be owner"));
            try (Connection application = settings.dataSource().getConnection(); Statement statement = application.createStatement()) {
                SQLException refused = assertThrows(SQLException.class,
                        () -> statement.execute("DROP TRIGGER audit_log_append_only ON audit_log"));
                assertTrue(refused.getMessage().contains("must be owner"), refused.getMessage());
            }
        } finally {
            Databases.dropPostgresDatabase(roles);
        }
    }

    @Test
    void aSuperuserAsTheApplicationRoleIsRefusedNamingTheKey() throws Exception {
        Databases.SplitRoles roles = Databases.createPostgresDatabaseWithRoles("superapp");
        try {
            DatabaseSettings settings = DatabaseSettings.from(MapConfig.of("db.url", roles.url(),
                    "db.user", "postgres", "db.migration.user", roles.migrationRole()));
            InvalidConfigurationException refused = assertThrows(InvalidConfigurationException.class,
                    () -> Migrations.apply(settings));
            assertTrue(refused.getMessage().contains("db.user (DB_USER)"), refused.getMessage());
            assertTrue(refused.getMessage().contains("audit_log"), refused.getMessage());
        } finally {
            Databases.dropPostgresDatabase(roles);
        }
    }

    @Test
    void oneRoleForBothKeepsTodaysSingleUserSetup() throws Exception {
        String url = Databases.createPostgresDatabase("onerole");
        try {
            DatabaseSettings settings = DatabaseSettings.from(MapConfig.of("db.url", url, "db.user", "postgres"));
            assertFalse(settings.separateRoles());
            Migrations.apply(settings);
            try (Connection connection = settings.dataSource().getConnection(); Statement statement = connection.createStatement()) {
                statement.execute(APPEND);
                SQLException refused = assertThrows(SQLException.class, () -> statement.execute(REWRITES.get(0)));
                assertTrue(refused.getMessage().contains("append-only"), "the trigger still guards: " + refused.getMessage());
            }
        } finally {
            Databases.dropPostgresDatabase(url);
        }
    }

    private static final String APPEND =
            "INSERT INTO audit_log (occurred_at, actor, action, outcome) VALUES (CURRENT_TIMESTAMP, 'ann', 'login', 'succeeded')";

    private static void assertOnlyAppends(DatabaseSettings settings, List<String> refusals) throws SQLException {
        try (Connection application = settings.dataSource().getConnection(); Statement statement = application.createStatement()) {
            statement.execute(APPEND);
            statement.execute("INSERT INTO audit_log_target (entry_id, target_type, target_id) "
                    + "SELECT MAX(id), 'account', 'a-1' FROM audit_log");
            String id = UUID.randomUUID().toString();
            statement.execute("INSERT INTO instance_start (id, started_at, version, host) VALUES ('" + id + "', CURRENT_TIMESTAMP, 'v', 'h')");
            assertEquals(1, statement.executeUpdate("UPDATE instance_start SET host = 'h2' WHERE id = '" + id + "'"));
            assertEquals(1, statement.executeUpdate("DELETE FROM instance_start WHERE id = '" + id + "'"));
            for (String rewrite : REWRITES) {
                SQLException refused = assertThrows(SQLException.class, () -> statement.execute(rewrite), rewrite);
                assertTrue(refusals.stream().anyMatch(refused.getMessage()::contains), rewrite + ": " + refused.getMessage());
            }
            var count = statement.executeQuery("SELECT COUNT(*), MIN(actor) FROM audit_log");
            count.next();
            assertEquals(1, count.getInt(1));
            assertEquals("ann", count.getString(2));
        }
    }
}
