package dev.opsdeck.process.control;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.metrics.MetricRegistry;

/**
 * How this instance lets console and API requests go first, built once from configuration: ingestion's threads at a
 * lower OS priority ({@code ingestion.nice}) and the writer's bounded pauses ({@code ingestion.yield.*}).
 */
@ApplicationScoped
public class InteractiveFirst {

    @Inject
    InteractiveRequests requests;

    @Inject
    MetricRegistry registry;

    @Inject
    @ConfigProperty(name = "ingestion.yield.after-ms", defaultValue = "0")
    long afterMs;

    @Inject
    @ConfigProperty(name = "ingestion.yield.max-pause-ms", defaultValue = "100")
    long maxPauseMs;

    @Inject
    @ConfigProperty(name = "ingestion.yield.max-percent", defaultValue = "20")
    int maxPercent;

    @Inject
    @ConfigProperty(name = IngestionNice.KEY, defaultValue = "19")
    int nice;

    private IngestionYield ingestionYield;
    private IngestionNice ingestionNice;

    @PostConstruct
    void build() {
        ingestionYield = new IngestionYield(requests, Duration.ofMillis(afterMs), Duration.ofMillis(maxPauseMs), maxPercent,
                System::nanoTime);
        ingestionYield.registerIn(registry);
        ingestionNice = IngestionNice.onThisProcess(nice);
    }

    public IngestionYield ingestionYield() {
        return ingestionYield;
    }

    public IngestionNice ingestionNice() {
        return ingestionNice;
    }
}
