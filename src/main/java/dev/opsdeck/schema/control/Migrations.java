package dev.opsdeck.schema.control;

import java.sql.Connection;
import java.sql.SQLException;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.configuration.FluentConfiguration;

public final class Migrations {

    private Migrations() {
    }

    /** Migrates as the migration role, then grants the application's role its rights when it is another. */
    public static int apply(DatabaseSettings settings) {
        DataSource owner = settings.migrationDataSource();
        int applied = apply(owner);
        if (settings.separateRoles()) {
            ApplicationRole.grant(owner, settings);
        }
        return applied;
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
            return isPostgres(connection);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot reach the database to migrate it: " + e.getMessage(), e);
        }
    }

    static boolean isPostgres(Connection connection) throws SQLException {
        return connection.getMetaData().getDatabaseProductName().toLowerCase(java.util.Locale.ROOT).contains("postgres");
    }
}
