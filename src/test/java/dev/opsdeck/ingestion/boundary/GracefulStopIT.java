package dev.opsdeck.ingestion.boundary;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.opsdeck.testing.Api;
import dev.opsdeck.testing.Databases;
import dev.opsdeck.testing.Events;
import dev.opsdeck.testing.RunningJar;
import dev.opsdeck.testing.Stomp;
import dev.opsdeck.testing.Tokens;
import jakarta.json.JsonObject;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The shipped runnable stopped with SIGTERM while it consumes a stream from its embedded broker and runs a report,
 * then started again: it exits within its grace period, and nothing of the stop shows as a failure afterwards.
 */
class GracefulStopIT {

    private static final int HTTP_PORT = Integer.getInteger("it.fleet.first.port", 27101) + 2;
    private static final int BROKER_PORT = Integer.getInteger("it.fleet.broker.port", 65101) + 2;
    private String dbUrl;

    @BeforeEach
    void createDatabase() throws Exception {
        dbUrl = Databases.createPostgresDatabase("graceful");
    }

    @AfterEach
    void dropDatabase() throws Exception {
        Databases.dropPostgresDatabase(dbUrl);
    }

    @Test
    void sigtermMidStreamExitsInTheGracePeriodAndLeavesNoRetryDeadLetterOrRunningReport() throws Exception {
        Path dataDir = Files.createTempDirectory(Files.createDirectories(Path.of(System.getProperty("it.work.dir"))), "graceful-");
        Map<String, String> env = Map.of("OPSDECK_DATA_DIR", dataDir.toString(), "DB_URL", dbUrl, "DB_USER", "postgres",
                "BROKER_PORT", String.valueOf(BROKER_PORT), "SERVICE_API_TOKENS", Tokens.NEW_SERVICE_TOKEN,
                "SHUTDOWN_GRACE_SECONDS", "20");
        Random random = new Random(7);
        List<String> events = new ArrayList<>();
        Map<UUID, Long> expected = new HashMap<>();
        Instant t0 = Instant.parse("2026-11-20T10:00:00Z");
        for (int a = 0; a < 50; a++) {
            UUID account = UUID.randomUUID();
            for (int version = 1; version <= 100; version++) {
                long balance = random.nextInt(1_000_000);
                events.add(Events.account(UUID.randomUUID(), "account.updated", account, balance, "active",
                        (long) version, t0.plusSeconds(version)));
                expected.put(account, balance);
            }
        }
        Collections.shuffle(events, random);

        String firstOutput;
        AtomicInteger confirmed = new AtomicInteger();
        try (RunningJar first = RunningJar.start(env, HTTP_PORT)) {
            first.awaitReady(Duration.ofSeconds(600));
            Api api = new Api(URI.create("http://127.0.0.1:" + HTTP_PORT + "/").toURL());
            Thread publisher = new Thread(() -> publishUntilRefused(events, confirmed), "publisher");
            publisher.start();
            awaitAtLeast("SELECT COUNT(*) FROM processed_event", 300);
            Api.Response report = api.post("api/v1/reports", Tokens.NEW_SERVICE_TOKEN, "{\"report_type\":\"account_balances\"}");
            assertEquals(202, report.status(), report.body());
            Instant signalled = Instant.now();
            first.terminate();
            int exit = first.awaitExit(Duration.ofSeconds(30));
            Duration took = Duration.between(signalled, Instant.now());
            publisher.join(30_000);
            firstOutput = first.output();
            assertEquals(143, exit, "exited on SIGTERM by itself, not halted by the grace watchdog (1):\n" + tail(firstOutput));
            assertTrue(took.compareTo(Duration.ofSeconds(20)) < 0, "stopped within the grace period: " + took);
            assertTrue(confirmed.get() < events.size(), "stopped mid-stream: " + confirmed.get() + " of " + events.size() + " sent");
        }
        assertTrue(firstOutput.contains("Stopped: deliveries under way committed"), tail(firstOutput));
        assertFalse(firstOutput.contains("retrying after"), "no delivery failed during the stop:\n" + tail(firstOutput));
        assertFalse(firstOutput.contains("Dead-lettered"), tail(firstOutput));
        assertEquals(2, count("SELECT COUNT(*) FROM instance_heartbeat WHERE stopped_at IS NOT NULL AND retried = 0 "
                + "AND dead_lettered = 0"), "the stopped instance wrote its last heartbeat, and none of its deliveries was retried or dead-lettered");
        assertEquals(0, count("SELECT COUNT(*) FROM report_run WHERE status NOT IN ('queued', 'succeeded')"),
                "the report finished or went back to the queue");

        try (RunningJar second = RunningJar.start(env, HTTP_PORT)) {
            second.awaitReady(Duration.ofSeconds(600));
            publish(events.subList(confirmed.get(), events.size()));
            Instant deadline = Instant.now().plusSeconds(120);
            Map<UUID, Long> actual = Map.of();
            while (Instant.now().isBefore(deadline) && !(actual = balances()).equals(expected)) {
                Thread.sleep(500);
            }
            assertEquals(expected, actual, "read model after a SIGTERM and restart");
            awaitAtLeast("SELECT COUNT(*) FROM report_run WHERE status = 'succeeded'", 1);
            JsonObject status = new Api(URI.create("http://127.0.0.1:" + HTTP_PORT + "/").toURL())
                    .get("api/v1/ingestion/status", Tokens.NEW_SERVICE_TOKEN).json();
            JsonObject outcomes = status.getJsonObject("streams").getJsonObject("accounts").getJsonObject("outcomes");
            assertEquals(0, outcomes.getInt("retried"), status.toString());
            assertEquals(0, outcomes.getInt("dead_lettered"), status.toString());
            assertEquals(0, count("SELECT COUNT(*) FROM dead_letter"));
            assertTrue(status.getJsonArray("instances").stream().map(i -> i.asJsonObject().getString("state")).toList()
                    .containsAll(List.of("live", "stopped")), status.toString());
        }
    }

