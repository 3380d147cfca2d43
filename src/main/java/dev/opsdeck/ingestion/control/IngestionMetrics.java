package dev.opsdeck.ingestion.control;

import dev.opsdeck.ingestion.entity.Outcome;
import dev.opsdeck.ingestion.entity.Stream;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumMap;
import java.util.Map;
import java.util.function.Supplier;
import org.eclipse.microprofile.metrics.Counter;
import org.eclipse.microprofile.metrics.Histogram;
import org.eclipse.microprofile.metrics.Metadata;
import org.eclipse.microprofile.metrics.MetricRegistry;
import org.eclipse.microprofile.metrics.MetricUnits;
import org.eclipse.microprofile.metrics.Tag;
import org.eclipse.microprofile.metrics.Timer;

/** Ingestion figures for /metrics: deliveries per stream and outcome, processing time, end-to-end lag, dead letters waiting. */
public class IngestionMetrics {

    private final Map<Stream, Map<Outcome, Counter>> deliveries = new EnumMap<>(Stream.class);
    private final Map<Stream, Timer> processing = new EnumMap<>(Stream.class);
    private final Map<Stream, Histogram> lag = new EnumMap<>(Stream.class);
    private final Histogram batchSizes;

    public IngestionMetrics(MetricRegistry registry, Supplier<Long> deadLettersWaiting) {
        Metadata events = Metadata.builder().withName("ingestion.events")
                .withDescription("Deliveries of events by stream and outcome").build();
        Metadata time = Metadata.builder().withName("ingestion.processing.time")
                .withDescription("Time from receiving a delivery to its committed outcome").withUnit(MetricUnits.NANOSECONDS).build();
        Metadata lagMetadata = Metadata.builder().withName("ingestion.lag.milliseconds")
                .withDescription("End-to-end lag in milliseconds: commit time minus the event's occurred_at").withUnit(MetricUnits.NONE).build();
        for (Stream stream : Stream.values()) {
            Tag streamTag = new Tag("stream", stream.label());
            Map<Outcome, Counter> counters = new EnumMap<>(Outcome.class);
            for (Outcome outcome : Outcome.values()) {
                counters.put(outcome, registry.counter(events, streamTag, new Tag("outcome", outcome.label())));
            }
            deliveries.put(stream, counters);
            processing.put(stream, registry.timer(time, streamTag));
            lag.put(stream, registry.histogram(lagMetadata, streamTag));
        }
        batchSizes = registry.histogram(Metadata.builder().withName("ingestion.writer.batch.size")
                .withDescription("Events committed together by the group-commit writer").withUnit(MetricUnits.NONE).build());
        registry.gauge(Metadata.builder().withName("ingestion.dead_letters.waiting")
                .withDescription("Dead letters waiting for replay or discard").build(), deadLettersWaiting, Supplier::get);
    }

    public void batch(int size) {
        batchSizes.update(size);
    }

    public void count(Stream stream, Outcome outcome) {
        deliveries.get(stream).get(outcome).inc();
    }

    /** Counts a committed outcome with its processing time and its end-to-end lag (see {@link Lag}). */
    public void processed(Stream stream, Outcome outcome, Duration took, Instant occurredAt, Instant committedAt) {
        count(stream, outcome);
        processing.get(stream).update(took);
        lag.get(stream).update(Lag.between(occurredAt, committedAt).toMillis());
    }
}
