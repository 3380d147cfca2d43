package dev.opsdeck.platform;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.opsdeck.testing.Databases;
import dev.opsdeck.testing.FleetPublisher;
import dev.opsdeck.testing.FleetStream;
import dev.opsdeck.testing.LocalFleet;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The production shape on one machine, through deploy/local/fleet: two Artemis nodes clustered by the shipped
 * server-config/artemis/broker.xml, three Opsdeck instances on PostgreSQL, HAProxy in front. A stream with
 * duplicates, reordering, stale updates and poison messages goes to both nodes while an instance is killed and
 * started again, a broker node is killed and started again, and PostgreSQL restarts (it.fleet.restart.postgres).
 */
class FleetIT {

    private static final int INSTANCES = 3;
    private static final int CONSUMERS = 8;
    private static final String TOKEN = "fleet-it-service-token-0123456789";
    private static final Duration DRAIN = Duration.ofMinutes(6);

    private final int events = Integer.getInteger("it.fleet.events", 3000);
    private final boolean restartPostgres = Boolean.parseBoolean(System.getProperty("it.fleet.restart.postgres", "true"));
    private String dbUrl;

    @BeforeEach
    void createDatabase() throws Exception {
        dbUrl = Databases.createPostgresDatabase("fleet");
    }

    @AfterEach
    void dropDatabase() throws Exception {
        Databases.dropPostgresDatabase(dbUrl);
    }

    @Test
    void aFleetUnderInstanceBrokerAndDatabaseFaultsEndsWithEveryEventAppliedOnceAndNothingLeftOnTheBrokers() throws Exception {
        FleetStream stream = FleetStream.generate(events, 18);
        Path dir = Files.createTempDirectory(Files.createDirectories(Path.of(System.getProperty("it.work.dir"))), "fleet-");
        Map<String, String> env = new HashMap<>(Map.of(
                "FLEET_BASE_PORT", System.getProperty("it.fleet.base.port", "25200"),
                "FLEET_BROKER_PORT", System.getProperty("it.fleet.broker.port", "61520"),
                "ARTEMIS_HOME", System.getProperty("it.artemis.home"),
                "OPSDECK_JAR", System.getProperty("opsdeck.jar"),
                "DB_URL", dbUrl, "DB_USER", "postgres", "SERVICE_API_TOKENS", TOKEN,
                "INGESTION_CONSUMERS", String.valueOf(CONSUMERS),
                "FLEET_JAVA_OPTS", "-Xmx384m -XX:+UseSerialGC -XX:TieredStopAtLevel=1"));
        env.put("FLEET_READY_TIMEOUT", "900");
        env.put("OPSDECK_ADMIN_PASSWORD", "fleet-it-admin-password");
        try (LocalFleet fleet = LocalFleet.up(Path.of(System.getProperty("user.dir")), dir, INSTANCES, env)) {
            assertEquals(200, status(fleet.consoleUrl() + "/health/ready"), "the load balancer serves a ready instance");

            AtomicLong failovers = new AtomicLong();
            AtomicInteger published = new AtomicInteger();
            List<FleetStream.Message> messages = stream.messages();
            // paced over about a minute, so that every fault below lands while the stream flows
            long pauseMicros = Duration.ofSeconds(60).toNanos() / 1000 / messages.size();
            CompletableFuture<Void> publishing = CompletableFuture.runAsync(() -> {
                try (FleetPublisher publisher = new FleetPublisher(List.of(fleet.brokerPort(1), fleet.brokerPort(2)),
                        fleet.brokerUser(), fleet.brokerPassword(), failovers)) {
                    for (FleetStream.Message message : messages) {
                        publisher.publish(message);
                        published.incrementAndGet();
                        TimeUnit.MICROSECONDS.sleep(pauseMicros);
                    }
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IllegalStateException(e);
                }
            });

            awaitPublished(published, messages.size() / 6, publishing);
            fleet.killInstance(2);
            CompletableFuture<Void> instanceBack = CompletableFuture.runAsync(() -> call(() -> fleet.startInstance(2)));

            awaitPublished(published, messages.size() * 2 / 6, publishing);
            fleet.killBroker(1);
            Thread.sleep(5_000);
            fleet.startBroker(1);

            if (restartPostgres) {
                awaitPublished(published, messages.size() * 4 / 6, publishing);
                restartPostgres();
            }

            publishing.get(10, TimeUnit.MINUTES);
            instanceBack.get(15, TimeUnit.MINUTES);

            awaitReadModels(stream);
            awaitEmptyQueues(fleet);
            assertAppliedOnce(stream);
            assertEquals(stream.poison().size(), waitingDeadLetters(), "one dead letter per distinct poison message");
            for (int i = 1; i <= INSTANCES; i++) {
                assertTrue(fleet.instanceAlive(i), "instance " + i + " still runs");
                assertEquals(200, status(fleet.instanceUrl(i) + "/health/ready"), "instance " + i + " is ready");
            }
            assertEveryInstanceConsumesAgain(fleet);
        }
    }

    private void awaitPublished(AtomicInteger published, int count, CompletableFuture<Void> publishing) throws Exception {
        Instant deadline = Instant.now().plus(Duration.ofMinutes(5));
        while (published.get() < count) {
            if (publishing.isDone()) {
                publishing.get();
            }
            if (Instant.now().isAfter(deadline)) {
                throw new AssertionError("only " + published.get() + " of " + count + " messages published within 5 minutes");
            }
            Thread.sleep(100);
        }
    }

