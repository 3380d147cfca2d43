package dev.opsdeck.ingestion.control;

import dev.opsdeck.ingestion.entity.Stream;
import dev.opsdeck.process.control.InteractiveFirst;
import dev.opsdeck.schema.control.Schema;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedThreadFactory;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import io.opentelemetry.api.OpenTelemetry;
import io.opentelemetry.api.trace.Tracer;
import jakarta.jms.Message;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.logging.Logger;
import javax.sql.DataSource;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.metrics.MetricRegistry;

/** Builds the ingestion pipeline once per application from its configuration, after the schema is migrated. */
@ApplicationScoped
public class IngestionPipeline {

    private static final Logger LOG = Logger.getLogger(IngestionPipeline.class.getName());

    @Resource(lookup = Schema.DATA_SOURCE)
    DataSource dataSource;

    @Resource
    ManagedThreadFactory threads;

    @Inject
    Schema schema;

    @Inject
    MetricRegistry registry;

    @Inject
    QueueDepths queueDepths;

    @Inject
    Instance<Tracer> tracers;

    @Inject
    InteractiveFirst interactiveFirst;

    private Tracer tracer;

    @Inject
    @ConfigProperty(name = "ingestion.max-body-bytes", defaultValue = "65536")
    int maxBodyBytes;

    @Inject
    @ConfigProperty(name = "ingestion.timestamp.future-tolerance-seconds", defaultValue = "86400")
    long futureToleranceSeconds;

    @Inject
    @ConfigProperty(name = "ingestion.retry.attempts", defaultValue = "5")
    int retryAttempts;

    @Inject
    @ConfigProperty(name = "ingestion.retry.initial-delay-ms", defaultValue = "200")
    long initialDelayMs;

    @Inject
    @ConfigProperty(name = "ingestion.retry.max-delay-ms", defaultValue = "5000")
    long maxDelayMs;

    @Inject
    @ConfigProperty(name = "ingestion.batch.max", defaultValue = "256")
    int maxBatch;

    @Inject
    @ConfigProperty(name = "ingestion.writers", defaultValue = "1")
    int writers;

    private ReadModelWriter writer;
    private DeadLetters deadLetters;
    private IngestionStatistics statistics;
    private EventIngestion ingestion;
    private final AtomicInteger inFlight = new AtomicInteger();
    private final Object held = new Object();
    private volatile boolean paused;
    private volatile boolean released;

    @PostConstruct
    void build() {
        try {
            schema.migrate();
        } catch (SQLException e) {
            throw new IllegalStateException("schema not migrated: " + e.getMessage(), e);
        }
        Clock clock = Clock.systemUTC();
        tracer = tracers.isResolvable() ? tracers.get() : OpenTelemetry.noop().getTracer("opsdeck");
        ReadModelStatements statements = statementsFor(dataSource);
        deadLetters = new DeadLetters(dataSource, clock);
        statistics = new IngestionStatistics(clock);
        IngestionMetrics metrics = new IngestionMetrics(registry, this::deadLettersWaitingOrMinusOne, queueDepths::of);
        writer = new ReadModelWriter(dataSource, statements, writers, maxBatch, clock, threads, metrics::batch,
                interactiveFirst.ingestionYield());
        RetryPolicy retry = new RetryPolicy(retryAttempts, Duration.ofMillis(initialDelayMs), Duration.ofMillis(maxDelayMs));
        ingestion = new EventIngestion(new EventParser(maxBodyBytes, clock, Duration.ofSeconds(futureToleranceSeconds)), writer, deadLetters, statistics, metrics, retry, clock, tracer);
        LOG.info(() -> "Ingestion ready: " + statements + " statements, retry " + retry);
    }

    void buildAtStart(@Observes @Initialized(ApplicationScoped.class) Object started) {
        statistics();
    }

    @PreDestroy
    void stop() {
        try {
            writer.close();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    public void ingest(Stream stream, Message message) {
        inFlight.incrementAndGet();
        if (paused) {
            inFlight.decrementAndGet();
            holdUntilReleased();
        }
        try {
            MessageTracing.traced(tracer, stream, stream.label() + ".events", message, () -> ingestion.ingest(stream, message));
        } finally {
            inFlight.decrementAndGet();
        }
    }

    /**
     * Deliveries arriving from now on wait, unacknowledged, until {@link #release}; waits at most {@code wait} for
     * those under way to commit. True if none is left under way.
     */
    public boolean pause(Duration wait) throws InterruptedException {
        paused = true;
        long deadline = System.nanoTime() + wait.toNanos();
        while (inFlight.get() > 0 && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        return inFlight.get() == 0;
    }

    /** Sends the waiting deliveries back to the broker unacknowledged, neither counted nor delayed: the process is exiting. */
    public void release() {
        synchronized (held) {
            released = true;
            held.notifyAll();
        }
    }

    private void holdUntilReleased() {
        synchronized (held) {
            while (!released) {
                try {
                    held.wait(1_000);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    break;
                }
            }
        }
        throw new EventIngestion.RetryLater("instance stopping; left for redelivery", null);
    }

    public EventIngestion ingestion() {
        return ingestion;
    }

    public DeadLetters deadLetters() {
        return deadLetters;
    }

    public IngestionStatistics statistics() {
        return statistics;
    }

    private long deadLettersWaitingOrMinusOne() {
        try {
            return deadLetters.waiting();
        } catch (SQLException e) {
            return -1;
        }
    }

    private static ReadModelStatements statementsFor(DataSource dataSource) {
        try (Connection connection = dataSource.getConnection()) {
            return ReadModelStatements.forProduct(connection.getMetaData().getDatabaseProductName());
        } catch (SQLException e) {
            throw new IllegalStateException("database unreachable while starting ingestion: " + e.getMessage(), e);
        }
    }
}
