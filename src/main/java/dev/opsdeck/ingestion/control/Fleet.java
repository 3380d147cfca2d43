package dev.opsdeck.ingestion.control;

import dev.opsdeck.process.control.BuildInfo;
import dev.opsdeck.process.control.FleetRoles;
import dev.opsdeck.process.control.ServedRoles;
import dev.opsdeck.schema.control.Schema;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import javax.sql.DataSource;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** This instance's place in the fleet: its name, its heartbeat, and the figures of every instance on the database. */
@ApplicationScoped
public class Fleet {

    @Resource(lookup = Schema.DATA_SOURCE)
    DataSource dataSource;

    @Inject
    IngestionPipeline pipeline;

    @Inject
    ServedRoles served;

    @Inject
    FleetRoles fleetRoles;

    @Inject
    @ConfigProperty(name = "instance.name")
    Optional<String> configuredName;

    @Inject
    @ConfigProperty(name = "fleet.heartbeat.stale.seconds", defaultValue = "20")
    long staleSeconds;

    @Inject
    @ConfigProperty(name = "fleet.heartbeat.forget.seconds", defaultValue = "86400")
    long forgetSeconds;

    private Heartbeats heartbeats;
    private volatile boolean stopped;

    @PostConstruct
    void build() {
        if (staleSeconds <= 0 || forgetSeconds < staleSeconds) {
            throw new IllegalStateException("fleet.heartbeat.stale.seconds must be positive and at most fleet.heartbeat.forget.seconds, was "
                    + staleSeconds + " and " + forgetSeconds);
        }
        String name = configuredName.filter(n -> !n.isBlank()).orElseGet(Fleet::defaultName);
        heartbeats = new Heartbeats(dataSource, name, BuildInfo.VERSION, served.roles().label(), Duration.ofSeconds(staleSeconds),
                Duration.ofSeconds(forgetSeconds));
    }

    /** The host name (a pod's name on Kubernetes) and the process id, so that instances sharing a host differ. */
    static String defaultName() {
        String host;
        try {
            host = InetAddress.getLocalHost().getHostName();
        } catch (UnknownHostException e) {
            host = "unknown-host";
        }
        return host + "-" + ProcessHandle.current().pid();
    }

    public String instanceName() {
        return heartbeats.name();
    }

    public Duration staleAfter() {
        return heartbeats.staleAfter();
    }

    public synchronized void beat() throws SQLException {
        if (!stopped) {
            heartbeats.beat(pipeline.statistics(), Instant.now());
        }
    }

    /** The last heartbeat: no later beat overwrites it. */
    public synchronized void stopped() throws SQLException {
        stopped = true;
        heartbeats.stopped(pipeline.statistics(), Instant.now());
    }

    /** This instance's figures as a fleet of one, for when the others' heartbeats cannot be read. */
    public FleetFigures alone() {
        return heard(heartbeats.alone(pipeline.statistics(), Instant.now()));
    }

    public FleetFigures figures() throws SQLException {
        return heard(heartbeats.fleet(pipeline.statistics(), Instant.now()));
    }

    private FleetFigures heard(FleetFigures figures) {
        figures.instances().forEach(instance -> fleetRoles.heard(instance.name(), instance.roles()));
        return figures;
    }
}
