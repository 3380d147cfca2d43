package dev.opsdeck.health.boundary;

import dev.opsdeck.commands.control.CommandDispatcher;
import dev.opsdeck.ingestion.control.Fleet;
import dev.opsdeck.ingestion.control.IngestionPipeline;
import dev.opsdeck.records.control.ListPreferences;
import dev.opsdeck.reports.control.Reports;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.ejb.DependsOn;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.TransactionManagement;
import jakarta.ejb.TransactionManagementType;
import jakarta.enterprise.concurrent.ManagedThreadFactory;
import jakarta.inject.Inject;
import java.sql.SQLException;
import java.time.Duration;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import sun.misc.Signal;
import sun.misc.SignalHandler;

/**
 * The instance's stop on SIGTERM, within {@code shutdown.grace.seconds}. Payara's own shutdown hook undeploys the
 * application and closes the database pool within a second of the signal, before any {@code @PreDestroy} could
 * hand work back; so Opsdeck takes SIGTERM itself and first, while everything still works: no new report run or
 * command claim, readiness down, deliveries that arrive wait unacknowledged while those under way commit, report
 * runs go back to the queue, command calls still under way are made due again, users' last list views are written,
 * the last heartbeat says stopped; then it exits (status 143), which runs the shutdown hooks. Opsdeck's own hook releases the waiting deliveries to
 * the broker, and a watchdog halts the process if the grace period runs out.
 */
@Singleton
@Startup
@DependsOn("SchemaMigration")
@TransactionManagement(TransactionManagementType.BEAN)
public class GracefulStop {

    private static final Logger LOG = Logger.getLogger(GracefulStop.class.getName());
    private static final Duration MARGIN = Duration.ofSeconds(5);
    private static final int SIGTERM_STATUS = 143;

    // static, so that the readiness check reads it without calling into an EJB container that is starting or stopping
    private static volatile boolean stopping;

    // threads of the application's context: a plain thread has no class loader for its beans
    @Resource
    ManagedThreadFactory threads;

    @Inject
    Reports reports;

    @Inject
    CommandDispatcher commands;

    @Inject
    IngestionPipeline pipeline;

    @Inject
    Fleet fleet;

    @Inject
    ListPreferences listPreferences;

    @Inject
    @ConfigProperty(name = "shutdown.grace.seconds", defaultValue = "25")
    long graceSeconds;

    private Thread hook;
    private SignalHandler previous;
    private volatile long signalledAt;
    private volatile boolean watchdogArmed;

    @PostConstruct
    void register() {
        if (graceSeconds <= MARGIN.toSeconds()) {
            throw new IllegalStateException("shutdown.grace.seconds must be more than " + MARGIN.toSeconds() + ", was " + graceSeconds);
        }
        stopping = false;
        hook = threads.newThread(this::exiting);
        Runtime.getRuntime().addShutdownHook(hook);
        previous = Signal.handle(new Signal("TERM"), signal -> threads.newThread(this::drainAndExit).start());
    }

    public static boolean stopping() {
        return stopping;
    }

    private void drainAndExit() {
        signalledAt = System.nanoTime();
        stopping = true;
        armWatchdog();
        reports.stopStarting();
        commands.stopClaiming();
        LOG.info(() -> "SIGTERM: stopping within " + graceSeconds + " s");
        try {
            boolean drained = pipeline.pause(remaining().dividedBy(3));
            int reportsLeft = reports.stop(remaining().dividedBy(2));
            int handedBack = commands.stop(remaining());
            listPreferences.writeLastViews();
            fleet.stopped();
            LOG.info(() -> "Stopped: " + (drained ? "deliveries under way committed" : "deliveries still under way")
                    + ", " + (reportsLeft == 0 ? "no report run under way" : reportsLeft + " report runs still under way")
                    + ", " + handedBack + " command calls handed back; exiting");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            LOG.warning("Interrupted while handing work back; exiting");
        } catch (SQLException | RuntimeException e) {
            LOG.log(Level.WARNING, "Could not hand all work back; what is left ends on its own (leases, redelivery)", e);
        } finally {
            System.exit(SIGTERM_STATUS);
        }
    }

    /** The JVM is exiting, after the drain above or on any other way out (SIGINT, System.exit). */
    private void exiting() {
        stopping = true;
        reports.stopStarting();
        commands.stopClaiming();
        pipeline.release();
        armWatchdog();
    }

    private synchronized void armWatchdog() {
        if (watchdogArmed) {
            return;
        }
        watchdogArmed = true;
        if (signalledAt == 0) {
            signalledAt = System.nanoTime();
        }
        Thread watchdog = new Thread(() -> {
            try {
                Thread.sleep(Duration.ofSeconds(graceSeconds).toMillis());
            } catch (InterruptedException e) {
                return;
            }
            LOG.severe(() -> "Not stopped within shutdown.grace.seconds (" + graceSeconds + " s): halting");
            Runtime.getRuntime().halt(1);
        }, "opsdeck-grace-watchdog");
        watchdog.setDaemon(true);
        watchdog.start();
    }

    @PreDestroy
    void unregister() {
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException shuttingDown) {
            // the JVM is exiting: the hook has run or is running
        }
        if (previous != null && !stopping) {
            Signal.handle(new Signal("TERM"), previous);
        }
        pipeline.release();
    }

    /** The time left for handing back, keeping a margin of the grace period for the server's own shutdown. */
    private Duration remaining() {
        Duration left = Duration.ofSeconds(graceSeconds).minus(MARGIN).minusNanos(System.nanoTime() - signalledAt);
        return left.isNegative() ? Duration.ZERO : left;
    }
}
