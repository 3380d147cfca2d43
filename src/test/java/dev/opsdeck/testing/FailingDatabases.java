package dev.opsdeck.testing;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sql.DataSource;

/** Data sources that fail as a database does, with its SQL state, for tests of what a failure leads to. */
public final class FailingDatabases {

    private FailingDatabases() {
    }

    /** A database that cannot be reached, or whose every connection attempt fails with the given SQL state. */
    public static DataSource down(String sqlState) {
        return (DataSource) Proxy.newProxyInstance(FailingDatabases.class.getClassLoader(), new Class<?>[]{DataSource.class},
                (proxy, method, args) -> {
                    if (method.getName().equals("getConnection")) {
                        throw new SQLException("connection refused (test)", sqlState);
                    }
                    if (method.getName().equals("toString")) {
                        return "database down (" + sqlState + ")";
                    }
                    throw new UnsupportedOperationException(method.getName());
                });
    }

    /**
     * The real database, except that the first {@code times} executions of a statement containing {@code sqlPart}
     * fail with the given SQL state, as a constraint or a value too long would make them.
     */
    public static DataSource refusing(DataSource real, String sqlPart, String sqlState, int times) {
        AtomicInteger left = new AtomicInteger(times);
        return (DataSource) Proxy.newProxyInstance(FailingDatabases.class.getClassLoader(), new Class<?>[]{DataSource.class},
                (proxy, method, args) -> {
                    Object result = invoke(real, method, args);
                    return result instanceof Connection connection ? refusingConnection(connection, sqlPart, sqlState, left) : result;
                });
    }

    private static Connection refusingConnection(Connection real, String sqlPart, String sqlState, AtomicInteger left) {
        return (Connection) Proxy.newProxyInstance(FailingDatabases.class.getClassLoader(), new Class<?>[]{Connection.class},
                (proxy, method, args) -> {
                    Object result = invoke(real, method, args);
                    if (result instanceof PreparedStatement statement && ((String) args[0]).contains(sqlPart)) {
                        return refusingStatement(statement, sqlState, left);
                    }
                    return result;
                });
    }

    private static PreparedStatement refusingStatement(PreparedStatement real, String sqlState, AtomicInteger left) {
        return (PreparedStatement) Proxy.newProxyInstance(FailingDatabases.class.getClassLoader(),
                new Class<?>[]{PreparedStatement.class}, (proxy, method, args) -> {
                    if (method.getName().startsWith("execute") && left.getAndDecrement() > 0) {
                        throw new SQLException("refused by the test (" + sqlState + ")", sqlState);
                    }
                    return invoke(real, method, args);
                });
    }

    private static Object invoke(Object target, java.lang.reflect.Method method, Object[] args) throws Throwable {
        try {
            return method.invoke(target, args);
        } catch (InvocationTargetException e) {
            throw e.getCause();
        }
    }
}
