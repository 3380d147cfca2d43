package dev.opsdeck.ingestion.control;

import dev.opsdeck.ingestion.control.IngestionStatistics.StreamFigures;
import dev.opsdeck.ingestion.entity.QueueDepth;
import dev.opsdeck.ingestion.entity.Stream;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Whether each stream is lagging or stalled by the dashboard's thresholds ({@code console.lag.threshold.seconds},
 * {@code console.stall.threshold.seconds}): the one judgement the dashboard's red cards and the notifications share.
 */
@ApplicationScoped
public class StreamAlarms {

    @Inject
    IngestionPipeline pipeline;

    @Inject
    Fleet fleet;

    @Inject
    QueueDepths queues;

    @Inject
    @ConfigProperty(name = "console.lag.threshold.seconds", defaultValue = "60")
    long lagThresholdSeconds;

    @Inject
    @ConfigProperty(name = "console.stall.threshold.seconds", defaultValue = "120")
    long stallThresholdSeconds;

    private IngestionAlarms alarms;

    @PostConstruct
    void build() {
        alarms = new IngestionAlarms(Duration.ofSeconds(lagThresholdSeconds), Duration.ofSeconds(stallThresholdSeconds));
    }

    public Duration lagThreshold() {
        return alarms.lagThreshold();
    }

    public Duration stallThreshold() {
        return alarms.stallThreshold();
    }

    /** One stream's alarm from figures the caller already holds (the dashboard shows them too). */
    public Optional<String> alarm(Stream stream, FleetFigures figures, QueueDepth depth, Instant now) {
        StreamFigures totals = figures.totals().get(stream);
        Instant lastApplied = figures.lastAppliedOrStart().getOrDefault(stream, pipeline.statistics().lastAppliedOrStart(stream));
        return alarms.alarm(totals, lastApplied, depth, now);
    }

    /** The fleet's streams now, by stream label, only those with an alarm. */
    public Map<String, String> current(Instant now) throws SQLException {
        FleetFigures figures = fleet.figures();
        Map<String, String> current = new LinkedHashMap<>();
        for (Stream stream : Stream.values()) {
            alarm(stream, figures, queues.of(stream), now).ifPresent(alarm -> current.put(stream.label(), alarm));
        }
        return current;
    }
}
