package dev.opsdeck.schema.control;

import java.sql.Connection;
import java.sql.SQLException;
import javax.sql.DataSource;

/**
 * One JDBC transaction on a pooled connection of its own: committed when the work returns, rolled back when it throws,
 * and the connection handed back to the pool in auto-commit mode either way.
 */
public final class JdbcTransaction {

    /** What runs inside the transaction. */
    @FunctionalInterface
    public interface Work {
        void on(Connection connection) throws SQLException;
    }

    private JdbcTransaction() {
    }

    public static void run(DataSource dataSource, Work work) throws SQLException {
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            try {
                work.on(connection);
                connection.commit();
            } catch (SQLException | RuntimeException e) {
                connection.rollback();
                throw e;
            } finally {
                connection.setAutoCommit(true);
            }
        }
    }
}
