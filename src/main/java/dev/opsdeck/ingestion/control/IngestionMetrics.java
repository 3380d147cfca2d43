package dev.opsdeck.ingestion.control;

import dev.opsdeck.ingestion.entity.Outcome;
import dev.opsdeck.ingestion.entity.QueueDepth;
import dev.opsdeck.ingestion.entity.Stream;
import dev.opsdeck.monitoring.control.Timers;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumMap;
import java.util.Map;
import java.util.function.Function;
import java.util.function.Supplier;
import org.eclipse.microprofile.metrics.Counter;
import org.eclipse.microprofile.metrics.Histogram;
import org.eclipse.microprofile.metrics.Metadata;
import org.eclipse.microprofile.metrics.MetricRegistry;
import org.eclipse.microprofile.metrics.MetricUnits;
import org.eclipse.microprofile.metrics.Tag;
import org.eclipse.microprofile.metrics.Timer;

/**
 * Ingestion figures for /metrics: deliveries per stream and outcome, processing time and end-to-end lag (timers,
 * exported in seconds with the fixed buckets of microprofile-config.properties), queue depth, dead letters waiting.
 */
public class IngestionMetrics {

    private final Map<Stream, Map<Outcome, Counter>> deliveries = new EnumMap<>(Stream.class);
    private final Map<Stream, Timer> processing = new EnumMap<>(Stream.class);
    private final Map<Stream, Timer> lag = new EnumMap<>(Stream.class);
    private final Histogram batchSizes;

    public IngestionMetrics(MetricRegistry registry, Supplier<Long> deadLettersWaiting, Function<Stream, QueueDepth> queueDepth) {
        Metadata events = Metadata.builder().withName("opsdeck.ingestion.events")
                .withDescription("Deliveries of events by stream and outcome").build();
        Metadata time = Metadata.builder().withName("opsdeck.ingestion.processing.duration")
                .withDescription("Time from receiving a delivery to its committed outcome").withUnit(MetricUnits.SECONDS).build();
        Metadata lagMetadata = Metadata.builder().withName("opsdeck.ingestion.lag")
                .withDescription("End-to-end lag: commit time minus the event's occurred_at").withUnit(MetricUnits.SECONDS).build();
        Metadata depth = Metadata.builder().withName("opsdeck.ingestion.queue.depth")
                .withDescription("Messages waiting in the stream's durable queue, counted up to " + QueueDepths.CAP
                        + "; NaN when the broker cannot be browsed").build();
        for (Stream stream : Stream.values()) {
            Tag streamTag = new Tag("stream", stream.label());
            Map<Outcome, Counter> counters = new EnumMap<>(Outcome.class);
            for (Outcome outcome : Outcome.values()) {
                counters.put(outcome, registry.counter(events, streamTag, new Tag("outcome", outcome.label())));
            }
            deliveries.put(stream, counters);
            processing.put(stream, Timers.timer(registry, time, streamTag));
            lag.put(stream, Timers.timer(registry, lagMetadata, streamTag));
            registry.gauge(depth, () -> messagesOrNaN(queueDepth.apply(stream)), streamTag);
        }
        batchSizes = registry.histogram(Metadata.builder().withName("opsdeck.ingestion.writer.batch.events")
                .withDescription("Events committed together by the group-commit writer").build());
        registry.gauge(Metadata.builder().withName("opsdeck.ingestion.dead.letters.waiting")
                .withDescription("Dead letters waiting for replay or discard; -1 when the database cannot be read").build(),
                deadLettersWaiting, Supplier::get);
    }

    private static Double messagesOrNaN(QueueDepth depth) {
        return depth.known() ? (double) depth.messages() : Double.NaN;
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
        lag.get(stream).update(Lag.between(occurredAt, committedAt));
    }
}
