package dev.opsdeck.simulator.boundary;

import dev.opsdeck.goservices.control.GoServices;
import dev.opsdeck.goservices.control.ServiceSettings;
import dev.opsdeck.configuration.InvalidConfigurationException;
import dev.opsdeck.configuration.StartupFailure;
import dev.opsdeck.simulator.control.SimulatedWorld;
import dev.opsdeck.simulator.control.SimulatorServer;
import dev.opsdeck.simulator.control.SimulatorSwitches;
import dev.opsdeck.simulator.control.StompPublisher;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.inject.Inject;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.util.Random;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Demo mode only ({@code OPSDECK_DEMO=true}): starts the simulated Go services on {@code simulator.port} and
 * publishes their events, a few per second, to the broker over STOMP, so that the console has data and its
 * actions have somebody to answer them.
 */
@Singleton
@Startup
public class Simulator {

    private static final Logger LOG = Logger.getLogger(Simulator.class.getName());
    private static final long TICK_MS = 100;

    @Inject
    GoServices services;

    @Resource
    ManagedExecutorService threads;

    @Resource
    ManagedScheduledExecutorService scheduler;

    @Inject
    @ConfigProperty(name = "simulator.events-per-second", defaultValue = "3")
    double eventsPerSecond;

    @Inject
    @ConfigProperty(name = "simulator.refund-delay-ms", defaultValue = "5000")
    long refundDelayMs;

    @Inject
    @ConfigProperty(name = "simulator.slow-ms", defaultValue = "0")
    long slowMs;

    @Inject
    @ConfigProperty(name = "simulator.failing", defaultValue = "false")
    boolean failing;

    @Inject
    @ConfigProperty(name = "simulator.conflict", defaultValue = "false")
    boolean conflict;

    @Inject
    @ConfigProperty(name = "broker.host", defaultValue = "127.0.0.1")
    String brokerHost;

    @Inject
    @ConfigProperty(name = "broker.port", defaultValue = "61616")
    int brokerPort;

    private SimulatorServer server;
    private StompPublisher publisher;
    private ScheduledFuture<?> traffic;
    private final Random random = new Random();

    @PostConstruct
    void start() {
        ServiceSettings settings = services.settings();
        if (!settings.demo()) {
            return;
        }
        if (eventsPerSecond < 0 || eventsPerSecond > 1000) {
            throw StartupFailure.stop(new InvalidConfigurationException("simulator.events-per-second", "expected 0 to 1000"));
        }
        Clock clock = Clock.systemUTC();
        SimulatedWorld world = new SimulatedWorld(random, Duration.ofMillis(refundDelayMs));
        try {
            server = new SimulatorServer(settings.simulatorPort(), settings.simulatorToken(), world,
                    new SimulatorSwitches(slowMs, failing, conflict), threads, clock);
        } catch (IOException e) {
            throw StartupFailure.stop(new InvalidConfigurationException(ServiceSettings.SIMULATOR_PORT,
                    "the simulator cannot listen on port " + settings.simulatorPort() + ": " + e.getMessage()));
        }
        publisher = new StompPublisher(brokerHost, brokerPort);
        double stepsPerTick = eventsPerSecond * TICK_MS / 1000.0;
        traffic = scheduler.scheduleWithFixedDelay(() -> {
            try {
                world.step(clock.instant(), random.nextDouble() < stepsPerTick);
                for (SimulatedWorld.Event event : world.drain()) {
                    publisher.publish(event.address(), event.body());
                }
            } catch (IOException | RuntimeException e) {
                LOG.log(Level.WARNING, "Simulator could not publish; it tries again", e);
            }
        }, 2000, TICK_MS, TimeUnit.MILLISECONDS);
        LOG.info(() -> "Demo mode: simulated payments and accounts services on http://127.0.0.1:" + server.port()
                + "/ (token from simulator.token), events to " + brokerHost + ":" + brokerPort + " at about "
                + eventsPerSecond + " per second; switches at /simulator/switches");
    }

    @PreDestroy
    void stop() {
        if (traffic != null) {
            traffic.cancel(true);
        }
        if (server != null) {
            server.close();
        }
        if (publisher != null) {
            publisher.close();
        }
    }
}
