package dev.opsdeck.ingestion.boundary;

import dev.opsdeck.ingestion.control.Fleet;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.ejb.DependsOn;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.Timeout;
import jakarta.ejb.TimerConfig;
import jakarta.ejb.TimerService;
import jakarta.ejb.TransactionManagement;
import jakarta.ejb.TransactionManagementType;
import jakarta.inject.Inject;
import java.sql.SQLException;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** Writes this instance's heartbeat every few seconds; a missed beat only makes the instance look stale for a while. */
@Singleton
@Startup
@DependsOn("SchemaMigration")
@TransactionManagement(TransactionManagementType.BEAN)
public class HeartbeatTimer {

    private static final Logger LOG = Logger.getLogger(HeartbeatTimer.class.getName());

    @Resource
    TimerService timers;

    @Inject
    Fleet fleet;

    @Inject
    @ConfigProperty(name = "fleet.heartbeat.interval.seconds", defaultValue = "5")
    long intervalSeconds;

    private volatile boolean failing;

    @PostConstruct
    void start() {
        if (intervalSeconds <= 0) {
            throw new IllegalStateException("fleet.heartbeat.interval.seconds must be positive, was " + intervalSeconds);
        }
        if (intervalSeconds * 2 > fleet.staleAfter().toSeconds()) {
            LOG.warning(() -> "fleet.heartbeat.interval.seconds (" + intervalSeconds + ") is more than half of "
                    + "fleet.heartbeat.stale.seconds (" + fleet.staleAfter().toSeconds() + "): live instances will look stale");
        }
        timers.createIntervalTimer(0, intervalSeconds * 1000, new TimerConfig(null, false));
    }

    @Timeout
    void beat() {
        try {
            fleet.beat();
            if (failing) {
                failing = false;
                LOG.info("Heartbeat written again");
            }
        } catch (SQLException | RuntimeException e) {
            if (!failing) {
                failing = true;
                LOG.log(Level.WARNING, "Heartbeat not written; the next one tries again", e);
            }
        }
    }
}
