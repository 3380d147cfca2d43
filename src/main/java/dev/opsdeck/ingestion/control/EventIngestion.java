package dev.opsdeck.ingestion.control;

import dev.opsdeck.ingestion.entity.Event;
import dev.opsdeck.ingestion.entity.Outcome;
import dev.opsdeck.ingestion.entity.Stream;
import jakarta.jms.JMSException;
import jakarta.jms.Message;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.logging.Level;
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

    public EventIngestion(EventParser parser, ReadModelWriter writer, DeadLetters deadLetters,
                          IngestionStatistics statistics, IngestionMetrics metrics, RetryPolicy retry, Clock clock) {
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

    public Outcome ingest(Stream stream, Message message) {
        long started = System.nanoTime();
        int delivery = Messages.deliveryCount(message);
        Map<String, String> context = new LinkedHashMap<>();
        context.put("stream", stream.label());
        Messages.traceId(message).ifPresent(trace -> context.put("trace_id", trace));
        byte[] body;
        Event event;
        try {
            body = Messages.body(message);
        } catch (JMSException e) {
            return retryOrGiveUp(stream, message, new byte[0], null, "message body unreadable: " + e.getMessage(), delivery,
                    context, e);
        } catch (MalformedEventException e) {
            return deadLetter(stream, message, new byte[0], null, e.getMessage(), delivery, context);
        }
        try {
            event = parser.parse(body);
        } catch (MalformedEventException e) {
            return deadLetter(stream, message, body, null, "malformed: " + e.getMessage(), delivery, context);
        }
        context.put("event_id", event.id().toString());
        context.put("type", event.type());
        if (!event.known()) {
            LOG.log(Level.INFO, "Unknown event type acknowledged without effect", context);
            return record(stream, Outcome.UNKNOWN, event, started);
        }
        try {
            Outcome outcome = writer.submit(stream, event).get(WRITE_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
            if (LOG.isLoggable(Level.FINE)) {
                LOG.log(Level.FINE, "Event " + outcome.label(), context);
            }
            return record(stream, outcome, event, started);
        } catch (ExecutionException e) {
            WriteFailure failure = e.getCause() instanceof WriteFailure w ? w : new WriteFailure(String.valueOf(e.getCause()), true, e.getCause());
            if (!writer.running()) {
                // the instance is stopping: not a failure of this event, so neither counted nor delayed
                throw new RetryLater("instance stopping; left for redelivery", failure);
            }
            if (!failure.isTransient()) {
                return deadLetter(stream, message, body, event, "rejected by the database: " + failure.getMessage(), delivery, context);
            }
            return retryOrGiveUp(stream, message, body, event, failure.getMessage(), delivery, context, failure);
        } catch (TimeoutException e) {
            return retryOrGiveUp(stream, message, body, event, "write not committed within " + WRITE_TIMEOUT.toSeconds() + " s",
                    delivery, context, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new RetryLater("interrupted while writing", e);
        }
    }

    private Outcome retryOrGiveUp(Stream stream, Message message, byte[] body, Event event, String reason, int delivery,
                                  Map<String, String> context, Throwable cause) {
        if (retry.exhausted(delivery)) {
            return deadLetter(stream, message, body, event, "transient failure, " + delivery + " attempts spent: " + reason,
                    delivery, context);
        }
        statistics.record(stream, Outcome.RETRIED, null);
        metrics.count(stream, Outcome.RETRIED);
        Duration backOff = retry.delayAfter(delivery);
        LOG.log(Level.WARNING, "Delivery " + delivery + " failed, retrying after " + backOff.toMillis() + " ms: " + reason, context);
        sleep(backOff);
        throw new RetryLater(reason, cause);
    }

    private Outcome deadLetter(Stream stream, Message message, byte[] body, Event event, String reason, int delivery,
                               Map<String, String> context) {
        try {
            deadLetters.store(new DeadLetters.Letter(stream, reason, body, Messages.headers(message),
                    event == null ? null : event.id(), event == null ? null : event.type(), delivery));
        } catch (SQLException e) {
            sleep(retry.delayAfter(delivery));
            throw new RetryLater("dead letter not stored (" + e.getMessage() + ") for: " + reason, e);
        }
        LOG.log(Level.WARNING, "Dead-lettered: " + reason, context);
        statistics.record(stream, Outcome.DEAD_LETTERED, event == null ? null : event.occurredAt());
        metrics.count(stream, Outcome.DEAD_LETTERED);
        return Outcome.DEAD_LETTERED;
    }

    private Outcome record(Stream stream, Outcome outcome, Event event, long startedNanos) {
        statistics.record(stream, outcome, event.occurredAt());
        metrics.processed(stream, outcome, Duration.ofNanos(System.nanoTime() - startedNanos),
                Duration.between(event.occurredAt(), clock.instant()));
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
