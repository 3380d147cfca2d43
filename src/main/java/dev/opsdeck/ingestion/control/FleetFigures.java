package dev.opsdeck.ingestion.control;

import dev.opsdeck.ingestion.control.IngestionStatistics.StreamFigures;
import dev.opsdeck.ingestion.entity.Outcome;
import dev.opsdeck.ingestion.entity.Stream;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * The ingestion figures of every instance on the database and their sum. Totals count live instances only: a
 * stale or stopped instance is listed with its last figures, but its counters no longer describe the fleet.
 */
public record FleetFigures(List<InstanceFigures> instances, Map<Stream, StreamFigures> totals,
                           Map<Stream, Instant> lastAppliedOrStart) {

    public enum State {
        LIVE, STALE, STOPPED;

        public String label() {
            return name().toLowerCase();
        }
    }

    /** One instance's last heartbeat: when it wrote it, and its figures then. */
    public record InstanceFigures(String name, String version, String roles, Instant startedAt, Instant heartbeatAt, Instant stoppedAt,
                                  State state, Map<Stream, StreamFigures> streams, Map<Stream, Instant> lastAppliedOrStart) {
    }

    public static FleetFigures of(List<InstanceFigures> instances) {
        Map<Stream, StreamFigures> totals = new EnumMap<>(Stream.class);
        Map<Stream, Instant> lastApplied = new EnumMap<>(Stream.class);
        List<InstanceFigures> live = instances.stream().filter(i -> i.state() == State.LIVE).toList();
        for (Stream stream : Stream.values()) {
            Map<Outcome, Long> outcomes = new EnumMap<>(Outcome.class);
            for (Outcome outcome : Outcome.values()) {
                outcomes.put(outcome, 0L);
            }
            double now = 0;
            double lastHour = 0;
            Duration lag = Duration.ZERO;
            Instant lastEventAt = null;
            Instant applied = null;
            for (InstanceFigures instance : live) {
                StreamFigures figures = instance.streams().get(stream);
                figures.outcomes().forEach((outcome, count) -> outcomes.merge(outcome, count, Long::sum));
                now += figures.eventsPerSecondNow();
                lastHour += figures.eventsPerSecondLastHour();
                if (figures.lastEventAt() != null && (lastEventAt == null || figures.lastEventAt().isAfter(lastEventAt))) {
                    lastEventAt = figures.lastEventAt();
                    lag = figures.lag();
                }
                Instant instanceApplied = instance.lastAppliedOrStart().get(stream);
                if (applied == null || instanceApplied.isAfter(applied)) {
                    applied = instanceApplied;
                }
            }
            totals.put(stream, new StreamFigures(outcomes, now, lastHour, lag, lastEventAt));
            if (applied != null) {
                lastApplied.put(stream, applied);
            }
        }
        return new FleetFigures(List.copyOf(instances), totals, lastApplied);
    }

    public long live() {
        return instances.stream().filter(i -> i.state() == State.LIVE).count();
    }
}