    private static String tail(String output) {
        return output.length() <= 20_000 ? output : output.substring(output.length() - 20_000);
    }

    /** Sends in order until the broker goes away with the instance; counts the sends the broker confirmed. */
    private static void publishUntilRefused(List<String> events, AtomicInteger confirmed) {
        try (Stomp stomp = Stomp.connect("127.0.0.1", BROKER_PORT)) {
            for (String event : events) {
                stomp.sendText("accounts.events", event, Map.of());
                confirmed.incrementAndGet();
            }
        } catch (Exception stopped) {
            // the instance and its embedded broker stopped; the rest is sent after the restart
        }
    }

    private static void publish(List<String> events) throws Exception {
        try (Stomp stomp = Stomp.connect("127.0.0.1", BROKER_PORT)) {
            for (String event : events) {
                stomp.sendText("accounts.events", event, Map.of());
            }
        }
    }

    private void awaitAtLeast(String sql, long wanted) throws Exception {
        Instant deadline = Instant.now().plusSeconds(120);
        while (count(sql) < wanted) {
            assertTrue(Instant.now().isBefore(deadline), sql + " stayed under " + wanted);
            Thread.sleep(100);
        }
    }

    private long count(String sql) throws Exception {
        try (Connection connection = DriverManager.getConnection(dbUrl, "postgres", "");
             ResultSet row = connection.createStatement().executeQuery(sql)) {
            row.next();
            return row.getLong(1);
        } catch (java.sql.SQLException notMigratedYet) {
            return 0;
        }
    }

    private Map<UUID, Long> balances() throws Exception {
        Map<UUID, Long> balances = new HashMap<>();
        try (Connection connection = DriverManager.getConnection(dbUrl, "postgres", "");
             ResultSet rows = connection.createStatement().executeQuery("SELECT account_id, balance_cents FROM accounts_read")) {
            while (rows.next()) {
                balances.put(rows.getObject(1, UUID.class), rows.getLong(2));
            }
        }
        return balances;
    }
}
