package dev.opsdeck.schema.control;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.SQLException;
import java.time.Instant;
import javax.sql.DataSource;

/**
 * Opsdeck's schema, migrated once per application by whichever bean needs it first (the start-up singleton, or a
 * pipeline built before it ran); and the data source's name every bean looks it up by.
 */
@ApplicationScoped
public class Schema {

    public static final String DATA_SOURCE = "java:app/jdbc/opsdeck";

    @Resource(lookup = DATA_SOURCE)
    DataSource dataSource;

    private volatile boolean migrated;

    /** The number of migrations applied by this call: all pending ones on the first, none afterwards. */
    public synchronized int migrate() throws SQLException {
        if (migrated) {
            return 0;
        }
        int applied = Migrations.apply(DatabaseSettings.fromConfig());
        InstanceStarts.record(dataSource, Instant.now());
        migrated = true;
        return applied;
    }

    public boolean migrated() {
        return migrated;
    }
}
