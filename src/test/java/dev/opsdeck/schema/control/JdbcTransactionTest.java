package dev.opsdeck.schema.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.opsdeck.testing.Databases;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** A transaction commits what its work did, undoes all of it when the work throws, and leaves auto-commit on. */
class JdbcTransactionTest {

    private Connection shared;
    private DataSource pool;

    @BeforeEach
    void oneConnectionPool() throws SQLException {
        shared = Databases.freshH2().getConnection();
        try (Statement statement = shared.createStatement()) {
            statement.execute("CREATE TABLE note (text VARCHAR(20) NOT NULL)");
        }
        Connection handedOut = (Connection) Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[] {Connection.class},
                (proxy, method, arguments) -> {
                    if (method.getName().equals("close")) {
                        return null;
                    }
                    try {
                        return method.invoke(shared, arguments);
                    } catch (InvocationTargetException e) {
                        throw e.getCause();
                    }
                });
        pool = (DataSource) Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[] {DataSource.class},
                (proxy, method, arguments) -> {
                    if (method.getName().equals("getConnection")) {
                        return handedOut;
                    }
                    throw new UnsupportedOperationException(method.getName());
                });
    }

    @AfterEach
    void close() throws SQLException {
        shared.close();
    }

    @Test
    void commitsWhatTheWorkWrote() throws SQLException {
        JdbcTransaction.run(pool, connection -> insert(connection, "first", "second"));

        assertEquals(2, notes());
        assertTrue(shared.getAutoCommit());
    }

    @Test
    void aFailingStatementUndoesTheWholeWorkAndIsThrown() throws SQLException {
        assertThrows(SQLException.class,
                () -> JdbcTransaction.run(pool, connection -> insert(connection, "kept?", "far too long for twenty characters")));

        assertEquals(0, notes());
        assertTrue(shared.getAutoCommit());
    }

    @Test
    void aRuntimeExceptionUndoesTheWholeWorkAndIsThrown() throws SQLException {
        IllegalStateException thrown = new IllegalStateException("the work gave up");

        assertSame(thrown, assertThrows(IllegalStateException.class, () -> JdbcTransaction.run(pool, connection -> {
            insert(connection, "written first");
            throw thrown;
        })));
        assertEquals(0, notes());
        assertTrue(shared.getAutoCommit());
    }

    private static void insert(Connection connection, String... texts) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            for (String text : texts) {
                statement.executeUpdate("INSERT INTO note (text) VALUES ('" + text + "')");
            }
        }
    }

    private int notes() throws SQLException {
        try (Statement statement = shared.createStatement(); ResultSet result = statement.executeQuery("SELECT COUNT(*) FROM note")) {
            result.next();
            return result.getInt(1);
        }
    }
}
