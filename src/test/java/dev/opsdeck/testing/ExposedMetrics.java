package dev.opsdeck.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.opsdeck.deploy.ObservabilityFiles;
import java.util.Set;
import java.util.TreeSet;

/** Holds a running instance's /metrics against what deploy/observability's dashboard and alerts query. */
public final class ExposedMetrics {

    private ExposedMetrics() {
    }

    /**
     * Scrapes until every queried metric is there (some register on the first scheduler tick after the start) and the
     * instance reports itself ready (its readiness is re-checked every 10 s), then requires open pool connections;
     * fails naming what is missing.
     */
    public static MetricsText coverWhatTheDashboardAndAlertsQuery(Api api) throws InterruptedException {
        Set<String> queried = new TreeSet<>(ObservabilityFiles.queriedMetrics());
        queried.removeAll(ObservabilityFiles.PROMETHEUS_OWN);
        long deadline = System.nanoTime() + 60_000_000_000L;
        while (true) {
            Api.Response response = api.getFromServerRoot("metrics");
            assertEquals(200, response.status());
            MetricsText metrics = MetricsText.parse(response.body());
            Set<String> missing = new TreeSet<>(queried);
            missing.removeAll(metrics.names());
            boolean ready = metrics.value("opsdeck_instance_ready").orElse(0) == 1.0;
            if (missing.isEmpty() && ready) {
                assertTrue(metrics.value("opsdeck_db_pool_connections").orElseThrow() >= 1, "the pool holds connections");
                return metrics;
            }
            if (System.nanoTime() > deadline) {
                assertEquals(Set.of(), missing, "queried by deploy/observability but not exposed at /metrics");
                throw new AssertionError("opsdeck_instance_ready stayed 0 although the instance answered requests");
            }
            Thread.sleep(1_000);
        }
    }
}
