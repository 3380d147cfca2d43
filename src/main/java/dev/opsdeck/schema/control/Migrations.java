package dev.opsdeck.schema.control;

import java.sql.Connection;
import java.sql.SQLException;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.configuration.FluentConfiguration;

public final class Migrations {

    private Migrations() {
    }

    public static int apply(DataSource dataSource) {
        return configure(dataSource)
                .failOnMissingLocations(true)
                .load()
                .migrate()
                .migrationsExecuted;
    }

    public static boolean pending(DataSource dataSource) {
        return configure(dataSource)
                .load()
                .info()
                .pending().length > 0;
    }

    /** PostgreSQL also gets what H2 cannot express in SQL, such as the audit log's append-only triggers. */
    private static FluentConfiguration configure(DataSource dataSource) {
        FluentConfiguration flyway = Flyway.configure(Migrations.class.getClassLoader()).dataSource(dataSource);
        return isPostgres(dataSource)
                ? flyway.locations("classpath:db/migration", "classpath:db/postgresql")
                : flyway.locations("classpath:db/migration");
    }

    private static boolean isPostgres(DataSource dataSource) {
        try (Connection connection = dataSource.getConnection()) {
            return connection.getMetaData().getDatabaseProductName().toLowerCase(java.util.Locale.ROOT).contains("postgres");
        } catch (SQLException e) {
            throw new IllegalStateException("cannot reach the database to migrate it: " + e.getMessage(), e);
        }
    }
}
