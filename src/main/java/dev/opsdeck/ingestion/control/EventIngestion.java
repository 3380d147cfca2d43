package dev.opsdeck.ingestion.control;

import dev.opsdeck.ingestion.entity.Event;
import dev.opsdeck.ingestion.entity.Outcome;
import dev.opsdeck.ingestion.entity.Stream;
import dev.opsdeck.tracing.entity.SpanAttributes;
import io.opentelemetry.api.OpenTelemetry;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanBuilder;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.context.Scope;
import jakarta.jms.JMSException;
import jakarta.jms.Message;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

/**
 * One delivery, start to end: read and validate it, apply it through the group-commit writer, and decide
 * what a failure means. Malformed messages become dead letters at once; failures that may pass are
 * thrown back to the broker for redelivery after a back-off, and become dead letters when the attempts
 * are spent. Returning normally acknowledges the message, so every path that returns has stored its result.
 */
public class EventIngestion {

    private static final Logger LOG = Logger.getLogger(EventIngestion.class.getName());
    static final Duration WRITE_TIMEOUT = Duration.ofSeconds(60);

    private final EventParser parser;
    private final ReadModelWriter writer;
    private final DeadLetters deadLetters;
    private final IngestionStatistics statistics;
    private final IngestionMetrics metrics;
    private final RetryPolicy retry;
    private final Clock clock;
    private final Tracer tracer;

    public EventIngestion(EventParser parser, ReadModelWriter writer, DeadLetters deadLetters,
                          IngestionStatistics statistics, IngestionMetrics metrics, RetryPolicy retry, Clock clock) {
        this(parser, writer, deadLetters, statistics, metrics, retry, clock, OpenTelemetry.noop().getTracer("opsdeck"));
    }

    public EventIngestion(EventParser parser, ReadModelWriter writer, DeadLetters deadLetters, IngestionStatistics statistics,
                          IngestionMetrics metrics, RetryPolicy retry, Clock clock, Tracer tracer) {
        this.tracer = tracer;
        this.parser = parser;
        this.writer = writer;
        this.deadLetters = deadLetters;
        this.statistics = statistics;
        this.metrics = metrics;
        this.retry = retry;
        this.clock = clock;
    }

    /** Thrown so the broker redelivers the message later. */
    public static class RetryLater extends RuntimeException {
        RetryLater(String message, Throwable cause) {
            super(message, cause);
        }
    }

    /** One delivery's context, filled in as far as ingesting it got, for whatever becomes of it. */
    private static final class Delivery {
        final Stream stream;
        final Message message;
        final int count;
        final Map<String, String> context = new LinkedHashMap<>();
        MessageBody body = MessageBody.whole(new byte[0]);
        Event event;

        Delivery(Stream stream, Message message) {
            this.stream = stream;
            this.message = message;
            this.count = Messages.deliveryCount(message);
            context.put("stream", stream.label());
            Messages.traceId(message).ifPresent(trace -> context.put("trace_id", trace));
        }
    }

    /**
     * Ingests one delivery. Whatever fails unexpectedly on the way (a runtime exception of any component) makes the
     * message a dead letter naming the exception: redelivering it would only fail again.
     */
    public Outcome ingest(Stream stream, Message message) {
        long started = System.nanoTime();
        Delivery delivery = new Delivery(stream, message);
        try {
            return ingest(delivery, started);
        } catch (RetryLater e) {
            throw e;
        } catch (RuntimeException e) {
            LogRecord failure = new LogRecord(Level.SEVERE, "Unexpected failure ingesting a message; it becomes a dead letter");
            failure.setLoggerName(LOG.getName());
            failure.setParameters(new Object[]{delivery.context});
            failure.setThrown(e);
            LOG.log(failure);
            return deadLetter(delivery, "unexpected failure: " + e.getClass().getName() + ": " + e.getMessage());
        }
    }

