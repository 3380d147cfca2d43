package dev.opsdeck.reports.control;

import dev.opsdeck.tracing.control.ApplicationTracer;
import dev.opsdeck.tracing.control.Spans;
import dev.opsdeck.tracing.entity.SpanAttributes;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.context.Context;
import dev.opsdeck.schema.control.Schema;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.logging.Level;
import java.util.logging.Logger;
import javax.sql.DataSource;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.metrics.MetricRegistry;

/** The reports component built from its configuration: requests, configurations, the scheduler and background runs. */
@ApplicationScoped
public class Reports {

    private static final Logger LOG = Logger.getLogger(Reports.class.getName());

    @Resource(lookup = Schema.DATA_SOURCE)
    DataSource dataSource;

    @Resource
    ManagedExecutorService executor;

    /** Observed by whoever acts on a finished run (mail delivers it), synchronously, inside the run's transaction. */
    @Inject
    Event<ReportRunFinished> runFinished;

    @Inject
    ApplicationTracer tracing;

    @Inject
    MetricRegistry registry;

    @Inject
    @ConfigProperty(name = "reports.retention-days", defaultValue = "30")
    int retentionDays;

    @Inject
    @ConfigProperty(name = "reports.missed-runs", defaultValue = "catch_up")
    String missedRuns;

    private final Clock clock = Clock.systemUTC();
    private volatile boolean stopping;
    private final AtomicInteger inFlight = new AtomicInteger();
    private ReportRunner runner;
    private ReportFiles files;
    private ReportScheduler scheduler;
    private ReportConfigurations configurations;
    private ReportHousekeeping housekeeping;
    private ReportRunMetrics metrics;

    @PostConstruct
    void build() {
        runner = new ReportRunner(dataSource, Duration.ofDays(retentionDays), clock, () -> stopping, runFinished::fire);
        metrics = new ReportRunMetrics(registry, dataSource);
        files = new ReportFiles(dataSource);
        ReportScheduler.MissedRuns policy = switch (missedRuns) {
            case "catch_up" -> ReportScheduler.MissedRuns.CATCH_UP;
            case "skip" -> ReportScheduler.MissedRuns.SKIP;
            default -> throw new IllegalStateException("reports.missed-runs must be catch_up or skip, was " + missedRuns);
        };
        scheduler = new ReportScheduler(dataSource, clock, policy, Duration.ofMinutes(2));
        configurations = new ReportConfigurations(dataSource, clock);
        housekeeping = new ReportHousekeeping(dataSource, Duration.ofHours(6), clock);
    }

    void buildAtStart(@Observes @Initialized(ApplicationScoped.class) Object started) {
        // building at start registers the report metrics before the first run, so that /metrics lists them at zero
    }

    /** Queues the run and starts it here, unless this instance is stopping: then another instance's tick runs it. */
    public UUID request(ReportRequests.Request request) throws SQLException {
        UUID id;
        try (Connection connection = dataSource.getConnection()) {
            id = ReportRequests.queue(connection, request, clock.instant());
        }
        if (!stopping) {
            start(List.of(id));
        }
        return id;
    }

    public ReportConfigurations configurations() {
        return configurations;
    }

    public ReportFiles files() {
        return files;
    }

    /** One scheduler tick: queue what is due, start what is queued (on this or any instance), tidy up. */
    public void tick() throws SQLException {
        if (stopping) {
            return;
        }
        scheduler.queueDue();
        start(queued());
        ReportHousekeeping.Result tidied = housekeeping.run();
        if (tidied.filesDeleted() + tidied.runsAbandoned() > 0) {
            LOG.info(() -> "Report housekeeping: " + tidied.filesDeleted() + " expired files deleted, "
                    + tidied.runsAbandoned() + " abandoned runs failed");
        }
    }

    private List<UUID> queued() throws SQLException {
        List<UUID> ids = new ArrayList<>();
        try (Connection connection = dataSource.getConnection();
             PreparedStatement query = connection.prepareStatement(
                     "SELECT id FROM report_run WHERE status = 'queued' ORDER BY requested_at")) {
            query.setMaxRows(20);
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    ids.add(rows.getObject(1, UUID.class));
                }
            }
        }
        return ids;
    }

    private void start(List<UUID> ids) {
        for (UUID id : ids) {
            inFlight.incrementAndGet();
            try {
                executor.submit(Context.current().wrap(() -> {
                    try {
                        long started = System.nanoTime();
                        Spans.inSpan(tracing.span("report run").setAttribute(SpanAttributes.REPORT_ID, id.toString()), () -> {
                            ReportRunner.Outcome outcome = runner.run(id);
                            Span.current().setAttribute(SpanAttributes.OUTCOME, outcome.name().toLowerCase(Locale.ROOT));
                            metrics.finished(id, outcome, Duration.ofNanos(System.nanoTime() - started));
                        });
                    } catch (SQLException | RuntimeException e) {
                        LOG.log(Level.WARNING, "Report run " + id + " could not be recorded", e);
                    } finally {
                        finished();
                    }
                }));
            } catch (RuntimeException rejected) {
                finished();
                throw rejected;
            }
        }
    }

    private void finished() {
        synchronized (inFlight) {
            inFlight.decrementAndGet();
            inFlight.notifyAll();
        }
    }

    /**
     * Starts no more runs, and waits at most {@code wait} for those under way: each either finishes or, at its next row,
     * goes back to queued for another instance. Returns how many are still under way.
     */
    public int stop(Duration wait) throws InterruptedException {
        stopping = true;
        long deadline = System.nanoTime() + wait.toNanos();
        synchronized (inFlight) {
            while (inFlight.get() > 0 && System.nanoTime() < deadline) {
                inFlight.wait(Math.max(1, (deadline - System.nanoTime()) / 1_000_000));
            }
            return inFlight.get();
        }
    }

    /** Only flips the switch, for a signal handler that must not block. */
    public void stopStarting() {
        stopping = true;
    }
}
