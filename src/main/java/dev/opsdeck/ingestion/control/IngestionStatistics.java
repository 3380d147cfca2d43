package dev.opsdeck.ingestion.control;

import dev.opsdeck.ingestion.entity.Outcome;
import dev.opsdeck.ingestion.entity.Stream;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLongArray;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.atomic.LongAdder;

/** This instance's ingestion figures per stream: outcome counts, rates over the last minute and hour, lag, last event. */
public class IngestionStatistics {

    static final int HOUR = 3600;

    private final Clock clock;
    private final Instant startedAt;
    private final Map<Stream, PerStream> streams = new EnumMap<>(Stream.class);

    public IngestionStatistics(Clock clock) {
        this.clock = clock;
        this.startedAt = clock.instant();
        for (Stream stream : Stream.values()) {
            streams.put(stream, new PerStream());
        }
    }

    private static final class PerStream {
        final Map<Outcome, LongAdder> outcomes = new EnumMap<>(Outcome.class);
        final AtomicLongArray perSecond = new AtomicLongArray(HOUR);
        final AtomicLongArray secondOfSlot = new AtomicLongArray(HOUR);
        final AtomicReference<Instant> lastEventAt = new AtomicReference<>();
        final AtomicReference<Instant> lastAppliedAt = new AtomicReference<>();
        final AtomicReference<Duration> lastLag = new AtomicReference<>(Duration.ZERO);

        PerStream() {
            for (Outcome outcome : Outcome.values()) {
                outcomes.put(outcome, new LongAdder());
            }
        }
    }

    public record StreamFigures(Map<Outcome, Long> outcomes, double eventsPerSecondNow, double eventsPerSecondLastHour,
                                Duration lag, Instant lastEventAt) {
    }

    public void record(Stream stream, Outcome outcome, Instant occurredAt) {
        PerStream figures = streams.get(stream);
        figures.outcomes.get(outcome).increment();
        if (outcome == Outcome.RETRIED) {
            return;
        }
        Instant now = clock.instant();
        long second = now.getEpochSecond();
        int slot = (int) (second % HOUR);
        if (figures.secondOfSlot.getAndSet(slot, second) != second) {
            figures.perSecond.set(slot, 0);
        }
        figures.perSecond.incrementAndGet(slot);
        figures.lastEventAt.set(now);
        if (outcome == Outcome.APPLIED) {
            figures.lastAppliedAt.set(now);
        }
        if (occurredAt != null) {
            figures.lastLag.set(Lag.between(occurredAt, now));
        }
    }

    public long count(Stream stream, Outcome outcome) {
        return streams.get(stream).outcomes.get(outcome).sum();
    }

    public Instant startedAt() {
        return startedAt;
    }

    /** When this instance last applied an event of the stream, or when it started counting if it never did. */
    public Instant lastAppliedOrStart(Stream stream) {
        Instant applied = streams.get(stream).lastAppliedAt.get();
        return applied == null ? startedAt : applied;
    }

    public StreamFigures figures(Stream stream) {
        PerStream figures = streams.get(stream);
        Map<Outcome, Long> outcomes = new EnumMap<>(Outcome.class);
        figures.outcomes.forEach((outcome, count) -> outcomes.put(outcome, count.sum()));
        long now = clock.instant().getEpochSecond();
        return new StreamFigures(outcomes, eventsOver(figures, now, 10) / 10.0, eventsOver(figures, now, HOUR) / (double) HOUR,
                figures.lastLag.get(), figures.lastEventAt.get());
    }

    private static long eventsOver(PerStream figures, long now, int seconds) {
        long sum = 0;
        for (long second = now - seconds + 1; second <= now; second++) {
            int slot = (int) (second % HOUR);
            if (figures.secondOfSlot.get(slot) == second) {
                sum += figures.perSecond.get(slot);
            }
        }
        return sum;
    }
}
