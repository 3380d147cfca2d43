package dev.opsdeck.console.boundary;

import dev.opsdeck.health.boundary.InstanceHealth;
import dev.opsdeck.ingestion.control.IngestionAlarms;
import dev.opsdeck.ingestion.control.IngestionPipeline;
import dev.opsdeck.ingestion.control.IngestionStatistics;
import dev.opsdeck.ingestion.control.IngestionStatistics.StreamFigures;
import dev.opsdeck.ingestion.control.QueueDepths;
import dev.opsdeck.ingestion.entity.Outcome;
import dev.opsdeck.ingestion.entity.QueueDepth;
import dev.opsdeck.ingestion.entity.Stream;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** The dashboard: per stream, this instance's ingestion figures, the queue and the dead letters waiting, and why it is red. */
@Named
@RequestScoped
public class Dashboard {

    @Inject
    IngestionPipeline pipeline;

    @Inject
    QueueDepths queues;

    @Inject
    InstanceHealth health;

    @Inject
    @ConfigProperty(name = "console.lag.threshold.seconds", defaultValue = "60")
    long lagThresholdSeconds;

    @Inject
    @ConfigProperty(name = "console.stall.threshold.seconds", defaultValue = "120")
    long stallThresholdSeconds;

    private final List<StreamStatus> streams = new ArrayList<>();
    private long deadLettersWaiting = -1;
    private String deadLettersProblem;

    @PostConstruct
    void read() {
        Map<String, Long> waiting = Map.of();
        try {
            waiting = pipeline.deadLetters().waitingByStream();
            deadLettersWaiting = waiting.values().stream().mapToLong(Long::longValue).sum();
        } catch (SQLException e) {
            deadLettersProblem = "dead letters unavailable: " + e.getMessage();
        }
        IngestionAlarms alarms = new IngestionAlarms(Duration.ofSeconds(lagThresholdSeconds), Duration.ofSeconds(stallThresholdSeconds));
        IngestionStatistics statistics = pipeline.statistics();
        Instant now = Instant.now();
        for (Stream stream : Stream.values()) {
            StreamFigures figures = statistics.figures(stream);
            QueueDepth depth = queues.of(stream);
            String alarm = alarms.alarm(figures, statistics.lastAppliedOrStart(stream), depth, now).orElse(null);
            streams.add(new StreamStatus(stream.label(), figures, depth, waiting.getOrDefault(stream.label(), 0L), alarm));
        }
    }

    public List<StreamStatus> getStreams() {
        return streams;
    }

    public long getDeadLettersWaiting() {
        return deadLettersWaiting;
    }

    public String getDeadLettersProblem() {
        return deadLettersProblem;
    }

    public List<InstanceHealth.Check> getHealth() {
        return health.checks();
    }

    public long getLagThresholdSeconds() {
        return lagThresholdSeconds;
    }

    public long getStallThresholdSeconds() {
        return stallThresholdSeconds;
    }

    /** One stream's card. */
    public static final class StreamStatus {

        private final String name;
        private final StreamFigures figures;
        private final QueueDepth depth;
        private final long deadLettersWaiting;
        private final String alarm;

        StreamStatus(String name, StreamFigures figures, QueueDepth depth, long deadLettersWaiting, String alarm) {
            this.name = name;
            this.figures = figures;
            this.depth = depth;
            this.deadLettersWaiting = deadLettersWaiting;
            this.alarm = alarm;
        }

        public String getName() {
            return name;
        }

        public String getAlarm() {
            return alarm;
        }

        public boolean isBad() {
            return alarm != null;
        }

        public String getRateNow() {
            return rate(figures.eventsPerSecondNow());
        }

        public String getRateLastHour() {
            return rate(figures.eventsPerSecondLastHour());
        }

        public Duration getLag() {
            return figures.lag();
        }

        public Instant getLastEventAt() {
            return figures.lastEventAt();
        }

        public String getQueueDepth() {
            return depth.label();
        }

        public String getQueueProblem() {
            return depth.unavailable();
        }

        public long getDeadLettersWaiting() {
            return deadLettersWaiting;
        }

        public List<Count> getOutcomes() {
            List<Count> counts = new ArrayList<>();
            for (Outcome outcome : Outcome.values()) {
                counts.add(new Count(outcome.label(), figures.outcomes().getOrDefault(outcome, 0L)));
            }
            return counts;
        }

        private static String rate(double perSecond) {
            if (perSecond == 0) {
                return "0";
            }
            return String.format(Locale.ROOT, perSecond >= 100 ? "%.0f" : "%.3g", perSecond);
        }
    }

    /** An outcome and how often it happened. */
    public static final class Count {

        private final String label;
        private final long value;

        Count(String label, long value) {
            this.label = label;
            this.value = value;
        }

        public String getLabel() {
            return label;
        }

        public long getValue() {
            return value;
        }
    }
}
