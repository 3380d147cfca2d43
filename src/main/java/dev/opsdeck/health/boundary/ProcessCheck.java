package dev.opsdeck.health.boundary;

import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Liveness;

/** Alive while the JVM has heap to spare; a process that cannot allocate should be restarted. */
@Liveness
@ApplicationScoped
public class ProcessCheck implements HealthCheck {

    static final double MAX_HEAP_USED = 0.95;

    @Override
    public HealthCheckResponse call() {
        Runtime runtime = Runtime.getRuntime();
        long used = runtime.totalMemory() - runtime.freeMemory();
        double share = (double) used / runtime.maxMemory();
        return HealthCheckResponse.named("heap")
                .status(share < MAX_HEAP_USED)
                .withData("used_bytes", used)
                .withData("max_bytes", runtime.maxMemory())
                .build();
    }
}
