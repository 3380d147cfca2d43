package dev.opsdeck.records.control;

import dev.opsdeck.records.entity.LastView;
import dev.opsdeck.schema.control.JdbcTransaction;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Collection;
import javax.sql.DataSource;

/**
 * Writes users' last list views, one row per user and list, in one transaction. Plain JDBC: it also runs on the
 * graceful stop's thread, where the container injects no persistence context.
 */
public class LastViewStore {

    private final DataSource dataSource;

    public LastViewStore(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    public void write(Collection<LastView> views, Instant now) throws SQLException {
        JdbcTransaction.run(dataSource, connection -> {
            withoutWaitingForDisk(connection);
            try (PreparedStatement update = connection.prepareStatement(
                    "UPDATE list_preference SET page_size = ?, last_query = ?, changed_at = ? WHERE username = ? AND list = ?");
                 PreparedStatement insert = connection.prepareStatement(
                         "INSERT INTO list_preference (username, list, page_size, last_query, changed_at) VALUES (?, ?, ?, ?, ?)")) {
                for (LastView view : views) {
                    update.setInt(1, view.pageSize());
                    update.setString(2, view.query());
                    update.setObject(3, now.atOffset(ZoneOffset.UTC));
                    update.setString(4, view.username());
                    update.setString(5, view.list());
                    if (update.executeUpdate() == 0) {
                        insert.setString(1, view.username());
                        insert.setString(2, view.list());
                        insert.setInt(3, view.pageSize());
                        insert.setString(4, view.query());
                        insert.setObject(5, now.atOffset(ZoneOffset.UTC));
                        insert.executeUpdate();
                    }
                }
            }
        });
    }

    /** On PostgreSQL the commit does not wait for the WAL flush, which during a drain queues behind ingestion's commits. */
    private static void withoutWaitingForDisk(Connection connection) throws SQLException {
        if (connection.getMetaData().getDatabaseProductName().equals("PostgreSQL")) {
            try (Statement statement = connection.createStatement()) {
                statement.execute("SET LOCAL synchronous_commit TO OFF");
            }
        }
    }
}
