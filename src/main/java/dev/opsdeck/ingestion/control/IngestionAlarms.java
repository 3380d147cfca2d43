package dev.opsdeck.ingestion.control;

import dev.opsdeck.ingestion.control.IngestionStatistics.StreamFigures;
import dev.opsdeck.ingestion.entity.QueueDepth;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * When a stream needs an operator: lagging (the last event was applied later than the lag threshold after it
 * occurred), or stalled (its queue holds messages but nothing was applied for the stall threshold). Without a
 * queue depth, stalled falls back to: no event for the stall threshold although the last hour had traffic.
 */
public record IngestionAlarms(Duration lagThreshold, Duration stallThreshold) {

    public Optional<String> alarm(StreamFigures figures, Instant lastAppliedOrStart, QueueDepth depth, Instant now) {
        Duration idle = Duration.between(lastAppliedOrStart, now);
        if (depth.waiting() && idle.compareTo(stallThreshold) > 0) {
            return Optional.of("Stalled: " + depth.label() + " messages wait in the queue but nothing was applied for "
                    + seconds(idle) + " (threshold " + seconds(stallThreshold) + ")");
        }
        if (!depth.known() && figures.lastEventAt() != null && figures.eventsPerSecondLastHour() > 0) {
            Duration quiet = Duration.between(figures.lastEventAt(), now);
            if (quiet.compareTo(stallThreshold) > 0) {
                return Optional.of("Possibly stalled: no event for " + seconds(quiet) + " although the last hour had traffic"
                        + " (queue depth unknown: " + depth.unavailable() + ")");
            }
        }
        if (figures.lag().compareTo(lagThreshold) > 0) {
            return Optional.of("Lagging: the last event was applied " + seconds(figures.lag()) + " after it occurred"
                    + " (threshold " + seconds(lagThreshold) + ")");
        }
        return Optional.empty();
    }

    private static String seconds(Duration duration) {
        return duration.toSeconds() + " s";
    }
}
