package dev.opsdeck.schema.control;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.function.BooleanSupplier;
import javax.sql.DataSource;

/**
 * Whether the database lacks migrations of this build, for the readiness probe. Flyway's own answer reads and checksums
 * every script of the build (about 80 ms of CPU, and an INFO line each time), so it is asked again only when the schema
 * history has changed since it last answered; an unchanged history costs one query.
 */
public class PendingMigrations {

    private static final String HISTORY = "SELECT COUNT(*), COALESCE(MAX(installed_rank), 0), "
            + "COALESCE(SUM(CASE WHEN success THEN 1 ELSE 0 END), 0) FROM flyway_schema_history";

    private final DataSource dataSource;
    private final BooleanSupplier flywaySeesPending;
    private String historyAnswered;
    private boolean pending;

    public PendingMigrations(DataSource dataSource) {
        this(dataSource, () -> Migrations.pending(dataSource));
    }

    PendingMigrations(DataSource dataSource, BooleanSupplier flywaySeesPending) {
        this.dataSource = dataSource;
        this.flywaySeesPending = flywaySeesPending;
    }

    public synchronized boolean any() {
        String history = history();
        if (history == null || !history.equals(historyAnswered)) {
            pending = flywaySeesPending.getAsBoolean();
            historyAnswered = history;
        }
        return pending;
    }

    /** The history's rows, last rank and successes in one line; null when it cannot be read (no history table yet). */
    private String history() {
        try (Connection connection = dataSource.getConnection();
             Statement statement = connection.createStatement();
             ResultSet row = statement.executeQuery(HISTORY)) {
            row.next();
            return row.getLong(1) + "/" + row.getLong(2) + "/" + row.getLong(3);
        } catch (SQLException e) {
            return null;
        }
    }
}
