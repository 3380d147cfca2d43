package dev.opsdeck.ingestion.boundary;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.opsdeck.testing.Databases;
import dev.opsdeck.testing.Events;
import dev.opsdeck.testing.RunningJar;
import dev.opsdeck.testing.Stomp;
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
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The shipped runnable, killed with SIGKILL while it consumes a stream from its embedded broker, then
 * restarted: the read model ends exactly as the events fold, as an uninterrupted run would leave it.
 */
class CrashRecoveryIT {

    private static final int HTTP_PORT = 18183;
    private static final int BROKER_PORT = 61730;
    private String dbUrl;

    @BeforeEach
    void createDatabase() throws Exception {
        dbUrl = Databases.createPostgresDatabase("crash");
    }

    @AfterEach
    void dropDatabase() throws Exception {
        Databases.dropPostgresDatabase(dbUrl);
    }

    @Test
    void killedMidStreamAndRestartedEndsWithTheFoldedState() throws Exception {
        Path dataDir = Files.createTempDirectory(Files.createDirectories(Path.of(System.getProperty("it.work.dir"))), "crash-");
        Map<String, String> env = Map.of("OPSDECK_DATA_DIR", dataDir.toString(), "DB_URL", dbUrl, "DB_USER", "postgres",
                "BROKER_PORT", String.valueOf(BROKER_PORT));

        Random random = new Random(99);
        List<UUID> accounts = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            accounts.add(UUID.randomUUID());
        }
        List<String> events = new ArrayList<>();
        Map<UUID, Long> expected = new HashMap<>();
        Instant t0 = Instant.parse("2026-11-20T10:00:00Z");
        for (UUID account : accounts) {
            for (int version = 1; version <= 60; version++) {
                long balance = random.nextInt(1_000_000) - 500_000;
                String event = Events.account(UUID.randomUUID(), "account.updated", account, balance, "active",
                        (long) version, t0.plusSeconds(version));
                events.add(event);
                if (random.nextInt(20) == 0) {
                    events.add(event);
                }
                expected.put(account, balance);
            }
        }
        Collections.shuffle(events, random);
        int half = events.size() / 2;

        try (RunningJar first = RunningJar.start(env, HTTP_PORT)) {
            first.awaitReady(Duration.ofSeconds(120));
            publish(events.subList(0, half));
            Thread.sleep(300);
            first.kill();
        }
        try (RunningJar second = RunningJar.start(env, HTTP_PORT)) {
            second.awaitReady(Duration.ofSeconds(120));
            publish(events.subList(half, events.size()));
            Map<UUID, Long> actual = Map.of();
            Instant deadline = Instant.now().plusSeconds(120);
            while (Instant.now().isBefore(deadline)) {
                actual = balances(dbUrl);
                if (actual.equals(expected)) {
                    break;
                }
                Thread.sleep(250);
            }
            assertEquals(expected, actual, "read model after a kill -9 and restart");
        }
    }

    private static void publish(List<String> events) throws Exception {
        try (Stomp stomp = Stomp.connect("127.0.0.1", BROKER_PORT)) {
            for (String event : events) {
                stomp.sendText("accounts.events", event, Map.of());
            }
        }
    }

    private static Map<UUID, Long> balances(String dbUrl) throws Exception {
        Map<UUID, Long> balances = new HashMap<>();
        try (Connection connection = DriverManager.getConnection(dbUrl, "postgres", "");
             ResultSet rows = connection.createStatement().executeQuery("SELECT account_id, balance_cents FROM accounts_read")) {
            while (rows.next()) {
                balances.put(rows.getObject(1, UUID.class), rows.getLong(2));
            }
        } catch (java.sql.SQLException notMigratedYet) {
            return Map.of();
        }
        return balances;
    }
}
