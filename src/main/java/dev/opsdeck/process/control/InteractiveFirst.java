package dev.opsdeck.process.control;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.metrics.MetricRegistry;

/** This instance's yield policy, built once from {@code ingestion.yield.*}, for the ingestion writer and the dashboard. */
@ApplicationScoped
public class InteractiveFirst {

    @Inject
    InteractiveRequests requests;

    @Inject
    MetricRegistry registry;

    @Inject
    @ConfigProperty(name = "ingestion.yield.max-pause-ms", defaultValue = "100")
    long maxPauseMs;

    @Inject
    @ConfigProperty(name = "ingestion.yield.max-percent", defaultValue = "20")
    int maxPercent;

    private IngestionYield ingestionYield;

    @PostConstruct
    void build() {
        ingestionYield = new IngestionYield(requests, Duration.ofMillis(maxPauseMs), maxPercent, System::nanoTime);
        ingestionYield.registerIn(registry);
    }

    public IngestionYield ingestionYield() {
        return ingestionYield;
    }
}
