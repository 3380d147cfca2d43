package dev.opsdeck.schema.control;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Counts the physical connections the container's pool holds open: the pool opens each through
 * {@link ConfiguredDataSource} and closes it when it shrinks, fails or stops, so opened minus closed is the pool's
 * size whichever database it runs on.
 */
public final class OpenConnections {

    private static final AtomicInteger OPEN = new AtomicInteger();

    private OpenConnections() {
    }

    public static int count() {
        return OPEN.get();
    }

    static Connection counted(Connection physical) {
        OPEN.incrementAndGet();
        AtomicBoolean closed = new AtomicBoolean();
        return (Connection) Proxy.newProxyInstance(OpenConnections.class.getClassLoader(), new Class<?>[]{Connection.class},
                (proxy, method, args) -> {
                    if (method.getName().equals("close") && method.getParameterCount() == 0 && closed.compareAndSet(false, true)) {
                        OPEN.decrementAndGet();
                    }
                    try {
                        return method.invoke(physical, args);
                    } catch (InvocationTargetException e) {
                        throw e.getCause();
                    }
                });
    }
}