    private Outcome ingest(Delivery delivery, long started) {
        Stream stream = delivery.stream;
        try {
            delivery.body = Messages.body(delivery.message, parser.maxBodyBytes());
        } catch (JMSException e) {
            return retryOrGiveUp(delivery, "message body unreadable: " + e.getMessage(), e);
        } catch (MalformedEventException e) {
            return deadLetter(delivery, e.getMessage());
        }
        if (!delivery.body.complete()) {
            return deadLetter(delivery, EventParser.oversized(delivery.body.size(), parser.maxBodyBytes()));
        }
        Event event;
        try {
            event = parser.parse(delivery.body.bytes());
        } catch (MalformedEventException e) {
            return deadLetter(delivery, "malformed: " + e.getMessage());
        }
        delivery.event = event;
        delivery.context.put("event_id", event.id().toString());
        delivery.context.put("type", event.type());
        Span consumer = Span.current();
        consumer.setAttribute(SpanAttributes.EVENT_ID, event.id().toString());
        consumer.setAttribute(SpanAttributes.EVENT_TYPE, event.type());
        if (event.known()) {
            consumer.setAttribute(SpanAttributes.AGGREGATE_ID, event.state().aggregateId().toString());
        }
        if (!event.known()) {
            LOG.log(Level.INFO, "Unknown event type acknowledged without effect", delivery.context);
            return record(stream, Outcome.UNKNOWN, event, started);
        }
        try {
            Outcome outcome = written(stream, event);
            consumer.setAttribute(SpanAttributes.OUTCOME, outcome.label());
            if (LOG.isLoggable(Level.FINE)) {
                LOG.log(Level.FINE, "Event " + outcome.label(), delivery.context);
            }
            return record(stream, outcome, event, started);
        } catch (ExecutionException e) {
            WriteFailure failure = e.getCause() instanceof WriteFailure w ? w : new WriteFailure(String.valueOf(e.getCause()), true, e.getCause());
            if (!writer.running()) {
                // the instance is stopping: not a failure of this event, so neither counted nor delayed
                throw new RetryLater("instance stopping; left for redelivery", failure);
            }
            if (!failure.isTransient()) {
                return deadLetter(delivery, "rejected by the database: " + failure.getMessage());
            }
            return retryOrGiveUp(delivery, failure.getMessage(), failure);
        } catch (TimeoutException e) {
            return retryOrGiveUp(delivery, "write not committed within " + WRITE_TIMEOUT.toSeconds() + " s", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new RetryLater("interrupted while writing", e);
        }
    }

    /** The group commit's answer for this event, waited for in a span of its own: most of a delivery's time is here. */
    private Outcome written(Stream stream, Event event) throws InterruptedException, ExecutionException, TimeoutException {
        SpanBuilder write = tracer.spanBuilder(stream.label() + ".events write")
                .setAttribute(SpanAttributes.STREAM, stream.label())
                .setAttribute(SpanAttributes.AGGREGATE_ID, event.state().aggregateId().toString());
        Span span = write.startSpan();
        try (Scope scope = span.makeCurrent()) {
            Outcome outcome = writer.submit(stream, event).get(WRITE_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
            span.setAttribute(SpanAttributes.OUTCOME, outcome.label());
            return outcome;
        } catch (InterruptedException | ExecutionException | TimeoutException | RuntimeException e) {
            span.recordException(e);
            span.setStatus(StatusCode.ERROR);
            throw e;
        } finally {
            span.end();
        }
    }

    private Outcome retryOrGiveUp(Delivery delivery, String reason, Throwable cause) {
        if (retry.exhausted(delivery.count)) {
            return deadLetter(delivery, "transient failure, " + delivery.count + " attempts spent: " + reason);
        }
        statistics.record(delivery.stream, Outcome.RETRIED, null);
        metrics.count(delivery.stream, Outcome.RETRIED);
        Duration backOff = retry.delayAfter(delivery.count);
        LOG.log(Level.WARNING, "Delivery " + delivery.count + " failed, retrying after " + backOff.toMillis() + " ms: " + reason,
                delivery.context);
        sleep(backOff);
        throw new RetryLater(reason, cause);
    }

    /**
     * Stores the dead letter. A database that is down or busy makes the message come back later; one that refuses the
     * dead letter itself gets it once more without its headers, so that the refusal cannot repeat on every delivery.
     */
    private Outcome deadLetter(Delivery delivery, String reason) {
        Event event = delivery.event;
        UUID eventId = event == null ? null : event.id();
        String eventType = event == null ? null : event.type();
        try {
            try {
                deadLetters.store(new DeadLetters.Letter(delivery.stream, reason, delivery.body, Messages.headers(delivery.message),
                        eventId, eventType, delivery.count));
            } catch (SQLException e) {
                if (WriteFailure.of(e).isTransient()) {
                    throw e;
                }
                LOG.log(Level.WARNING, "Dead letter refused (" + e.getMessage() + "); storing it without its headers", delivery.context);
                deadLetters.store(new DeadLetters.Letter(delivery.stream, reason + " (stored without its headers, which the "
                        + "database refused: " + e.getMessage() + ")", delivery.body, "{}", eventId, eventType, delivery.count));
            }
        } catch (SQLException e) {
            sleep(retry.delayAfter(delivery.count));
            throw new RetryLater("dead letter not stored (" + e.getMessage() + ") for: " + reason, e);
        }
        LOG.log(Level.WARNING, "Dead-lettered: " + reason, delivery.context);
        statistics.record(delivery.stream, Outcome.DEAD_LETTERED, event == null ? null : event.occurredAt());
        metrics.count(delivery.stream, Outcome.DEAD_LETTERED);
        return Outcome.DEAD_LETTERED;
    }

    private Outcome record(Stream stream, Outcome outcome, Event event, long startedNanos) {
        statistics.record(stream, outcome, event.occurredAt());
        metrics.processed(stream, outcome, Duration.ofNanos(System.nanoTime() - startedNanos), event.occurredAt(), clock.instant());
        return outcome;
    }

    /** Applies a dead letter's body again; the caller resolves the dead letter by the outcome. */
    public Outcome replay(Stream stream, byte[] body) throws MalformedEventException, WriteFailure {
        Event event = parser.parse(body);
        if (!event.known()) {
            return Outcome.UNKNOWN;
        }
        try {
            Outcome outcome = writer.submit(stream, event).get(WRITE_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
            statistics.record(stream, outcome, event.occurredAt());
            metrics.count(stream, outcome);
            return outcome;
        } catch (ExecutionException e) {
            throw e.getCause() instanceof WriteFailure w ? w : new WriteFailure(String.valueOf(e.getCause()), true, e);
        } catch (TimeoutException e) {
            throw new WriteFailure("write not committed in time", true, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new WriteFailure("interrupted", true, e);
        }
    }

    private static void sleep(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
