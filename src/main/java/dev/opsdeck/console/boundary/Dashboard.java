package dev.opsdeck.console.boundary;

import dev.opsdeck.health.boundary.InstanceHealth;
import dev.opsdeck.ingestion.control.Fleet;
import dev.opsdeck.ingestion.control.FleetFigures;
import dev.opsdeck.ingestion.control.IngestionPipeline;
import dev.opsdeck.ingestion.control.IngestionStatistics.StreamFigures;
import dev.opsdeck.ingestion.control.QueueDepths;
import dev.opsdeck.ingestion.control.StreamAlarms;
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

/** The dashboard: per stream, the fleet's ingestion figures (and each instance's), the queue and the dead letters waiting, and why it is red. */
@Named
@RequestScoped
public class Dashboard {

    @Inject
    IngestionPipeline pipeline;

    @Inject
    Fleet fleet;

    @Inject
    QueueDepths queues;

    @Inject
    InstanceHealth health;

    @Inject
    StreamAlarms alarms;

    private final List<StreamStatus> streams = new ArrayList<>();
    private final List<InstanceStatus> instances = new ArrayList<>();
    private String fleetProblem;
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
        FleetFigures figures = fleetFigures();
        figures.instances().forEach(instance -> instances.add(new InstanceStatus(instance, instance.name().equals(fleet.instanceName()))));
        Instant now = Instant.now();
        for (Stream stream : Stream.values()) {
            StreamFigures totals = figures.totals().get(stream);
            QueueDepth depth = queues.of(stream);
            String alarm = alarms.alarm(stream, figures, depth, now).orElse(null);
            streams.add(new StreamStatus(stream.label(), totals, depth, waiting.getOrDefault(stream.label(), 0L), alarm));
        }
    }

    /** The fleet from the heartbeat table; if the database is unreachable, this instance alone, and why. */
    private FleetFigures fleetFigures() {
        try {
            return fleet.figures();
        } catch (SQLException e) {
            fleetProblem = "other instances unavailable: " + e.getMessage();
            return fleet.alone();
        }
    }

    public List<InstanceStatus> getInstances() {
        return instances;
    }

    public String getFleetProblem() {
        return fleetProblem;
    }

    public long getStaleSeconds() {
        return fleet.staleAfter().toSeconds();
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
        return alarms.lagThreshold().toSeconds();
    }

    public long getStallThresholdSeconds() {
        return alarms.stallThreshold().toSeconds();
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

        static String rate(double perSecond) {
            if (perSecond == 0) {
                return "0";
            }
            return String.format(Locale.ROOT, perSecond >= 100 ? "%.0f" : "%.3g", perSecond);
        }
    }

    /** One instance's row: its name, last heartbeat and state, and its own rate and applied count per stream. */
    public static final class InstanceStatus {

        private final FleetFigures.InstanceFigures instance;
        private final boolean self;

        InstanceStatus(FleetFigures.InstanceFigures instance, boolean self) {
            this.instance = instance;
            this.self = self;
        }

        public String getName() {
            return instance.name();
        }

        public String getVersion() {
            return instance.version();
        }

        public String getState() {
            return instance.state().label();
        }

        public boolean isLive() {
            return instance.state() == FleetFigures.State.LIVE;
        }

        public boolean isSelf() {
            return self;
        }

        public Instant getStartedAt() {
            return instance.startedAt();
        }

        public Instant getHeartbeatAt() {
            return instance.heartbeatAt();
        }

        public List<String> getRates() {
            return instance.streams().entrySet().stream()
                    .map(e -> e.getKey().label() + " " + StreamStatus.rate(e.getValue().eventsPerSecondNow()) + "/s").toList();
        }

        public List<Count> getApplied() {
            return instance.streams().entrySet().stream()
                    .map(e -> new Count(e.getKey().label(), e.getValue().outcomes().getOrDefault(Outcome.APPLIED, 0L))).toList();
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
