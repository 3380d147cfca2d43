package dev.opsdeck.testing;

import java.lang.reflect.Proxy;
import org.eclipse.microprofile.metrics.MetricRegistry;

/** A metric registry that registers nothing, for control classes tested outside a server; metrics are not under test. */
public final class NoMetrics {

    private NoMetrics() {
    }

    public static MetricRegistry registry() {
        return nothing(MetricRegistry.class);
    }

    /** Answers every call with nothing: another such object for an interface, zero, false or null otherwise. */
    private static <T> T nothing(Class<T> type) {
        return type.cast(Proxy.newProxyInstance(NoMetrics.class.getClassLoader(), new Class<?>[]{type}, (proxy, method, args) -> {
            Class<?> returns = method.getReturnType();
            if (returns.isInterface()) {
                return nothing(returns);
            }
            if (returns == boolean.class) {
                return false;
            }
            if (returns == long.class || returns == int.class || returns == double.class) {
                return returns == long.class ? (Object) 0L : returns == int.class ? (Object) 0 : (Object) 0.0;
            }
            return null;
        }));
    }
}