    private static void restartPostgres() throws Exception {
        Process restart = new ProcessBuilder("pg_ctlcluster", System.getProperty("it.fleet.postgres.version", "15"),
                System.getProperty("it.fleet.postgres.cluster", "main"), "restart").inheritIO().start();
        assertTrue(restart.waitFor(2, TimeUnit.MINUTES) && restart.exitValue() == 0, "pg_ctlcluster restart succeeded");
    }

    private void awaitReadModels(FleetStream stream) throws Exception {
        Instant deadline = Instant.now().plus(DRAIN);
        String difference = "";
        while (Instant.now().isBefore(deadline)) {
            difference = difference("accounts_read", "account_id", "balance_cents", stream.accounts())
                    + difference("payments_read", "payment_id", "amount_cents", stream.payments());
            if (difference.isEmpty()) {
                return;
            }
            Thread.sleep(1_000);
        }
        throw new AssertionError("read models not in their newest state within " + DRAIN + ":" + difference);
    }

    /** Rows that are missing or differ from the newest version (value, version and the event that set it). */
    private String difference(String table, String key, String value, Map<UUID, FleetStream.Newest> expected) throws Exception {
        Map<UUID, FleetStream.Newest> actual = new HashMap<>();
        try (Connection db = database();
             ResultSet rows = db.createStatement().executeQuery(
                     "SELECT " + key + ", " + value + ", version, last_event_id FROM " + table)) {
            while (rows.next()) {
                actual.put(rows.getObject(1, UUID.class),
                        new FleetStream.Newest(rows.getLong(2), rows.getLong(3), rows.getObject(4, UUID.class)));
            }
        } catch (SQLException databaseRestartingOrNotMigrated) {
            return " " + table + " unreadable: " + databaseRestartingOrNotMigrated.getMessage();
        }
        long wrong = expected.entrySet().stream().filter(e -> !e.getValue().equals(actual.get(e.getKey()))).count();
        return wrong == 0 && actual.size() == expected.size() ? ""
                : " " + table + ": " + wrong + " of " + expected.size() + " rows not newest, " + actual.size() + " rows";
    }

    private void awaitEmptyQueues(LocalFleet fleet) throws Exception {
        Instant deadline = Instant.now().plus(Duration.ofMinutes(3));
        Map<String, Long> left = new HashMap<>();
        while (Instant.now().isBefore(deadline)) {
            left.clear();
            for (int j = 1; j <= 2; j++) {
                for (Map.Entry<String, Long> queue : fleet.queueMessages(j).entrySet()) {
                    if (queue.getValue() > 0) {
                        left.put("node " + j + " " + queue.getKey(), queue.getValue());
                    }
                }
                for (Map.Entry<String, Long> queue : fleet.queueKilledOrExpired(j).entrySet()) {
                    if (queue.getValue() > 0) {
                        left.put("node " + j + " " + queue.getKey() + " killed or expired", queue.getValue());
                    }
                }
            }
            if (left.isEmpty()) {
                return;
            }
            Thread.sleep(2_000);
        }
        throw new AssertionError("messages left on the brokers (broker DLQ, expiry or Opsdeck's queues): " + left);
    }

    private void assertAppliedOnce(FleetStream stream) throws Exception {
        Set<UUID> processed = new HashSet<>();
        long rows = 0;
        long applied = 0;
        try (Connection db = database();
             ResultSet result = db.createStatement().executeQuery("SELECT event_id, outcome FROM processed_event")) {
            while (result.next()) {
                rows++;
                processed.add(result.getObject(1, UUID.class));
                if (result.getString(2).equalsIgnoreCase("applied")) {
                    applied++;
                }
            }
        }
        assertEquals(stream.eventIds(), processed, "every distinct event processed, and no other");
        assertEquals(stream.eventIds().size(), rows, "each distinct event recorded once");
        assertTrue(applied >= stream.accounts().size() + stream.payments().size(),
                "at least the newest event of every aggregate applied, was " + applied);
    }

    private long waitingDeadLetters() throws Exception {
        try (Connection db = database();
             ResultSet count = db.createStatement().executeQuery("SELECT count(*) FROM dead_letter")) {
            count.next();
            return count.getLong(1);
        }
    }

    /** After both faults every instance holds its consumers again, on one node or the other: no one restarted it. */
    private static void assertEveryInstanceConsumesAgain(LocalFleet fleet) throws Exception {
        for (String queue : List.of("opsdeck.accounts.events", "opsdeck.payments.events")) {
            long consumers = fleet.queueConsumers(1).getOrDefault(queue, 0L) + fleet.queueConsumers(2).getOrDefault(queue, 0L);
            assertTrue(consumers >= (long) INSTANCES * CONSUMERS,
                    queue + " has " + consumers + " consumers over both nodes, expected " + INSTANCES * CONSUMERS);
        }
    }

    private Connection database() throws SQLException {
        return DriverManager.getConnection(dbUrl, "postgres", "");
    }

    private static int status(String url) throws Exception {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(30)).build(),
                HttpResponse.BodyHandlers.discarding()).statusCode();
    }

    private interface Step {
        void run() throws Exception;
    }

    private static void call(Step step) {
        try {
            step.run();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
