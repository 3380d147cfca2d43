package dev.opsdeck.schema.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.opsdeck.configuration.InvalidConfigurationException;
import dev.opsdeck.configuration.MissingConfigurationException;
import dev.opsdeck.testing.MapConfig;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class DatabaseSettingsTest {

    @Test
    void withoutUrlTheEmbeddedDatabaseLivesUnderTheDataDirectory() {
        DatabaseSettings settings = DatabaseSettings.from(MapConfig.of("opsdeck.data.dir", "/var/opsdeck"));
        assertTrue(settings.embedded());
        assertTrue(settings.url().startsWith("jdbc:h2:file:" + Path.of("/var/opsdeck/db/opsdeck") + ";"), settings.url());
    }

    @Test
    void configuredUrlSelectsPostgres() {
        DatabaseSettings settings = DatabaseSettings.from(MapConfig.of(
                "db.url", "jdbc:postgresql://db:5432/opsdeck", "db.user", "ops", "db.password", "secret"));
        assertFalse(settings.embedded());
        assertEquals("ops", settings.user());
        assertTrue(settings.dataSource() instanceof org.postgresql.ds.PGSimpleDataSource);
    }

    @Test
    void prodProfileWithoutUrlNamesTheMissingKey() {
        var failure = assertThrows(MissingConfigurationException.class,
                () -> DatabaseSettings.from(MapConfig.of("mp.config.profile", "prod")));
        assertTrue(failure.getMessage().contains("db.url"), failure.getMessage());
        assertTrue(failure.getMessage().contains("DB_URL"), failure.getMessage());
    }

    @Test
    void prodProfileWithUrlStarts() {
        DatabaseSettings settings = DatabaseSettings.from(MapConfig.of(
                "mp.config.profile", "prod", "db.url", "jdbc:postgresql://db/opsdeck"));
        assertFalse(settings.embedded());
    }

    @Test
    void unsupportedDatabaseIsRefusedWithoutPrintingItsPassword() {
        var failure = assertThrows(InvalidConfigurationException.class, () -> DatabaseSettings.from(
                MapConfig.of("db.url", "jdbc:mysql://user:hunter2@db/opsdeck")));
        assertTrue(failure.getMessage().contains("jdbc:postgresql:"), failure.getMessage());
        assertFalse(failure.getMessage().contains("hunter2"), failure.getMessage());
    }

    @Test
    void toStringHidesThePassword() {
        DatabaseSettings settings = DatabaseSettings.from(MapConfig.of(
                "db.url", "jdbc:postgresql://db/opsdeck?password=hunter2", "db.password", "hunter2"));
        assertFalse(settings.toString().contains("hunter2"), settings.toString());
    }

    @Test
    void theEmbeddedDatabaseMigratesAsItsOwnerAndRunsAsAnApplicationRole() {
        DatabaseSettings settings = DatabaseSettings.from(MapConfig.of("opsdeck.data.dir", "/var/opsdeck"));
        assertEquals("opsdeck", settings.migrationUser());
        assertEquals("opsdeck_app", settings.user());
        assertTrue(settings.separateRoles());
    }

    @Test
    void aMigrationRoleSeparatesTheRolesAndHasItsOwnPassword() {
        DatabaseSettings settings = DatabaseSettings.from(MapConfig.of("db.url", "jdbc:postgresql://db/opsdeck",
                "db.user", "opsdeck_app", "db.password", "app-secret",
                "db.migration.user", "opsdeck_owner", "db.migration.password", "owner-secret"));
        assertTrue(settings.separateRoles());
        assertEquals("opsdeck_owner", settings.migrationUser());
        assertEquals("owner-secret", settings.migrationPassword());
        assertEquals("app-secret", settings.password());
    }

    @Test
    void withoutAMigrationRoleOneRoleServesBoth() {
        DatabaseSettings settings = DatabaseSettings.from(MapConfig.of("db.url", "jdbc:postgresql://db/opsdeck",
                "db.user", "ops", "db.password", "secret"));
        assertFalse(settings.separateRoles());
        assertEquals("secret", settings.migrationPassword());
    }

    @Test
    void aMigrationRoleWithoutAnApplicationRoleIsRefused() {
        var failure = assertThrows(InvalidConfigurationException.class, () -> DatabaseSettings.from(MapConfig.of(
                "db.url", "jdbc:postgresql://db/opsdeck", "db.migration.user", "opsdeck_owner")));
        assertTrue(failure.getMessage().contains("db.user (DB_USER)"), failure.getMessage());
    }
}
