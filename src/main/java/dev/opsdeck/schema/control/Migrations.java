package dev.opsdeck.schema.control;

import javax.sql.DataSource;
import org.flywaydb.core.Flyway;

public final class Migrations {

    private Migrations() {
    }

    public static int apply(DataSource dataSource) {
        return Flyway.configure(Migrations.class.getClassLoader())
                .dataSource(dataSource)
                .locations("classpath:db/migration")
                .failOnMissingLocations(true)
                .load()
                .migrate()
                .migrationsExecuted;
    }

    public static boolean pending(DataSource dataSource) {
        return Flyway.configure(Migrations.class.getClassLoader())
                .dataSource(dataSource)
                .locations("classpath:db/migration")
                .load()
                .info()
                .pending().length > 0;
    }
}
