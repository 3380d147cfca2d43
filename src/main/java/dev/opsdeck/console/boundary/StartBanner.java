package dev.opsdeck.console.boundary;

import dev.opsdeck.console.control.BannerText;
import dev.opsdeck.logging.control.PlainLines;
import dev.opsdeck.security.boundary.FirstAdmin;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedThreadFactory;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.servlet.ServletContext;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Once the server answers its readiness probe, prints {@link BannerText} once: after Payara's own "ready" line, where
 * a person starting Opsdeck in a terminal looks.
 */
@ApplicationScoped
public class StartBanner {

    private static final Logger LOG = Logger.getLogger(StartBanner.class.getName());
    private static final Logger BANNER = Logger.getLogger(PlainLines.BARE);
    private static final Duration PATIENCE = Duration.ofMinutes(10);

    @Resource
    ManagedThreadFactory threads;

    @Inject
    FirstAdmin firstAdmin;

    @Inject
    @ConfigProperty(name = "opsdeck.data.dir", defaultValue = "./data")
    String dataDirectory;

    @Inject
    @ConfigProperty(name = "opsdeck.demo", defaultValue = "false")
    boolean demo;

    @Inject
    @ConfigProperty(name = "broker.url")
    Optional<String> brokerUrl;

    @Inject
    @ConfigProperty(name = "broker.host", defaultValue = "127.0.0.1")
    String brokerHost;

    @Inject
    @ConfigProperty(name = "broker.port", defaultValue = "61616")
    int brokerPort;

    private volatile boolean stopped;

    void announceWhenReady(@Observes @Initialized(ApplicationScoped.class) ServletContext context) {
        int port = HttpPort.of();
        String consoleUrl = "http://localhost:" + port + context.getContextPath() + "/";
        Thread waiter = threads.newThread(() -> awaitReadyThenPrint(URI.create("http://127.0.0.1:" + port + "/health/ready"), consoleUrl));
        waiter.setName("opsdeck-start-banner");
        waiter.setDaemon(true);
        waiter.start();
    }

    @PreDestroy
    void stop() {
        stopped = true;
    }

    private void awaitReadyThenPrint(URI readiness, String consoleUrl) {
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(2)).build();
        Instant deadline = Instant.now().plus(PATIENCE);
        try {
            while (!stopped && Instant.now().isBefore(deadline)) {
                if (ready(http, readiness)) {
                    BANNER.info(new BannerText(consoleUrl, FirstAdmin.USER, firstAdmin.createdNow(), firstAdmin.takeGeneratedPassword(),
                            demo, Path.of(dataDirectory).toAbsolutePath().normalize(),
                            BannerText.broker(brokerUrl, brokerHost, brokerPort)).text());
                    return;
                }
                Thread.sleep(500);
            }
            if (!stopped) {
                LOG.warning("Opsdeck was not ready after " + PATIENCE.toMinutes() + " minutes (" + readiness + "); no start banner");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static boolean ready(HttpClient http, URI readiness) {
        try {
            return http.send(HttpRequest.newBuilder(readiness).timeout(Duration.ofSeconds(30)).GET().build(),
                    HttpResponse.BodyHandlers.ofString()).statusCode() == 200;
        } catch (IOException e) {
            LOG.log(Level.FINE, "not ready yet", e);
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
