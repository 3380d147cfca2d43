package dev.opsdeck.schema.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.opsdeck.testing.Databases;
import java.sql.Connection;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sql.DataSource;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The readiness probe asks Flyway again only when the schema history has changed, and then sees what changed. */
class PendingMigrationsIT {

    @ParameterizedTest
    @ValueSource(strings = {"postgresql", "h2"})
    void flywayIsAskedOnlyWhenTheHistoryChanged(String database) throws Exception {
        DataSource dataSource = database.equals("postgresql") ? Databases.freshPostgres() : Databases.freshH2();
        AtomicInteger flywayAsked = new AtomicInteger();
        PendingMigrations pending = new PendingMigrations(dataSource, () -> {
            flywayAsked.incrementAndGet();
            return Migrations.pending(dataSource);
        });

        for (int probe = 0; probe < 5; probe++) {
            assertFalse(pending.any(), "a migrated database has nothing pending");
        }
        assertEquals(1, flywayAsked.get(), "one full check for an unchanged history");

        try (Connection connection = dataSource.getConnection()) {
            connection.createStatement().execute(
                    "DELETE FROM flyway_schema_history WHERE installed_rank = (SELECT MAX(installed_rank) FROM flyway_schema_history)");
        }
        assertTrue(pending.any(), "the last migration's history row is gone, as after restoring an older backup");
        assertTrue(pending.any());
        assertEquals(2, flywayAsked.get());
    }

    @ParameterizedTest
    @ValueSource(strings = {"postgresql", "h2"})
    void withoutAHistoryTableEveryProbeAsksFlyway(String database) throws Exception {
        DataSource dataSource = database.equals("postgresql") ? Databases.freshPostgres() : Databases.freshH2();
        try (Connection connection = dataSource.getConnection()) {
            connection.createStatement().execute("DROP TABLE flyway_schema_history");
        }
        AtomicInteger flywayAsked = new AtomicInteger();
        PendingMigrations pending = new PendingMigrations(dataSource, () -> {
            flywayAsked.incrementAndGet();
            return Migrations.pending(dataSource);
        });
        assertTrue(pending.any());
        assertTrue(pending.any());
        assertEquals(2, flywayAsked.get());
    }
}
